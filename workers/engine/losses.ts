// Loss functions with Keras' names: each gives the summed loss of a batch's rows and its gradient.
//
// A row's loss is Keras' per-sample value (mean over the outputs, except sse and categorical_crossentropy which sum).
// `reduction` says how rows combine into the batch loss the optimizer follows: 'mean' as Keras does, or 'sum' for
// sse, the tutorial's literal sum of squared errors (its gradient grows with the batch size, as in the tutorial).
// Probabilities are clipped to [1e-7, 1 - 1e-7] (Keras' epsilon) for the reported value; the training loop uses the
// fused, clip-free output delta below when a sigmoid meets binary_crossentropy or a softmax meets
// categorical_crossentropy, which is both exact and numerically stable.

import type { ActivationName, LossName } from './spec';

export const PROBABILITY_EPSILON = 1e-7;

export interface Loss {
  reduction: 'mean' | 'sum';
  /** Sum over the rows of each row's loss; pred and target hold `count` values in rows of `width`. */
  rowSum(pred: Float64Array, target: Float64Array, count: number, width: number): number;
  /** grad[i] = d rowSum / d pred[i] */
  gradient(pred: Float64Array, target: Float64Array, grad: Float64Array, count: number, width: number): void;
}

function clip(p: number): number {
  return p < PROBABILITY_EPSILON ? PROBABILITY_EPSILON : p > 1 - PROBABILITY_EPSILON ? 1 - PROBABILITY_EPSILON : p;
}

export const losses: Record<LossName, Loss> = {
  sse: {
    reduction: 'sum',
    rowSum(pred, target, count) {
      let s = 0;
      for (let i = 0; i < count; i++) s += (pred[i] - target[i]) * (pred[i] - target[i]);
      return s;
    },
    gradient(pred, target, grad, count) {
      for (let i = 0; i < count; i++) grad[i] = 2 * (pred[i] - target[i]);
    },
  },
  mse: {
    reduction: 'mean',
    rowSum(pred, target, count, width) {
      let s = 0;
      for (let i = 0; i < count; i++) s += (pred[i] - target[i]) * (pred[i] - target[i]);
      return s / width;
    },
    gradient(pred, target, grad, count, width) {
      for (let i = 0; i < count; i++) grad[i] = (2 * (pred[i] - target[i])) / width;
    },
  },
  binary_crossentropy: {
    reduction: 'mean',
    rowSum(pred, target, count, width) {
      let s = 0;
      for (let i = 0; i < count; i++) {
        const p = clip(pred[i]);
        s -= target[i] * Math.log(p) + (1 - target[i]) * Math.log(1 - p);
      }
      return s / width;
    },
    gradient(pred, target, grad, count, width) {
      for (let i = 0; i < count; i++) {
        const p = pred[i];
        // the clip has zero slope outside [eps, 1 - eps]
        grad[i] = p === clip(p) ? (p - target[i]) / (p * (1 - p) * width) : 0;
      }
    },
  },
  categorical_crossentropy: {
    reduction: 'mean',
    rowSum(pred, target, count) {
      let s = 0;
      for (let i = 0; i < count; i++) if (target[i] !== 0) s -= target[i] * Math.log(clip(pred[i]));
      return s;
    },
    gradient(pred, target, grad, count) {
      for (let i = 0; i < count; i++) {
        const p = pred[i];
        grad[i] = p === clip(p) ? -target[i] / p : 0;
      }
    },
  },
};

/** True when the output delta dLoss/dz can be taken as (y - t) / width (sigmoid + bce) or (y - t) (softmax + cce). */
export function hasFusedDelta(activation: ActivationName, loss: LossName): boolean {
  return (activation === 'sigmoid' && loss === 'binary_crossentropy') ||
    (activation === 'softmax' && loss === 'categorical_crossentropy');
}

/** delta[i] = d rowSum / d z[i] for the fused pairs above (the clip is ignored: its effect is below 1e-7). */
export function fusedDelta(
  loss: LossName, pred: Float64Array, target: Float64Array, delta: Float64Array, count: number, width: number,
): void {
  const scale = loss === 'binary_crossentropy' ? 1 / width : 1;
  for (let i = 0; i < count; i++) delta[i] = (pred[i] - target[i]) * scale;
}
