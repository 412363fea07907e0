// One mini-batch forward and backward through a network: the loss of the batch and the gradient of every parameter.
// Every buffer is allocated here, once, for the largest batch, in the memory of the network's kernels (kernels.ts),
// and its address found once; run() allocates nothing. The kernels run the matrix products (with the ReLUs folded
// in) and bias gradients; the other activations, losses, dropout and L2 work on the same arrays here.
// Weighted rows (class weights) scale the loss and the output delta row by row, before any kernel runs, so every
// backend's kernels share the weighting.

import { slots, type Address, type Kernels } from './kernels';
import type { Network } from './network';
import { fusedDelta, hasFusedDelta, losses, type Loss } from './losses';
import type { Rng } from './rng';
import { paramCount, type LossName, type NetworkSpec } from './spec';

export class Backprop {
  /** the batch's inputs, rows × inputs: the caller fills the first `rows` rows before run() */
  readonly x: Float64Array;
  /** the batch's targets, rows × outputs */
  readonly target: Float64Array;
  /** d(batch loss + L2 penalty) / d params, in the layout of network.params */
  readonly grads: Float64Array;
  /** the network's outputs for the batch after run() */
  readonly output: Float64Array;
  /** with weighted rows: each row's weight, rows long; the caller fills the first `rows` before run() (no kernel
   * reads it, so it lives outside the kernels' memory) */
  readonly rowWeights: Float64Array | null;
  /** l2 × (sum of squared kernel weights) at the start of the last run() */
  penalty = 0;
  /** the sum of the rows' losses (each times its weight, with weighted rows) in the last run() */
  lossSum = 0;

  private readonly kernels: Kernels;
  private readonly loss: Loss;
  private readonly fused: boolean;
  /** per layer: the activation's outputs */
  private readonly y: Float64Array[];
  /** per layer: the outputs after dropout, and the dropout scale (0 or 1 / (1 - rate)) per value */
  private readonly dropped: Float64Array[];
  private readonly masks: Float64Array[];
  /** per layer: whether dropout was applied in this run */
  private readonly dropApplied: Uint8Array;
  /** per layer: d loss / d z */
  private readonly deltas: Float64Array[];
  private readonly gradKernels: Float64Array[];
  /** the address of every buffer above that the kernels work on (found once, here) */
  private readonly at: Addresses;

  /** The float64 slots a Backprop of `spec` for `maxRows` rows takes from kernels whose memory is sized up front (as allocated below). */
  static arenaDoubles(spec: NetworkSpec, maxRows: number): number {
    let doubles = slots(maxRows * spec.inputs) + slots(maxRows * spec.layers[spec.layers.length - 1].units) + slots(paramCount(spec));
    let fanIn = spec.inputs, transposed = 0;
    spec.layers.forEach((l, i) => {
      const dropout = (l.dropout ?? 0) > 0 ? maxRows * l.units : 0;
      doubles += slots(maxRows * l.units) * 2 + slots(dropout) * 2;
      if (i > 0) transposed = Math.max(transposed, fanIn * l.units);
      fanIn = l.units;
    });
    return doubles + slots(transposed);
  }

  constructor(
    private readonly network: Network,
    private readonly lossName: LossName,
    private readonly l2: number,
    readonly maxRows: number,
    weightedRows = false,
  ) {
    const layers = network.layers;
    const kernels = (this.kernels = network.kernels);
    const alloc = (length: number) => kernels.alloc(length);
    this.loss = losses[lossName];
    this.fused = hasFusedDelta(layers[layers.length - 1].activation, lossName);
    this.x = alloc(maxRows * network.inputs);
    this.target = alloc(maxRows * network.outputs);
    this.rowWeights = weightedRows ? new Float64Array(maxRows) : null;
    this.grads = alloc(network.params.length);
    this.y = layers.map((l) => alloc(maxRows * l.units));
    this.dropped = layers.map((l) => alloc(l.dropout > 0 ? maxRows * l.units : 0));
    this.masks = layers.map((l) => alloc(l.dropout > 0 ? maxRows * l.units : 0));
    this.dropApplied = new Uint8Array(layers.length);
    this.deltas = layers.map((l) => alloc(maxRows * l.units));
    this.gradKernels = layers.map((l) => this.grads.subarray(l.offset, l.offset + l.kernel.length));
    const gradBiases = layers.map((l) =>
      l.bias ? this.grads.subarray(l.offset + l.kernel.length, l.offset + l.kernel.length + l.units) : null,
    );
    this.output = this.y[layers.length - 1];
    // room for the largest kernelᵀ that deltas are sent back through
    const transposed = alloc(Math.max(0, ...layers.slice(1).map((l) => l.kernel.length)));
    const at = (a: Float64Array) => kernels.address(a);
    this.at = {
      x: at(this.x), y: this.y.map(at), dropped: this.dropped.map(at), deltas: this.deltas.map(at),
      gradKernels: this.gradKernels.map(at), gradBiases: gradBiases.map((g) => kernels.addressOrZero(g)),
      transposed: at(transposed), none: kernels.addressOrZero(null),
    };
  }
  /**
   * Forward and backward over the first `rows` rows of x and target. With an rng, hidden layers apply their
   * (inverted) dropout; without one, nothing is dropped. Sets lossSum to the SUM of the rows' losses, each times its
   * weight with weighted rows (no penalty; a field rather than a return value, so no number is boxed per batch);
   * grads then hold the gradient of the batch loss (that sum, divided by rows for a 'mean' loss, as Keras divides a
   * weighted batch by its size) plus the L2 penalty.
   */
  run(rows: number, rng: Rng | null): void {
    const last = this.network.layers.length - 1;
    for (let l = 0; l <= last; l++) {
      this.forward(l, rows);
      this.dropApplied[l] = 0;
      if (rng !== null && l < last && this.network.layers[l].dropout > 0) this.drop(l, rows, rng);
    }
    this.outputDelta(rows);
    for (let l = last; l >= 0; l--) {
      this.gradients(l, rows);
      if (l > 0) this.sendBack(l, rows);
    }
    this.penalise();
  }

  /** The address of layer l's input rows: the batch, or the previous layer's outputs (after dropout when it applied). */
  private inputAt(l: number): Address {
    const at = this.at;
    return l === 0 ? at.x : this.dropApplied[l - 1] === 1 ? at.dropped[l - 1] : at.y[l - 1];
  }

  /** y[l] = activation(input · kernel + bias) */
  private forward(l: number, rows: number): void {
    this.network.layers[l].forward(this.kernels, this.inputAt(l), rows, this.y[l], this.at.y[l]);
  }

  /** Inverted dropout on layer l's outputs: dropped = y × mask, mask 0 (at the layer's rate) or 1 / (1 - rate). */
  private drop(l: number, rows: number, rng: Rng): void {
    const rate = this.network.layers[l].dropout, keep = 1 / (1 - rate);
    const y = this.y[l], mask = this.masks[l], out = this.dropped[l], count = rows * this.network.layers[l].units;
    for (let i = 0; i < count; i++) {
      const m = rng.next() < rate ? 0 : keep;
      mask[i] = m;
      out[i] = y[i] * m;
    }
    this.dropApplied[l] = 1;
  }

  /** The batch loss (lossSum) and the output layer's delta, d(batch loss) / dz. */
  private outputDelta(rows: number): void {
    const layers = this.network.layers, last = layers.length - 1, outLayer = layers[last];
    const width = outLayer.units, count = rows * width;
    const out = this.y[last], target = this.target, delta = this.deltas[last], weights = this.rowWeights;
    this.lossSum = this.loss.rowSum(out, target, count, width, weights);
    if (this.fused) fusedDelta(this.lossName, out, target, delta, count, width);
    else {
      this.loss.gradient(out, target, delta, count, width);
      outLayer.act.backward(out, delta, count, width);
    }
    const scale = this.loss.reduction === 'mean' ? 1 / rows : 1;
    if (weights !== null) {
      for (let r = 0, i = 0; r < rows; r++) {
        const w = weights[r] * scale;
        for (const end = i + width; i < end; i++) delta[i] *= w;
      }
    } else if (scale !== 1) {
      for (let i = 0; i < count; i++) delta[i] *= scale;
    }
  }

  /** Layer l's kernel gradient, inputᵀ · delta, and bias gradient, the column sums of delta. */
  private gradients(l: number, rows: number): void {
    const layer = this.network.layers[l], at = this.at;
    this.kernels.kernelGradient(this.inputAt(l), at.deltas[l], at.gradKernels[l], rows, layer.fanIn, layer.units);
    if (layer.bias !== null) this.kernels.biasGradient(at.deltas[l], at.gradBiases[l], rows, layer.units);
  }

  /**
   * The previous layer's delta = (delta · kernelᵀ), through its dropout, through its activation. The kernels fold a
   * ReLU's in, before the dropout mask: multiplying by 0 or 1 is exact, so the order of the two masks does not
   * change a finite result.
   */
  private sendBack(l: number, rows: number): void {
    const layer = this.network.layers[l], before = this.network.layers[l - 1], fanIn = layer.fanIn, at = this.at;
    const prev = this.deltas[l - 1], folded = before.relu;
    this.kernels.deltaBack(at.deltas[l], layer.kernelAt, at.deltas[l - 1], rows, fanIn, layer.units,
      folded ? at.y[l - 1] : at.none, at.transposed);
    const prevCount = rows * fanIn;
    if (this.dropApplied[l - 1] === 1) {
      const mask = this.masks[l - 1];
      for (let i = 0; i < prevCount; i++) prev[i] *= mask[i];
    }
    if (!folded) before.act.backward(this.y[l - 1], prev, prevCount, fanIn);
  }

  /** L2 on kernels (Keras' regularizer: l2 * sum(w²), gradient 2 l2 w): sets penalty, adds to the kernel gradients. */
  private penalise(): void {
    const layers = this.network.layers, last = layers.length - 1;
    this.penalty = 0;
    if (this.l2 > 0) {
      let sumSquares = 0;
      const twoL2 = 2 * this.l2;
      for (let l = 0; l <= last; l++) {
        const kernel = layers[l].kernel, gk = this.gradKernels[l];
        for (let i = 0; i < kernel.length; i++) {
          sumSquares += kernel[i] * kernel[i];
          gk[i] += twoL2 * kernel[i];
        }
      }
      this.penalty = this.l2 * sumSquares;
    }
  }
}

/** Where Backprop's buffers sit for the kernels: one address per buffer, per layer where there is one each. */
interface Addresses {
  x: Address;
  y: Address[];
  dropped: Address[];
  deltas: Address[];
  gradKernels: Address[];
  /** the address of no buffer for a layer without bias */
  gradBiases: Address[];
  transposed: Address;
  /** the address of no buffer */
  none: Address;
}
