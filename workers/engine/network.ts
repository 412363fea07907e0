// A stack of dense layers whose weights live in ONE flat Float64Array (each layer's kernel and bias are views into it),
// so the optimizer, snapshots and "restore best weights" are single loops or copies.
//
// Kernel layout: row-major [fan_in][units], exactly Keras' layout: kernel[k * units + j] is the weight from input k
// to unit j. A layer's weighted sum for one row is z[j] = bias[j] + sum_k x[k] * kernel[k][j].
//
// The network's params and prediction buffers live in the memory of the kernels it is built with (kernels.ts) and
// its layers run on them; by default, the plain JavaScript ones.

import { activations, type Activation } from './activations';
import { initializeKernel } from './initializers';
import { jsKernels } from './js-kernels';
import { slots, type Address, type Kernels } from './kernels';
import type { Rng } from './rng';
import { paramCount, type ActivationName, type NetworkSpec } from './spec';
import type { WeightsLayer } from './weights-file';

export class DenseLayer {
  readonly act: Activation;
  /** a ReLU layer: the kernels fold its activation into the matrix products */
  readonly relu: boolean;
  constructor(
    readonly fanIn: number,
    readonly units: number,
    readonly activation: ActivationName,
    /** views into the network's params */
    readonly kernel: Float64Array,
    readonly bias: Float64Array | null,
    /** where this layer's kernel starts in params (its bias follows it) */
    readonly offset: number,
    readonly dropout: number,
    /** the kernels' addresses of kernel and bias */
    readonly kernelAt: Address,
    readonly biasAt: Address,
  ) {
    this.act = activations[activation];
    this.relu = activation === 'relu';
  }

  /** out = activation(input · kernel + bias) for `rows` rows; input and out are buffers of `kernels` at these addresses. */
  forward(kernels: Kernels, inputAt: Address, rows: number, out: Float64Array, outAt: Address): void {
    kernels.dense(inputAt, this.kernelAt, this.biasAt, outAt, rows, this.fanIn, this.units, this.relu);
    if (!this.relu) this.act.forward(out, out, rows * this.units, this.units);
  }
}

/** How many rows predictInto pushes through at once. */
const PREDICT_CHUNK = 256;

export class Network {
  readonly inputs: number;
  readonly outputs: number;
  readonly layers: DenseLayer[];
  /** every kernel and bias, layer by layer: kernel (fanIn × units) then bias (units, when used) */
  readonly params: Float64Array;
  /** the kernels this network's buffers live with and its layers run on */
  readonly kernels: Kernels;
  /** predictInto's buffers, made on its first call: the input chunk (copied into the kernels' memory), then per layer */
  private chunk: { input: Float64Array; inputAt: Address; outputs: Float64Array[]; outputsAt: Address[] } | null = null;

  /** The float64 slots a network of `spec` takes from kernels whose memory is sized up front: params and predictInto's buffers. */
  static arenaDoubles(spec: NetworkSpec): number {
    let doubles = slots(paramCount(spec)) + slots(PREDICT_CHUNK * spec.inputs);
    for (const l of spec.layers) doubles += slots(PREDICT_CHUNK * l.units);
    return doubles;
  }

  /**
   * Builds the layers of `spec`, their params in the memory of `kernels`; the kernels come from each layer's
   * initializer (zeros without an rng).
   */
  constructor(spec: NetworkSpec, rng?: Rng, kernels: Kernels = jsKernels) {
    if (!(spec.inputs >= 1) || spec.layers.length === 0) throw new Error('A network needs at least one input and one layer.');
    for (const l of spec.layers) {
      if (!Number.isInteger(l.units) || l.units < 1) throw new Error(`A layer needs a whole number of units (got ${l.units}).`);
      if (!Object.hasOwn(activations, l.activation)) throw new Error(`Unknown activation "${l.activation}".`);
    }
    const size = paramCount(spec);
    this.kernels = kernels;
    this.params = kernels.alloc(size);
    this.inputs = spec.inputs;
    this.layers = [];
    let offset = 0;
    let fanIn = spec.inputs;
    for (const l of spec.layers) {
      const kernel = this.params.subarray(offset, offset + fanIn * l.units);
      const useBias = l.useBias !== false;
      const bias = useBias ? this.params.subarray(offset + kernel.length, offset + kernel.length + l.units) : null;
      this.layers.push(new DenseLayer(fanIn, l.units, l.activation, kernel, bias, offset, l.dropout ?? 0,
        kernels.address(kernel), kernels.addressOrZero(bias)));
      if (rng) initializeKernel(l.initializer ?? 'glorot_uniform', kernel, fanIn, l.units, rng);
      offset += kernel.length + (bias ? bias.length : 0);
      fanIn = l.units;
    }
    this.outputs = fanIn;
  }

  /** A network holding the given weights (kernel [fan_in][units]; no bias array = no bias). */
  static fromLayers(inputs: number, layers: WeightsLayer[]): Network {
    const net = new Network({
      inputs,
      layers: layers.map((l) => ({ units: l.units, activation: l.activation, useBias: l.bias !== undefined })),
    });
    net.setWeights(layers);
    return net;
  }

  /** Why `weights` do not fit this network's layers, naming the first layer that does not; undefined when they fit. */
  mismatch(weights: readonly WeightsLayer[]): string | undefined {
    if (weights.length !== this.layers.length) return `The weights have ${weights.length} layers but the network has ${this.layers.length}.`;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i], layer = this.layers[i], where = `Layer ${i + 1}`;
      if (w.units !== layer.units) return `${where}: the weights are for ${w.units} units but the layer has ${layer.units}.`;
      if (w.activation !== layer.activation) return `${where}: the weights were trained with ${w.activation} but the layer uses ${layer.activation}.`;
      if (w.kernel.length !== layer.fanIn) return `${where}: the kernel has ${w.kernel.length} rows but the layer has ${layer.fanIn} inputs.`;
      for (let k = 0; k < w.kernel.length; k++) {
        const row = w.kernel[k];
        if (row.length !== layer.units) return `${where}: kernel row ${k + 1} has ${row.length} values but the layer has ${layer.units} units.`;
        const bad = row.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) return `${where}: kernel row ${k + 1}, value ${bad + 1} is ${row[bad]}, not a finite number.`;
      }
      if ((w.bias === undefined) !== (layer.bias === null)) {
        return `${where}: the weights have ${w.bias === undefined ? 'no bias' : 'a bias'} but the layer ${layer.bias === null ? 'has none' : 'has one'}.`;
      }
      if (w.bias !== undefined) {
        if (w.bias.length !== layer.units) return `${where}: the bias has ${w.bias.length} values but the layer has ${layer.units} units.`;
        const bad = w.bias.findIndex((v) => !Number.isFinite(v));
        if (bad >= 0) return `${where}: bias value ${bad + 1} is ${w.bias[bad]}, not a finite number.`;
      }
    }
    return undefined;
  }

  /** Puts the given weights (kernel [fan_in][units], as toLayers gives them) into the layers; throws mismatch(). */
  setWeights(weights: readonly WeightsLayer[]): void {
    const problem = this.mismatch(weights);
    if (problem !== undefined) throw new Error(problem);
    weights.forEach((w, i) => {
      const layer = this.layers[i];
      w.kernel.forEach((row, k) => layer.kernel.set(row, k * layer.units));
      if (w.bias !== undefined && layer.bias !== null) layer.bias.set(w.bias);
    });
  }

  /** The weights as plain arrays: kernel [fan_in][units], bias absent when the layer has none. */
  toLayers(): WeightsLayer[] {
    return this.layers.map((layer) => {
      const kernel: number[][] = [];
      for (let k = 0; k < layer.fanIn; k++) {
        kernel.push(Array.from(layer.kernel.subarray(k * layer.units, (k + 1) * layer.units)));
      }
      const out: WeightsLayer = { units: layer.units, activation: layer.activation, kernel };
      if (layer.bias) out.bias = Array.from(layer.bias);
      return out;
    });
  }

  /** Outputs for `rows` rows of x (row-major, rows × inputs) into out (rows × outputs). No dropout. */
  predictInto(x: Float64Array, rows: number, out: Float64Array): void {
    const kernels = this.kernels;
    const chunk = (this.chunk ??= this.chunkBuffers());
    const last = this.layers.length - 1;
    for (let start = 0; start < rows; start += PREDICT_CHUNK) {
      const n = Math.min(PREDICT_CHUNK, rows - start);
      chunk.input.set(x.subarray(start * this.inputs, (start + n) * this.inputs));
      let inputAt = chunk.inputAt;
      for (let i = 0; i <= last; i++) {
        this.layers[i].forward(kernels, inputAt, n, chunk.outputs[i], chunk.outputsAt[i]);
        inputAt = chunk.outputsAt[i];
      }
      out.set(chunk.outputs[last].subarray(0, n * this.outputs), start * this.outputs);
    }
  }

  private chunkBuffers(): NonNullable<Network['chunk']> {
    const kernels = this.kernels;
    const input = kernels.alloc(PREDICT_CHUNK * this.inputs);
    const outputs = this.layers.map((l) => kernels.alloc(PREDICT_CHUNK * l.units));
    return { input, inputAt: kernels.address(input), outputs, outputsAt: outputs.map((o) => kernels.address(o)) };
  }
}
