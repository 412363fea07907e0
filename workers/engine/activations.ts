// Activation functions, one table of { forward, backward } pairs over whole batches, with Keras' names and meanings.
//
// Convention (the same for every entry):
//   forward(z, y, count, width)    y[i] = f(z[i]) for i < count; the batch is rows of `width` values (softmax needs it)
//   backward(y, grad, count, width) in place: grad holds dLoss/dy on entry and dLoss/dz on return,
//                                   computed from the activation's OUTPUT y only (never from z).
// Every derivative below is written in terms of y, which is why the training loop needs to keep only the outputs.

import type { ActivationName } from './spec';

export interface Activation {
  forward(z: Float64Array, y: Float64Array, count: number, width: number): void;
  backward(y: Float64Array, grad: Float64Array, count: number, width: number): void;
}

/** Keras 3 `keras.activations.leaky_relu` default negative slope (the LeakyReLU layer's default is 0.3). */
export const LEAKY_RELU_SLOPE = 0.2;
/** Keras' `elu` default alpha. */
export const ELU_ALPHA = 1;

export const activations: Record<ActivationName, Activation> = {
  linear: {
    forward(z, y, count) {
      for (let i = 0; i < count; i++) y[i] = z[i];
    },
    backward() {
      // dy/dz = 1: grad is already dLoss/dz
    },
  },
  relu: {
    // written without branches: a ReLU's signs are unpredictable, and a mispredicted branch per value costs more
    // than the arithmetic (halving is exact, so this is max(z, 0) exactly for every normal number)
    forward(z, y, count) {
      for (let i = 0; i < count; i++) {
        const v = z[i];
        y[i] = 0.5 * v + 0.5 * Math.abs(v);
      }
    },
    backward(y, grad, count) {
      for (let i = 0; i < count; i++) grad[i] *= +(y[i] > 0);
    },
  },
  leaky_relu: {
    forward(z, y, count) {
      for (let i = 0; i < count; i++) y[i] = z[i] > 0 ? z[i] : LEAKY_RELU_SLOPE * z[i];
    },
    backward(y, grad, count) {
      // y > 0 exactly when z > 0, since the slope is positive
      for (let i = 0; i < count; i++) if (!(y[i] > 0)) grad[i] *= LEAKY_RELU_SLOPE;
    },
  },
  elu: {
    forward(z, y, count) {
      for (let i = 0; i < count; i++) y[i] = z[i] > 0 ? z[i] : ELU_ALPHA * Math.expm1(z[i]);
    },
    backward(y, grad, count) {
      // for z <= 0, y = alpha (e^z - 1), so dy/dz = alpha e^z = y + alpha
      for (let i = 0; i < count; i++) if (!(y[i] > 0)) grad[i] *= y[i] + ELU_ALPHA;
    },
  },
  sigmoid: {
    forward(z, y, count) {
      for (let i = 0; i < count; i++) {
        const v = z[i];
        if (v >= 0) y[i] = 1 / (1 + Math.exp(-v));
        else {
          const e = Math.exp(v); // never overflows for v < 0
          y[i] = e / (1 + e);
        }
      }
    },
    backward(y, grad, count) {
      for (let i = 0; i < count; i++) grad[i] *= y[i] * (1 - y[i]);
    },
  },
  tanh: {
    forward(z, y, count) {
      for (let i = 0; i < count; i++) y[i] = Math.tanh(z[i]);
    },
    backward(y, grad, count) {
      for (let i = 0; i < count; i++) grad[i] *= 1 - y[i] * y[i];
    },
  },
  softplus: {
    forward(z, y, count) {
      // log(1 + e^z) without overflow
      for (let i = 0; i < count; i++) {
        const v = z[i];
        y[i] = (v > 0 ? v : 0) + Math.log1p(Math.exp(-Math.abs(v)));
      }
    },
    backward(y, grad, count) {
      // dy/dz = sigmoid(z) = 1 - e^(-y)
      for (let i = 0; i < count; i++) grad[i] *= -Math.expm1(-y[i]);
    },
  },
  softmax: {
    forward(z, y, count, width) {
      for (let row = 0; row < count; row += width) {
        let max = -Infinity;
        for (let j = row; j < row + width; j++) if (z[j] > max) max = z[j];
        let sum = 0;
        for (let j = row; j < row + width; j++) {
          const e = Math.exp(z[j] - max);
          y[j] = e;
          sum += e;
        }
        for (let j = row; j < row + width; j++) y[j] /= sum;
      }
    },
    backward(y, grad, count, width) {
      // Jacobian-vector product per row: dz_i = y_i (g_i - sum_j y_j g_j)
      for (let row = 0; row < count; row += width) {
        let dot = 0;
        for (let j = row; j < row + width; j++) dot += y[j] * grad[j];
        for (let j = row; j < row + width; j++) grad[j] = y[j] * (grad[j] - dot);
      }
    },
  },
};
