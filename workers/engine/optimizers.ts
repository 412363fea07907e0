// Optimizers, in order of increasing complexity, with Keras 3's defaults and exact update formulas.
// Each works on the network's one flat parameter array; its state arrays are made once, in the constructor, in the
// memory of the kernels it is given, whose sgd / rmsprop / adam run the update (kernels.ts).

import { jsKernels } from './js-kernels';
import { slots, type Address, type Kernels } from './kernels';
import type { OptimizerSettings } from './spec';

export interface Optimizer {
  /** One update of every parameter from its gradient (both arrays in the memory of the optimizer's kernels). */
  step(params: Float64Array, grads: Float64Array): void;
}

/** Keras defaults. */
export const DEFAULT_LEARNING_RATE = { sgd: 0.01, rmsprop: 0.001, adam: 0.001 } as const;
export const DEFAULT_EPSILON = 1e-7;

/**
 * The arrays an optimizer hands to its kernels: its state, found once, and the params and grads step() is given,
 * looked up again only when those arrays change (every step of a run gets the same two).
 */
class Operands {
  readonly state: Address[];
  paramsAt: Address = null;
  gradsAt: Address = null;
  private params: Float64Array | null = null;
  private grads: Float64Array | null = null;
  constructor(readonly kernels: Kernels, state: Float64Array[]) {
    this.state = state.map((a) => kernels.address(a));
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

/**
 * sgd:        w -= lr g
 * momentum:   m = momentum m - lr g;  w += m
 * Nesterov:   m = momentum m - lr g;  w += momentum m - lr g
 */
export class Sgd implements Optimizer {
  private readonly on: Operands;
  constructor(
    size: number, private readonly lr: number, private readonly momentum: number, private readonly nesterov: boolean,
    kernels: Kernels = jsKernels,
  ) {
    this.on = new Operands(kernels, [kernels.alloc(momentum !== 0 ? size : 0)]);
  }
  step(params: Float64Array, grads: Float64Array): void {
    const on = this.on;
    on.find(params, grads);
    on.kernels.sgd(on.paramsAt, on.gradsAt, on.state[0], params.length, this.lr, this.momentum, this.nesterov);
  }
}

/** rmsprop:  v = rho v + (1 - rho) g²;  w -= lr g / sqrt(v + eps)   (Keras 3: epsilon inside the root) */
export class RmsProp implements Optimizer {
  private readonly on: Operands;
  constructor(
    size: number, private readonly lr: number, private readonly rho: number, private readonly epsilon: number,
    kernels: Kernels = jsKernels,
  ) {
    this.on = new Operands(kernels, [kernels.alloc(size)]);
  }
  step(params: Float64Array, grads: Float64Array): void {
    const on = this.on;
    on.find(params, grads);
    on.kernels.rmsprop(on.paramsAt, on.gradsAt, on.state[0], params.length, this.lr, this.rho, this.epsilon);
  }
}

/**
 * adam (step t = 1, 2, ...):  alpha = lr sqrt(1 - beta2^t) / (1 - beta1^t)
 *   m += (g - m)(1 - beta1);  v += (g² - v)(1 - beta2);  w -= alpha m / (sqrt(v) + eps)
 */
export class Adam implements Optimizer {
  private readonly on: Operands;
  private t = 0;
  constructor(
    size: number, private readonly lr: number, private readonly beta1: number, private readonly beta2: number,
    private readonly epsilon: number, kernels: Kernels = jsKernels,
  ) {
    this.on = new Operands(kernels, [kernels.alloc(size), kernels.alloc(size)]);
  }
  step(params: Float64Array, grads: Float64Array): void {
    this.t++;
    const b1 = this.beta1, b2 = this.beta2, on = this.on;
    const alpha = (this.lr * Math.sqrt(1 - Math.pow(b2, this.t))) / (1 - Math.pow(b1, this.t));
    on.find(params, grads);
    on.kernels.adam(on.paramsAt, on.gradsAt, on.state[0], on.state[1], params.length, alpha, 1 - b1, 1 - b2, this.epsilon);
  }
}

/** The float64 slots an optimizer's state for `size` parameters takes from kernels whose memory is sized up front. */
export function optimizerArenaDoubles(settings: OptimizerSettings, size: number): number {
  const arrays = settings.name === 'adam' ? 2 : settings.name === 'rmsprop' ? 1 : (settings.momentum ?? 0) !== 0 ? 1 : 0;
  return arrays * slots(size);
}

/** The state is taken from the memory of `kernels`, where the params and grads given to step() must live too. */
export function createOptimizer(settings: OptimizerSettings, size: number, kernels: Kernels = jsKernels): Optimizer {
  const lr = settings.learningRate ?? DEFAULT_LEARNING_RATE[settings.name];
  const eps = settings.epsilon ?? DEFAULT_EPSILON;
  switch (settings.name) {
    case 'sgd':
      return new Sgd(size, lr, settings.momentum ?? 0, settings.nesterov ?? false, kernels);
    case 'rmsprop':
      return new RmsProp(size, lr, settings.rho ?? 0.9, eps, kernels);
    case 'adam':
      return new Adam(size, lr, settings.beta1 ?? 0.9, settings.beta2 ?? 0.999, eps, kernels);
    default:
      throw new Error(`Unknown optimizer "${String((settings as { name: unknown }).name)}".`);
  }
}
