// The dense layers as ONNX ops, and every activation: the runtime's own op in float32; in float64, where the CPU
// runtime has no double kernel (Softplus, Elu, LeakyRelu), the same function built from ops that have one.

import type { OnnxGraph } from './onnx-graph';
import { ELU_ALPHA, LEAKY_RELU_SLOPE } from '../engine/activations';
import type { ActivationName } from '../engine/spec';
import type { WeightsLayer } from '../engine/weights-file';

/** An activation applied to the weighted sums `z` [N, units]; returns its output. Typed by name, so a new
 * activation in spec.ts does not compile until it is given here (or refused with ExportRefusal). */
type ActivationOps = (g: OnnxGraph, z: string) => string;

const ACTIVATION_OPS: Record<ActivationName, ActivationOps> = {
  linear: (_g, z) => z,
  relu: (g, z) => g.op('Relu', [z]),
  sigmoid: (g, z) => g.op('Sigmoid', [z]),
  tanh: (g, z) => g.op('Tanh', [z]),
  softmax: (g, z) => g.op('Softmax', [z], { axis: { int: 1 } }),
  // ln(1 + e^z) without overflow: max(z, 0) + ln(1 + e^−|z|)
  softplus: (g, z) => {
    if (g.precision === 32) return g.op('Softplus', [z]);
    const tail = g.op('Log', [g.op('Add', [g.numbers('one', [1], []), g.op('Exp', [g.op('Neg', [g.op('Abs', [z])])])])]);
    return g.op('Add', [g.op('Max', [z, g.numbers('zero', [0], [])]), tail], {}, 'softplus');
  },
  elu: (g, z) => {
    if (g.precision === 32) return g.op('Elu', [z], { alpha: { float: ELU_ALPHA } });
    const below = g.op('Mul', [g.numbers('elu_alpha', [ELU_ALPHA], []), g.op('Sub', [g.op('Exp', [z]), g.numbers('one', [1], [])])]);
    return g.op('Where', [g.op('Greater', [z, g.numbers('zero', [0], [])]), z, below], {}, 'elu');
  },
  // the slope is below 1, so max(z, slope·z) is z above 0 and slope·z below
  leaky_relu: (g, z) => {
    if (g.precision === 32) return g.op('LeakyRelu', [z], { alpha: { float: LEAKY_RELU_SLOPE } });
    return g.op('Max', [z, g.op('Mul', [z, g.numbers('leaky_slope', [LEAKY_RELU_SLOPE], [])])], {}, 'leaky_relu');
  },
};

/** Every layer, from the prepared features [N, width] to the network's output [N, units of the last layer]. */
export function denseLayers(g: OnnxGraph, features: string, width: number, layers: WeightsLayer[]): string {
  let x = features, fanIn = width;
  layers.forEach((layer, l) => {
    const kernel = g.numbers(`layer ${l + 1} kernel`, layer.kernel.flat(), [fanIn, layer.units]);
    let z = g.op('MatMul', [x, kernel], {}, `layer ${l + 1} sums`);
    if (layer.bias) z = g.op('Add', [z, g.numbers(`layer ${l + 1} bias`, layer.bias)], {}, `layer ${l + 1} sums`);
    x = ACTIVATION_OPS[layer.activation](g, z);
    fanIn = layer.units;
  });
  return x;
}
