// A stack of dense layers whose weights live in ONE flat Float64Array (each layer's kernel and bias are views into it),
// so the optimizer, snapshots and "restore best weights" are single loops or copies.
//
// Kernel layout: row-major [fan_in][units], exactly Keras' layout: kernel[k * units + j] is the weight from input k
// to unit j. A layer's weighted sum for one row is z[j] = bias[j] + sum_k x[k] * kernel[k][j].
//
// A network built with WasmKernels keeps params and its prediction buffers in their memory and runs its layers on
// them; without, everything is plain JavaScript.

import { activations, type Activation } from './activations';
import { initializeKernel } from './initializers';
import { multiply } from './matmul';
import type { Rng } from './rng';
import type { ActivationName, NetworkSpec } from './spec';
import { WasmKernels } from './wasm/wasm-kernels';
import type { WeightsLayer } from './weights-file';

export class DenseLayer {
  readonly act: Activation;
  /** a ReLU layer: the WebAssembly kernels fold its activation into the matrix products */
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
  ) {
    this.act = activations[activation];
    this.relu = activation === 'relu';
  }
}

/** z = input · kernel + bias for `rows` rows. */
export function denseForward(layer: DenseLayer, input: Float64Array, rows: number, out: Float64Array): void {
  multiply(input, layer.kernel, layer.bias, out, rows, layer.fanIn, layer.units);
}

/** out = activation(input · kernel + bias) for `rows` rows; with wasm, input and out must live in its memory
 * (this finds their addresses on every call: fine for predictions, while Backprop keeps its own). */
export function layerForward(layer: DenseLayer, input: Float64Array, rows: number, out: Float64Array, wasm: WasmKernels | null): void {
  if (wasm === null) {
    denseForward(layer, input, rows, out);
    layer.act.forward(out, out, rows * layer.units, layer.units);
  } else {
    wasm.dense(wasm.address(input), wasm.address(layer.kernel), wasm.addressOrZero(layer.bias), wasm.address(out),
      rows, layer.fanIn, layer.units, layer.relu);
    if (!layer.relu) layer.act.forward(out, out, rows * layer.units, layer.units);
  }
}

/** The number of parameters (kernels and biases) of a network. */
export function paramCount(spec: NetworkSpec): number {
  let size = 0;
  let fanIn = spec.inputs;
  for (const l of spec.layers) {
    size += fanIn * l.units + (l.useBias === false ? 0 : l.units);
    fanIn = l.units;
  }
  return size;
}

/** How many rows predictInto pushes through at once. */
const PREDICT_CHUNK = 256;

export class Network {
  readonly inputs: number;
  readonly outputs: number;
  readonly layers: DenseLayer[];
  /** every kernel and bias, layer by layer: kernel (fanIn × units) then bias (units, when used) */
  readonly params: Float64Array;
  /** the kernels this network's buffers live with; null: plain JavaScript */
  readonly wasm: WasmKernels | null;
  /** predictInto's buffers: the input chunk (only with wasm, whose kernels need it in their memory), then per layer */
  private chunkInput: Float64Array | null = null;
  private chunkBuffers: Float64Array[] | null = null;

  /** The float64 slots a network of `spec` takes from a WasmKernels arena: params and predictInto's buffers. */
  static arenaDoubles(spec: NetworkSpec): number {
    let doubles = WasmKernels.slots(paramCount(spec)) + WasmKernels.slots(PREDICT_CHUNK * spec.inputs);
    for (const l of spec.layers) doubles += WasmKernels.slots(PREDICT_CHUNK * l.units);
    return doubles;
  }

  /**
   * Builds the layers of `spec`; their kernels come from each layer's initializer (zeros without an rng). With
   * wasm, params (and later the prediction buffers) are taken from its arena and the layers run on its kernels.
   */
  constructor(spec: NetworkSpec, rng?: Rng, wasm: WasmKernels | null = null) {
    if (!(spec.inputs >= 1) || spec.layers.length === 0) throw new Error('A network needs at least one input and one layer.');
    for (const l of spec.layers) {
      if (!Number.isInteger(l.units) || l.units < 1) throw new Error(`A layer needs a whole number of units (got ${l.units}).`);
      if (!Object.hasOwn(activations, l.activation)) throw new Error(`Unknown activation "${l.activation}".`);
    }
    const size = paramCount(spec);
    this.wasm = wasm;
    this.params = wasm ? wasm.alloc(size) : new Float64Array(size);
    this.inputs = spec.inputs;
    this.layers = [];
    let offset = 0;
    let fanIn = spec.inputs;
    for (const l of spec.layers) {
      const kernel = this.params.subarray(offset, offset + fanIn * l.units);
      const useBias = l.useBias !== false;
      const bias = useBias ? this.params.subarray(offset + kernel.length, offset + kernel.length + l.units) : null;
      this.layers.push(new DenseLayer(fanIn, l.units, l.activation, kernel, bias, offset, l.dropout ?? 0));
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
    layers.forEach((l, i) => {
      const layer = net.layers[i];
      if (l.kernel.length !== layer.fanIn) {
        throw new Error(`Layer ${i + 1}: the kernel has ${l.kernel.length} rows but the layer has ${layer.fanIn} inputs.`);
      }
      l.kernel.forEach((row, k) => {
        if (row.length !== layer.units) {
          throw new Error(`Layer ${i + 1}: kernel row ${k + 1} has ${row.length} values but the layer has ${layer.units} units.`);
        }
        layer.kernel.set(row, k * layer.units);
      });
      if (l.bias !== undefined && layer.bias !== null) {
        if (l.bias.length !== layer.units) {
          throw new Error(`Layer ${i + 1}: the bias has ${l.bias.length} values but the layer has ${layer.units} units.`);
        }
        layer.bias.set(l.bias);
      }
    });
    return net;
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
    const wasm = this.wasm;
    const alloc = (length: number) => (wasm ? wasm.alloc(length) : new Float64Array(length));
    const buffers = (this.chunkBuffers ??= this.layers.map((l) => alloc(PREDICT_CHUNK * l.units)));
    const chunkInput = wasm ? (this.chunkInput ??= alloc(PREDICT_CHUNK * this.inputs)) : null;
    const last = this.layers.length - 1;
    for (let start = 0; start < rows; start += PREDICT_CHUNK) {
      const n = Math.min(PREDICT_CHUNK, rows - start);
      let input = x.subarray(start * this.inputs, (start + n) * this.inputs);
      if (chunkInput !== null) {
        chunkInput.set(input);
        input = chunkInput;
      }
      for (let i = 0; i <= last; i++) {
        const y = buffers[i];
        layerForward(this.layers[i], input, n, y, wasm);
        input = y;
      }
      out.set(input.subarray(0, n * this.outputs), start * this.outputs);
    }
  }

  /** One row through the network, keeping every node's weighted sum and activation: "how the network got there". */
  trace(row: ArrayLike<number>): { inputs: number[]; layers: { sums: number[]; outputs: number[]; activation: string }[] } {
    const inputs = Array.from(row).slice(0, this.inputs);
    const layers: { sums: number[]; outputs: number[]; activation: string }[] = [];
    let x = Float64Array.from(inputs);
    for (const layer of this.layers) {
      const z = new Float64Array(layer.units);
      denseForward(layer, x, 1, z);
      const y = new Float64Array(layer.units);
      layer.act.forward(z, y, layer.units, layer.units);
      layers.push({ sums: Array.from(z), outputs: Array.from(y), activation: layer.activation });
      x = y;
    }
    return { inputs, layers };
  }
}
