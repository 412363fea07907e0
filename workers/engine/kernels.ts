// The kernels interface: every numeric hot loop of training and prediction that a backend runs its own way.
// Two implementations: js-kernels.ts (plain TypeScript) and wasm/wasm-kernels.ts (WebAssembly SIMD). A run picks
// one, once (train.ts), as tfjs-core picks its backend; the network, back-propagation and the optimizers call it
// and never ask which it is.
//
// Buffers come from alloc(), in the kernels' own memory. The kernels take them by address(): found once per buffer,
// when it is made, because looking an address up on every call cost the WebAssembly path ~15 ns a buffer, too much
// for a batch of 10 rows. Activations other than ReLU, losses, dropout and L2 work on the Float64Arrays directly.
// Shapes are row-major: a matrix of r rows and c columns holds row i at [i * c, (i + 1) * c).

export type EngineName = 'wasm' | 'js';

/**
 * Where the kernels find a buffer: a byte offset in WebAssembly memory, or, for the JavaScript kernels, the array
 * itself. The address of no buffer (an absent bias, no ReLU to pass through) is addressOrZero(null).
 */
export type Address = number | Float64Array | null;

export interface Kernels {
  /** which implementation this is */
  readonly engine: EngineName;
  /** A zeroed buffer of `length` float64 values in the kernels' memory. */
  alloc(length: number): Float64Array;
  /** The address of a buffer from alloc() (or a view into one). */
  address(values: Float64Array): Address;
  /** address() of an optional buffer; null gives the address of no buffer. */
  addressOrZero(values: Float64Array | null): Address;

  /** out (rows × units) = input (rows × fanIn) · kernel (fanIn × units) + bias (when given), then max(·, 0) with relu. */
  dense(input: Address, kernel: Address, bias: Address, out: Address, rows: number, fanIn: number, units: number, relu: boolean): void;
  /** out (fanIn × units) = inputᵀ · delta: a kernel's gradient. */
  kernelGradient(input: Address, delta: Address, out: Address, rows: number, fanIn: number, units: number): void;
  /** out (units) = the column sums of delta (rows × units), in row order: a bias's gradient. */
  biasGradient(delta: Address, out: Address, rows: number, units: number): void;
  /**
   * out (rows × fanIn) = delta (rows × units) · kernelᵀ: the deltas sent back through a kernel; given reluOutput
   * (the previous layer's ReLU outputs, rows × fanIn), also through that ReLU: 0 where its output was not positive.
   * scratch holds fanIn × units values, room for kernelᵀ where a backend wants it.
   */
  deltaBack(delta: Address, kernel: Address, out: Address, rows: number, fanIn: number, units: number, reluOutput: Address, scratch: Address): void;

  // The optimizers' updates of `count` parameters (formulas in optimizers.ts), operation for operation alike in
  // both backends, so they give the same bits.
  sgd(params: Address, grads: Address, velocity: Address, count: number, lr: number, momentum: number, nesterov: boolean): void;
  rmsprop(params: Address, grads: Address, meanSquare: Address, count: number, lr: number, rho: number, eps: number): void;
  adam(params: Address, grads: Address, m: Address, v: Address, count: number, alpha: number, c1: number, c2: number, eps: number): void;
}

/**
 * The float64 slots a buffer of `length` values takes from kernels whose memory is sized up front: every buffer
 * starts on a 16-byte boundary, where SIMD loads want it. A run adds these up for all its buffers.
 */
export function slots(length: number): number {
  return length + (length & 1);
}
