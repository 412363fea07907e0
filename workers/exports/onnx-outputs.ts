// The exported model's outputs, named for a reader: a yes/no model's `probability` and `label`, a multi-class
// model's `probabilities` and `label`, a number's `value` in the target's units; the same answers as predict().

import type { OnnxGraph } from './onnx-graph';
import type { WeightsFile } from '../engine/weights-file';

/** The graph outputs' names for a task, in order: what docs/export-onnx.md lists and the runtime reports. */
export function outputNames(task: WeightsFile['task']): string[] {
  return task === 'binary' ? ['probability', 'label'] : task === 'multiclass' ? ['probabilities', 'label'] : ['value'];
}

/** Turns the network's output [N, units] into the named outputs. */
export function namedOutputs(g: OnnxGraph, network: string, model: WeightsFile): void {
  const { classes = [], threshold = 0.5, scale } = model.output;
  if (model.task === 'regression') {
    const value = scale
      ? g.op('Add', [g.op('Mul', [network, g.numbers('target_std', [scale.std], [])]), g.numbers('target_mean', [scale.mean], [])])
      : network;
    g.output('value', value, 'number', 1);
    return;
  }
  if (model.task === 'binary') {
    // at the threshold itself the answer is classes[1], as predict() says
    const yes = g.op('GreaterOrEqual', [network, g.numbers('threshold', [threshold], [])]);
    const label = g.op('Where', [yes, g.texts('positive_class', [classes[1]], []), g.texts('negative_class', [classes[0]], [])]);
    g.output('probability', network, 'number', 1);
    g.output('label', label, 'text', 1);
    return;
  }
  // ArgMax takes the first of equal probabilities, as predict() does
  const best = g.op('ArgMax', [network], { axis: { int: 1 }, keepdims: { int: 1 } }, 'best_class');
  const label = g.op('Gather', [g.texts('classes', classes), best], { axis: { int: 0 } });
  g.output('probabilities', network, 'number', classes.length);
  g.output('label', label, 'text', 1);
}
