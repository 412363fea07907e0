// How sure a score is: the Wilson interval for a share of rows (accuracy, precision, recall) and a seeded percentile
// bootstrap for the figures that are no plain share (AUC, F1, MAE, RMSE, R²), both at 95 %.

import { Rng } from './rng';
import type { EvaluationMetrics, EvaluationRows } from './metrics';

/** [low, high] */
export type Interval = [number, number];

/** The normal quantile of 97.5 %: a two-sided 95 % interval. */
export const Z_95 = 1.959963984540054;

/**
 * Wilson's score interval for `successes` out of `trials` (Wilson 1927): better than p ± z·√(p(1−p)/n) for small n
 * and for shares near 0 or 1, where that one leaves [0, 1] or shrinks to nothing. Null when there are no trials.
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval | null {
  if (!(trials > 0)) return null;
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The value below which a share `q` of the sorted values lies, interpolated between neighbours (numpy's default). */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const at = q * (sorted.length - 1);
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

export interface BootstrapOptions {
  /** default 1000 */
  resamples?: number;
  /** default 1 */
  seed?: number;
  /** default 0.95: the 2.5th and 97.5th percentiles */
  level?: number;
}

export const DEFAULT_RESAMPLES = 1000;

/**
 * The percentile bootstrap of a statistic of `rows` rows, for `width` figures at once: each resample draws `rows`
 * rows with replacement, given to the statistic as how many times each row was drawn (its weight), so a statistic
 * costs one pass over the rows, not a copy of them. A figure gets null when fewer than half of the resamples could
 * compute it (e.g. an AUC when most resamples hold one class only).
 */
export function bootstrapIntervals(
  rows: number,
  width: number,
  statistic: (weights: Float64Array, out: Float64Array) => void,
  options: BootstrapOptions = {},
): (Interval | null)[] {
  const resamples = options.resamples ?? DEFAULT_RESAMPLES;
  const tail = (1 - (options.level ?? 0.95)) / 2;
  const rng = new Rng(options.seed ?? 1);
  const weights = new Float64Array(rows);
  const out = new Float64Array(width);
  const values = Array.from({ length: width }, () => new Float64Array(resamples));
  const counts = new Int32Array(width);
  for (let b = 0; b < resamples; b++) {
    weights.fill(0);
    for (let i = 0; i < rows; i++) weights[(rng.nextUint32() * rows) / 4294967296 | 0]++;
    out.fill(Number.NaN);
    statistic(weights, out);
    for (let k = 0; k < width; k++) if (Number.isFinite(out[k])) values[k][counts[k]++] = out[k];
  }
  return values.map((all, k) => {
    if (counts[k] < resamples / 2) return null;
    const finite = all.subarray(0, counts[k]).sort();
    return [quantileOfSorted(finite, tail), quantileOfSorted(finite, 1 - tail)];
  });
}

/** The decision thresholds the F1 interval is kept for: 0.01 to 0.99, the Evaluate slider's steps. */
export const F1_THRESHOLDS = Array.from({ length: 99 }, (_, k) => (k + 1) / 100);

/** The F1 interval kept for the threshold nearest `threshold` on F1_THRESHOLDS. */
export function f1IntervalAt(f1: readonly (Interval | null)[] | undefined, threshold: number): Interval | null {
  if (!f1?.length) return null;
  const k = Math.min(f1.length - 1, Math.max(0, Math.round(threshold * 100) - 1));
  return f1[k] ?? null;
}

/** The bootstrap intervals an evaluation is shown with; a share (accuracy, ...) gets its Wilson interval live. */
export interface EvaluationIntervals {
  resamples: number;
  /** binary */
  auc?: Interval | null;
  /** binary: at each of F1_THRESHOLDS */
  f1?: (Interval | null)[];
  /** regression, in the label's units */
  mae?: Interval | null;
  rmse?: Interval | null;
  r2?: Interval | null;
}

/** The figures of an evaluation shown with an interval; a share's comes from its counts, the others' from the bootstrap. */
export type FigureIntervals = Partial<Record<'accuracy' | 'precision' | 'recall' | 'f1' | 'auc' | 'mae' | 'rmse' | 'r2', Interval | null>>;

/**
 * Every figure's 95 % interval at the metrics' threshold: Wilson for accuracy, precision and recall (a closed
 * formula, so the threshold slider moves them live), the evaluation's bootstrap for the others (none when it has none,
 * as a run of a project saved before they were kept).
 */
export function figureIntervals(metrics: EvaluationMetrics, intervals?: EvaluationIntervals | null): FigureIntervals {
  if (metrics.kind === 'binary') {
    const { tp, fp, tn, fn } = metrics;
    return {
      accuracy: wilsonInterval(tp + tn, tp + fp + tn + fn),
      precision: wilsonInterval(tp, tp + fp),
      recall: wilsonInterval(tp, tp + fn),
      f1: f1IntervalAt(intervals?.f1, metrics.threshold),
      auc: intervals?.auc ?? null,
    };
  }
  if (metrics.kind === 'multiclass') {
    let right = 0, all = 0;
    metrics.confusion.forEach((row, a) => row.forEach((n, p) => ((all += n), (right += a === p ? n : 0))));
    return { accuracy: wilsonInterval(right, all) };
  }
  return { mae: intervals?.mae ?? null, rmse: intervals?.rmse ?? null, r2: intervals?.r2 ?? null };
}

/** At most this many rows × resamples (a few tenths of a second in a worker); a bigger test set gets fewer resamples. */
const WORK_LIMIT = 20_000_000;
const FEWEST_RESAMPLES = 200;

/** The bootstrap intervals of an evaluation's figures; null when it has no rows (or a multi-class one: accuracy
 * only, a share). Seeded: the same evaluation and seed give the same intervals. */
export function evaluationIntervals(evaluation: EvaluationRows, seed = 1): EvaluationIntervals | null {
  const n = evaluation.actual.length;
  if (n === 0 || evaluation.task === 'multiclass') return null;
  const resamples = Math.max(FEWEST_RESAMPLES, Math.min(DEFAULT_RESAMPLES, Math.floor(WORK_LIMIT / n)));
  const options = { resamples, seed };
  if (evaluation.task === 'binary') {
    const probabilities = (evaluation.probabilities ?? []) as readonly number[];
    if (probabilities.length !== n) return null;
    const [auc, ...f1] = bootstrapIntervals(n, 1 + F1_THRESHOLDS.length, weightedBinaryFigures(probabilities, evaluation.actual), options);
    return { resamples, auc: auc ?? null, f1 };
  }
  const predicted = evaluation.predicted ?? [];
  if (predicted.length !== n) return null;
  const [mae, rmse, r2] = bootstrapIntervals(n, 3, weightedRegressionFigures(predicted, evaluation.actual), options);
  return { resamples, mae: mae ?? null, rmse: rmse ?? null, r2: r2 ?? null };
}

/**
 * AUC (out[0]) and F1 at each of F1_THRESHOLDS (out[1..]) of weighted rows, each in one pass: the AUC as rocCurve
 * counts it (ties half) over the rows sorted once, F1 from the weight of each class above each threshold.
 */
export function weightedBinaryFigures(probabilities: readonly number[], actual: readonly number[]): (w: Float64Array, out: Float64Array) => void {
  const n = actual.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[b] - probabilities[a]);
  const positive = Uint8Array.from(actual, (a) => (a >= 0.5 ? 1 : 0));
  // where each run of tied probabilities ends, in sorted order
  const tieEnds: number[] = [];
  for (let i = 1; i <= n; i++) if (i === n || probabilities[order[i]] !== probabilities[order[i - 1]]) tieEnds.push(i);
  // how many of the thresholds a row's probability reaches: it is answered positive at the first `reached[i]` ones
  const reached = Int32Array.from(probabilities, (p) => F1_THRESHOLDS.filter((t) => p >= t).length);
  const steps = F1_THRESHOLDS.length;
  // [negatives, positives] weight reaching exactly k thresholds, at 2k and 2k + 1
  const weightAt = new Float64Array(2 * (steps + 1));
  return (w, out) => {
    let tp = 0, fp = 0, auc = 0, i = 0;
    for (const end of tieEnds) {
      let groupTp = 0, groupFp = 0;
      for (; i < end; i++) {
        const row = order[i];
        if (positive[row]) groupTp += w[row];
        else groupFp += w[row];
      }
      auc += groupFp * (tp + groupTp / 2);
      tp += groupTp;
      fp += groupFp;
    }
    out[0] = tp > 0 && fp > 0 ? auc / (tp * fp) : Number.NaN;

    weightAt.fill(0);
    for (let row = 0; row < n; row++) weightAt[2 * reached[row] + positive[row]] += w[row];
    // from the highest threshold down, the weight answered positive grows
    let truePositives = 0, falsePositives = 0;
    for (let k = steps - 1; k >= 0; k--) {
      falsePositives += weightAt[2 * (k + 1)];
      truePositives += weightAt[2 * (k + 1) + 1];
      const falseNegatives = tp - truePositives;
      const denominator = 2 * truePositives + falsePositives + falseNegatives;
      // no positive answer right: 0, as binaryReport says (precision or recall 0)
      out[1 + k] = denominator > 0 ? (2 * truePositives) / denominator : 0;
    }
  };
}

/** MAE, RMSE and R² of weighted rows (R² against their own weighted mean, as regressionReport does). */
export function weightedRegressionFigures(predicted: readonly number[], actual: readonly number[]): (w: Float64Array, out: Float64Array) => void {
  const n = actual.length;
  return (w, out) => {
    let total = 0, mean = 0;
    for (let i = 0; i < n; i++) {
      total += w[i];
      mean += w[i] * actual[i];
    }
    mean /= total;
    let abs = 0, residual = 0, spread = 0;
    for (let i = 0; i < n; i++) {
      const e = predicted[i] - actual[i];
      abs += w[i] * Math.abs(e);
      residual += w[i] * e * e;
      spread += w[i] * (actual[i] - mean) ** 2;
    }
    out[0] = abs / total;
    out[1] = Math.sqrt(residual / total);
    out[2] = spread > 0 ? 1 - residual / spread : Number.NaN;
  };
}
