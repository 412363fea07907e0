// The kernels (../kernels.ts) in WebAssembly SIMD (assembly/kernels.ts): one instance with its own memory, and the
// arena that a training run's buffers are taken from, so the kernels can work on them in place.
//
// Ownership: one WasmKernels per train() call (each worker thread, each run its own); its memory is sized once, when
// it is made, for every buffer the run needs, and never grows (growing would detach every view into it). Buffers are
// handed out by alloc() and live as long as the instance. The compiled module is shared per thread.
//
// Loading is synchronous (`new WebAssembly.Module` / `new WebAssembly.Instance` on bytes embedded as base64): no fs,
// no fetch, so it works alike in Node, worker threads and browsers. Where WebAssembly or its SIMD is missing (or a
// page's policy refuses to compile it), create() returns null and the engine keeps to plain JavaScript.

import { slots, type EngineName, type Kernels } from '../kernels';
import { KERNELS_WASM_BASE64 } from './kernels-wasm';

interface KernelExports {
  multiply(a: number, rowStep: number, colStep: number, b: number, bias: number, out: number, mask: number,
    m: number, n: number, p: number, mode: number): void;
  transpose(from: number, to: number, rows: number, cols: number): void;
  columnSums(d: number, out: number, rows: number, units: number): void;
  adam(w: number, g: number, m: number, v: number, count: number, alpha: number, c1: number, c2: number, eps: number): void;
  rmsprop(w: number, g: number, v: number, count: number, lr: number, rho: number, eps: number): void;
  sgd(w: number, g: number, m: number, count: number, lr: number, mu: number, nesterov: number): void;
}

/** multiply()'s finishing modes, as in assembly/kernels.ts */
const PLAIN = 0, RELU = 1, RELU_GRADIENT = 2;
const PAGE_BYTES = 65536;
/** the arena starts above 0, because a 0 address means "no bias" to the kernels */
const ARENA_START = 64;

let compiled: WebAssembly.Module | null | undefined;

function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    compiled = null;
    try {
      if (typeof WebAssembly === 'object') {
        const bytes = Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0));
        // validate() is false on an engine without SIMD; compiling can also be refused (a page's CSP)
        if (WebAssembly.validate(bytes)) compiled = new WebAssembly.Module(bytes);
      }
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** Whether this thread can run the SIMD kernels. */
export function wasmKernelsAvailable(): boolean {
  return kernelModule() !== null;
}

export class WasmKernels implements Kernels {
  /** An instance whose arena holds `doubles` float64 slots (count them with slots()); null without WebAssembly SIMD. */
  static create(doubles: number): WasmKernels | null {
    const module = kernelModule();
    return module === null ? null : new WasmKernels(module, doubles);
  }

  readonly engine: EngineName = 'wasm';
  readonly memory: WebAssembly.Memory;
  private readonly buffer: ArrayBuffer;
  private readonly k: KernelExports;
  private next = ARENA_START;
  private readonly end: number;

  private constructor(module: WebAssembly.Module, doubles: number) {
    this.end = ARENA_START + 8 * doubles;
    const pages = Math.max(1, Math.ceil(this.end / PAGE_BYTES));
    // maximum = initial: the memory cannot grow, so no view into it is ever detached
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    this.k = new WebAssembly.Instance(module, { env: { memory: this.memory } }).exports as unknown as KernelExports;
    this.buffer = this.memory.buffer;
  }

  /** A zeroed buffer of `length` float64 values in this instance's memory. */
  alloc(length: number): Float64Array {
    const bytes = 8 * slots(length);
    if (this.next + bytes > this.end) {
      throw new Error(`Engine bug: the WebAssembly arena is too small (${(this.end - ARENA_START) / 8} values) for its buffers.`);
    }
    const view = new Float64Array(this.buffer, this.next, length);
    this.next += bytes;
    return view;
  }

  /** Float64 slots still free in the arena. */
  get free(): number {
    return (this.end - this.next) / 8;
  }

  // The kernels below take addresses from address(), found once when the buffers are made: reading a typed array's
  // .buffer to check it costs ~15 ns, too much to pay for every array of every call in a batch of 10 rows.

  /** out (rows × units) = input (rows × fanIn) · kernel (fanIn × units) + bias (0: none), then max(·, 0) for a ReLU layer. */
  dense(input: number, kernel: number, bias: number, out: number, rows: number, fanIn: number, units: number, relu: boolean): void {
    this.k.multiply(input, 8 * fanIn, 8, kernel, bias, out, 0, rows, fanIn, units, relu ? RELU : PLAIN);
  }

  /** out (fanIn × units) = inputᵀ · delta: a kernel's gradient. */
  kernelGradient(input: number, delta: number, out: number, rows: number, fanIn: number, units: number): void {
    if (units === 1) {
      // a one-unit layer's gradient is a column, laid out like the row deltaᵀ · input, whose lanes run along fanIn
      this.k.multiply(delta, 0, 8, input, 0, out, 0, 1, rows, fanIn, PLAIN);
    } else {
      // row k of inputᵀ is column k of input: it starts k values in and steps a whole input row
      this.k.multiply(input, 8, 8 * fanIn, delta, 0, out, 0, fanIn, rows, units, PLAIN);
    }
  }

  /** out (units) = the column sums of delta (rows × units): a bias's gradient. */
  biasGradient(delta: number, out: number, rows: number, units: number): void {
    this.k.columnSums(delta, out, rows, units);
  }

  /**
   * out (rows × fanIn) = delta (rows × units) · kernelᵀ: the deltas sent back through a kernel; with reluOutput
   * (the previous ReLU layer's outputs; 0: none) also through that ReLU, zero where its output was not positive.
   * scratch (fanIn × units values) receives kernelᵀ.
   */
  deltaBack(delta: number, kernel: number, out: number, rows: number, fanIn: number, units: number, reluOutput: number, scratch: number): void {
    let transposed = kernel;
    if (units > 1) {
      this.k.transpose(kernel, scratch, fanIn, units);
      transposed = scratch;
    }
    this.k.multiply(delta, 8 * units, 8, transposed, 0, out, reluOutput, rows, units, fanIn, reluOutput === 0 ? PLAIN : RELU_GRADIENT);
  }

  adam(params: number, grads: number, m: number, v: number, count: number, alpha: number, c1: number, c2: number, eps: number): void {
    this.k.adam(params, grads, m, v, count, alpha, c1, c2, eps);
  }

  rmsprop(params: number, grads: number, v: number, count: number, lr: number, rho: number, eps: number): void {
    this.k.rmsprop(params, grads, v, count, lr, rho, eps);
  }

  sgd(params: number, grads: number, velocity: number, count: number, lr: number, momentum: number, nesterov: boolean): void {
    this.k.sgd(params, grads, velocity, count, lr, momentum, nesterov ? 1 : 0);
  }

  /** The address of a buffer in this instance's memory, for the kernels; refuses any other array (its address would mean nothing). */
  address(array: Float64Array): number {
    if (array.buffer !== this.buffer) throw new Error('Engine bug: a buffer passed to the WebAssembly kernels lives outside their memory.');
    return array.byteOffset;
  }

  /** address() of an optional buffer: 0 for none (no buffer is ever at 0). */
  addressOrZero(array: Float64Array | null): number {
    return array === null ? 0 : this.address(array);
  }
}
