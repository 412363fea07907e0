// Optimizers, in order of increasing complexity, with Keras 3's defaults and exact update formulas.
// Each works on the network's one flat parameter array; its state arrays are made once, in the constructor.
// Given WasmKernels, the state lives in their arena and step() runs the same formula there (assembly/kernels.ts,
// operation for operation, so the two give the same bits).

import type { OptimizerSettings } from './spec';
import { WasmKernels } from './wasm/wasm-kernels';

export interface Optimizer {
  /** One update of every parameter from its gradient. */
  step(params: Float64Array, grads: Float64Array): void;
}

/** Keras defaults. */
export const DEFAULT_LEARNING_RATE = { sgd: 0.01, rmsprop: 0.001, adam: 0.001 } as const;
export const DEFAULT_EPSILON = 1e-7;

/**
 * sgd:        w -= lr g
 * momentum:   m = momentum m - lr g;  w += m
 * Nesterov:   m = momentum m - lr g;  w += momentum m - lr g
 */
export class Sgd implements Optimizer {
  private readonly velocity: Float64Array;
  private readonly wasm: WasmStep | null;
  constructor(
    size: number, private readonly lr: number, private readonly momentum: number, private readonly nesterov: boolean,
    kernels: WasmKernels | null = null,
  ) {
    this.velocity = allocate(momentum !== 0 ? size : 0, kernels);
    this.wasm = kernels ? new WasmStep(kernels, [this.velocity]) : null;
  }
  step(params: Float64Array, grads: Float64Array): void {
    const wasm = this.wasm;
    if (wasm !== null) {
      wasm.find(params, grads);
      return wasm.kernels.sgd(wasm.paramsAt, wasm.gradsAt, wasm.stateAt[0], params.length, this.lr, this.momentum, this.nesterov);
    }
    const n = params.length, lr = this.lr, mu = this.momentum, m = this.velocity;
    if (mu === 0) {
      for (let i = 0; i < n; i++) params[i] -= lr * grads[i];
    } else if (this.nesterov) {
      for (let i = 0; i < n; i++) {
        m[i] = mu * m[i] - lr * grads[i];
        params[i] += mu * m[i] - lr * grads[i];
      }
    } else {
      for (let i = 0; i < n; i++) {
        m[i] = mu * m[i] - lr * grads[i];
        params[i] += m[i];
      }
    }
  }
}

/** rmsprop:  v = rho v + (1 - rho) g²;  w -= lr g / sqrt(v + eps)   (Keras 3: epsilon inside the root) */
export class RmsProp implements Optimizer {
  private readonly meanSquare: Float64Array;
  private readonly wasm: WasmStep | null;
  constructor(
    size: number, private readonly lr: number, private readonly rho: number, private readonly epsilon: number,
    kernels: WasmKernels | null = null,
  ) {
    this.meanSquare = allocate(size, kernels);
    this.wasm = kernels ? new WasmStep(kernels, [this.meanSquare]) : null;
  }
  step(params: Float64Array, grads: Float64Array): void {
    const wasm = this.wasm;
    if (wasm !== null) {
      wasm.find(params, grads);
      return wasm.kernels.rmsprop(wasm.paramsAt, wasm.gradsAt, wasm.stateAt[0], params.length, this.lr, this.rho, this.epsilon);
    }
    const n = params.length, lr = this.lr, rho = this.rho, eps = this.epsilon, v = this.meanSquare;
    for (let i = 0; i < n; i++) {
      const g = grads[i];
      v[i] = rho * v[i] + (1 - rho) * g * g;
      params[i] -= (lr * g) / Math.sqrt(v[i] + eps);
    }
  }
}

/**
 * adam (step t = 1, 2, ...):  alpha = lr sqrt(1 - beta2^t) / (1 - beta1^t)
 *   m += (g - m)(1 - beta1);  v += (g² - v)(1 - beta2);  w -= alpha m / (sqrt(v) + eps)
 */
export class Adam implements Optimizer {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private readonly wasm: WasmStep | null;
  private t = 0;
  constructor(
    size: number, private readonly lr: number, private readonly beta1: number, private readonly beta2: number,
    private readonly epsilon: number, kernels: WasmKernels | null = null,
  ) {
    this.m = allocate(size, kernels);
    this.v = allocate(size, kernels);
    this.wasm = kernels ? new WasmStep(kernels, [this.m, this.v]) : null;
  }
  step(params: Float64Array, grads: Float64Array): void {
    this.t++;
    const n = params.length, b1 = this.beta1, b2 = this.beta2, eps = this.epsilon, m = this.m, v = this.v;
    const alpha = (this.lr * Math.sqrt(1 - Math.pow(b2, this.t))) / (1 - Math.pow(b1, this.t));
    const c1 = 1 - b1, c2 = 1 - b2;
    const wasm = this.wasm;
    if (wasm !== null) {
      wasm.find(params, grads);
      return wasm.kernels.adam(wasm.paramsAt, wasm.gradsAt, wasm.stateAt[0], wasm.stateAt[1], n, alpha, c1, c2, eps);
    }
    for (let i = 0; i < n; i++) {
      const g = grads[i];
      const mi = m[i] + (g - m[i]) * c1;
      const vi = v[i] + (g * g - v[i]) * c2;
      m[i] = mi;
      v[i] = vi;
      params[i] -= (alpha * mi) / (Math.sqrt(vi) + eps);
    }
  }
}

function allocate(length: number, wasm: WasmKernels | null): Float64Array {
  return wasm ? wasm.alloc(length) : new Float64Array(length);
}

/**
 * An optimizer's arrays as the kernels see them: the addresses of its state, and of the params and grads step() is
 * given, looked up again only when those arrays change (every step gets the same two; a lookup costs ~15 ns).
 */
class WasmStep {
  readonly stateAt: number[];
  paramsAt = 0;
  gradsAt = 0;
  private params: Float64Array | null = null;
  private grads: Float64Array | null = null;
  constructor(readonly kernels: WasmKernels, state: Float64Array[]) {
    this.stateAt = state.map((a) => kernels.address(a));
  }
  find(params: Float64Array, grads: Float64Array): void {
    if (params !== this.params) {
      this.paramsAt = this.kernels.address(params);
      this.params = params;
    }
    if (grads !== this.grads) {
      this.gradsAt = this.kernels.address(grads);
      this.grads = grads;
    }
  }
}

/** The float64 slots an optimizer's state for `size` parameters takes from a WasmKernels arena. */
export function optimizerArenaDoubles(settings: OptimizerSettings, size: number): number {
  const arrays = settings.name === 'adam' ? 2 : settings.name === 'rmsprop' ? 1 : (settings.momentum ?? 0) !== 0 ? 1 : 0;
  return arrays * WasmKernels.slots(size);
}

/** With wasm, the state is taken from its arena and the params and grads given to step() must live there too. */
export function createOptimizer(settings: OptimizerSettings, size: number, wasm: WasmKernels | null = null): Optimizer {
  const lr = settings.learningRate ?? DEFAULT_LEARNING_RATE[settings.name];
  const eps = settings.epsilon ?? DEFAULT_EPSILON;
  switch (settings.name) {
    case 'sgd':
      return new Sgd(size, lr, settings.momentum ?? 0, settings.nesterov ?? false, wasm);
    case 'rmsprop':
      return new RmsProp(size, lr, settings.rho ?? 0.9, eps, wasm);
    case 'adam':
      return new Adam(size, lr, settings.beta1 ?? 0.9, settings.beta2 ?? 0.999, eps, wasm);
    default:
      throw new Error(`Unknown optimizer "${String((settings as { name: unknown }).name)}".`);
  }
}
