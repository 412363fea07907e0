// The kernels in plain TypeScript: the matrix products of matmul.ts, the ReLU of activations.ts and the optimizer
// loops, on ordinary Float64Arrays (an address is the array itself). The fallback where WebAssembly SIMD is missing.

import { activations } from './activations';
import type { Kernels } from './kernels';
import { multiply, multiplyTransposedA, multiplyTransposedB } from './matmul';

const relu = activations.relu;

class JsKernels implements Kernels {
  readonly engine = 'js';

  alloc(length: number): Float64Array {
    return new Float64Array(length);
  }

  address(values: Float64Array): Float64Array {
    return values;
  }

  addressOrZero(values: Float64Array | null): Float64Array | null {
    return values;
  }

  dense(input: Float64Array, kernel: Float64Array, bias: Float64Array | null, out: Float64Array, rows: number, fanIn: number, units: number, folded: boolean): void {
    multiply(input, kernel, bias, out, rows, fanIn, units);
    if (folded) relu.forward(out, out, rows * units, units);
  }

  kernelGradient(input: Float64Array, delta: Float64Array, out: Float64Array, rows: number, fanIn: number, units: number): void {
    multiplyTransposedA(input, delta, out, rows, fanIn, units);
  }

  biasGradient(delta: Float64Array, out: Float64Array, rows: number, units: number): void {
    out.fill(0);
    for (let r = 0; r < rows; r++) {
      const at = r * units;
      for (let j = 0; j < units; j++) out[j] += delta[at + j];
    }
  }

  // kernelᵀ is never made here: multiplyTransposedB reads the kernel's rows as they lie, so scratch goes unused
  deltaBack(delta: Float64Array, kernel: Float64Array, out: Float64Array, rows: number, fanIn: number, units: number, reluOutput: Float64Array | null): void {
    multiplyTransposedB(delta, kernel, out, rows, fanIn, units);
    if (reluOutput !== null) relu.backward(reluOutput, out, rows * fanIn, fanIn);
  }

  sgd(params: Float64Array, grads: Float64Array, velocity: Float64Array, count: number, lr: number, momentum: number, nesterov: boolean): void {
    const m = velocity, mu = momentum;
    if (mu === 0) {
      for (let i = 0; i < count; i++) params[i] -= lr * grads[i];
    } else if (nesterov) {
      for (let i = 0; i < count; i++) {
        m[i] = mu * m[i] - lr * grads[i];
        params[i] += mu * m[i] - lr * grads[i];
      }
    } else {
      for (let i = 0; i < count; i++) {
        m[i] = mu * m[i] - lr * grads[i];
        params[i] += m[i];
      }
    }
  }

  rmsprop(params: Float64Array, grads: Float64Array, meanSquare: Float64Array, count: number, lr: number, rho: number, eps: number): void {
    const v = meanSquare;
    for (let i = 0; i < count; i++) {
      const g = grads[i];
      v[i] = rho * v[i] + (1 - rho) * g * g;
      params[i] -= (lr * g) / Math.sqrt(v[i] + eps);
    }
  }

  adam(params: Float64Array, grads: Float64Array, m: Float64Array, v: Float64Array, count: number, alpha: number, c1: number, c2: number, eps: number): void {
    for (let i = 0; i < count; i++) {
      const g = grads[i];
      const mi = m[i] + (g - m[i]) * c1;
      const vi = v[i] + (g * g - v[i]) * c2;
      m[i] = mi;
      v[i] = vi;
      params[i] -= (alpha * mi) / (Math.sqrt(vi) + eps);
    }
  }
}

/** The one instance: it holds no state, every run and network shares it. */
export const jsKernels: Kernels = new JsKernels();
