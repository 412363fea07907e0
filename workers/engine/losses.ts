// Loss functions with Keras' names: each gives the summed loss of a batch's rows and its gradient.
//
// A row's loss is Keras' per-sample value (mean over the outputs, except sse and categorical_crossentropy which sum).
// `reduction` says how rows combine into the batch loss the optimizer follows: 'mean' as Keras does, or 'sum' for
// sse, the tutorial's literal sum of squared errors (its gradient grows with the batch size, as in the tutorial).
// Probabilities are clipped to [1e-7, 1 - 1e-7] (Keras' epsilon) for the reported value; the training loop uses the
// fused, clip-free output delta below when a sigmoid meets binary_crossentropy or a softmax meets
// categorical_crossentropy, which is both exact and numerically stable.
//
// Each loss is one term per value (`term`) and one rule for a row (sum or mean over its outputs): one loop
// (sumOfRows) adds the rows up, each times its weight when rows are weighted (class weights, train.ts).

import type { ActivationName, LossName } from './spec';

export const PROBABILITY_EPSILON = 1e-7;

export interface Loss {
  reduction: 'mean' | 'sum';
  /**
   * Sum over the rows of each row's loss (times the row's weight, when `weights` holds one per row); pred and
   * target hold `count` values in rows of `width`.
   */
  rowSum(pred: Float64Array, target: Float64Array, count: number, width: number, weights?: Float64Array | null): number;
  /** grad[i] = d rowSum / d pred[i] (unweighted: the training loop weighs the output delta per row) */
  gradient(pred: Float64Array, target: Float64Array, grad: Float64Array, count: number, width: number): void;
}

function clip(p: number): number {
  return p < PROBABILITY_EPSILON ? PROBABILITY_EPSILON : p > 1 - PROBABILITY_EPSILON ? 1 - PROBABILITY_EPSILON : p;
}

/** Σ over rows of (weight ×) the row's terms, summed, or their mean when `perRow` is 'mean'. */
function sumOfRows(
  term: (p: number, t: number) => number, perRow: 'sum' | 'mean',
  pred: Float64Array, target: Float64Array, count: number, width: number, weights: Float64Array | null | undefined,
): number {
  let s = 0;
  if (!weights) {
    for (let i = 0; i < count; i++) s += term(pred[i], target[i]);
  } else {
    for (let i = 0, r = 0; i < count; r++) {
      let row = 0;
      for (const end = i + width; i < end; i++) row += term(pred[i], target[i]);
      s += weights[r] * row;
    }
  }
  return perRow === 'mean' ? s / width : s;
}

const squared = (p: number, t: number): number => (p - t) * (p - t);
const binaryTerm = (p: number, t: number): number => {
  const q = clip(p);
  return -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
};
const categoricalTerm = (p: number, t: number): number => (t !== 0 ? -t * Math.log(clip(p)) : 0);

export const losses: Record<LossName, Loss> = {
  sse: {
    reduction: 'sum',
    rowSum(pred, target, count, width, weights) {
      return sumOfRows(squared, 'sum', pred, target, count, width, weights);
    },
    gradient(pred, target, grad, count) {
      for (let i = 0; i < count; i++) grad[i] = 2 * (pred[i] - target[i]);
    },
  },
  mse: {
    reduction: 'mean',
    rowSum(pred, target, count, width, weights) {
      return sumOfRows(squared, 'mean', pred, target, count, width, weights);
    },
    gradient(pred, target, grad, count, width) {
      for (let i = 0; i < count; i++) grad[i] = (2 * (pred[i] - target[i])) / width;
    },
  },
  binary_crossentropy: {
    reduction: 'mean',
    rowSum(pred, target, count, width, weights) {
      return sumOfRows(binaryTerm, 'mean', pred, target, count, width, weights);
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
    rowSum(pred, target, count, width, weights) {
      return sumOfRows(categoricalTerm, 'sum', pred, target, count, width, weights);
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
