// The uncertainty of a score: Wilson intervals against published values, the weighted figures against the metrics
// they stand for (a weight of 2 is the row twice), and the bootstrap's percentiles on cases worked by hand.
import { describe, expect, it } from 'vitest';
import { binaryReport, regressionReport, rocCurve } from '../../../workers/engine/metrics';
import { Rng } from '../../../workers/engine/rng';
import {
  bootstrapIntervals,
  evaluationIntervals,
  f1IntervalAt,
  F1_THRESHOLDS,
  quantileOfSorted,
  weightedBinaryFigures,
  weightedRegressionFigures,
  wilsonInterval,
} from '../../../workers/engine/uncertainty';

describe('wilsonInterval', () => {
  // Newcombe, "Two-sided confidence intervals for the single proportion", Statistics in Medicine 17 (1998), table I,
  // method 3 (score); 110/154 by the formula (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n) with z = 1.96:
  // centre 0.726758 / 1.024945 = 0.70907, half-width 0.072431 / 1.024945 = 0.07067
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
    [110, 154, 0.6384, 0.7797],
  ])('%i of %i: %f to %f', (successes, trials, low, high) => {
    const interval = wilsonInterval(successes, trials)!;
    expect(interval[0]).toBeCloseTo(low, 4);
    expect(interval[1]).toBeCloseTo(high, 4);
  });

  it('stays inside 0..1 and has no interval without rows', () => {
    expect(wilsonInterval(20, 20)![1]).toBe(1);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('quantileOfSorted', () => {
  it('interpolates between neighbours as numpy.percentile does', () => {
    // numpy.percentile([1, 2, 3, 4], [2.5, 97.5]) = [1.075, 3.925]
    expect(quantileOfSorted([1, 2, 3, 4], 0.025)).toBeCloseTo(1.075, 12);
    expect(quantileOfSorted([1, 2, 3, 4], 0.975)).toBeCloseTo(3.925, 12);
  });
});

describe('the weighted figures', () => {
  const p = [0.9, 0.8, 0.6, 0.6, 0.4, 0.1];
  const y = [1, 0, 1, 0, 1, 0];

  it('with every weight 1 are the metrics of the rows: AUC as rocCurve, F1 as binaryReport at every threshold', () => {
    const out = new Float64Array(1 + F1_THRESHOLDS.length);
    weightedBinaryFigures(p, y)(new Float64Array(6).fill(1), out);
    expect(out[0]).toBeCloseTo(rocCurve(p, y).auc, 12);
    F1_THRESHOLDS.forEach((t, k) => expect(out[1 + k], `F1 at ${t}`).toBeCloseTo(binaryReport(p, y, t).f1, 12));
  });

  it('with a weight of 2 are the metrics of the rows with that row twice, and a weight of 0 leaves it out', () => {
    const weights = Float64Array.from([2, 1, 0, 1, 1, 1]);
    const p2 = [0.9, 0.9, 0.8, 0.6, 0.4, 0.1];
    const y2 = [1, 1, 0, 0, 1, 0];
    const out = new Float64Array(1 + F1_THRESHOLDS.length);
    weightedBinaryFigures(p, y)(weights, out);
    expect(out[0]).toBeCloseTo(rocCurve(p2, y2).auc, 12);
    expect(out[1 + 49]).toBeCloseTo(binaryReport(p2, y2, 0.5).f1, 12);

    const predicted = [1, 2, 3, 4, 5, 9];
    const actual = [1.5, 2, 2, 5, 4, 6];
    const r = new Float64Array(3);
    weightedRegressionFigures(predicted, actual)(weights, r);
    const twice = regressionReport([1, 1, 2, 4, 5, 9], [1.5, 1.5, 2, 5, 4, 6]);
    expect([...r]).toEqual([expect.closeTo(twice.mae, 12), expect.closeTo(twice.rmse, 12), expect.closeTo(twice.r2, 12)]);
  });

  it('say nothing of an AUC when a resample holds one class only', () => {
    const out = new Float64Array(100);
    weightedBinaryFigures(p, y)(Float64Array.from([1, 0, 1, 0, 1, 0]), out);
    expect(out[0]).toBeNaN();
  });
});

describe('bootstrapIntervals', () => {
  it('of the mean of two rows a and b: resamples give a, (a+b)/2 or b, so the 95 % interval runs from a to b', () => {
    // P(both draws a) = 1/4, so far more than 2.5 % of 1000 resamples sit at each end
    const values = [3, 7];
    const [interval] = bootstrapIntervals(2, 1, (w, out) => (out[0] = (w[0] * values[0] + w[1] * values[1]) / 2));
    expect(interval).toEqual([3, 7]);
  });

  it('of a share of 154 rows comes close to the Wilson interval (the two agree for a share this far from 0 and 1)', () => {
    const hits = Array.from({ length: 154 }, (_, i) => (i < 110 ? 1 : 0));
    const [interval] = bootstrapIntervals(154, 1, (w, out) => {
      let s = 0;
      for (let i = 0; i < 154; i++) s += w[i] * hits[i];
      out[0] = s / 154;
    });
    const wilson = wilsonInterval(110, 154)!;
    expect(interval![0]).toBeCloseTo(wilson[0], 1);
    expect(interval![1]).toBeCloseTo(wilson[1], 1);
    expect(Math.abs(interval![0] - wilson[0])).toBeLessThan(0.015);
    expect(Math.abs(interval![1] - wilson[1])).toBeLessThan(0.015);
  });

  it('gives no interval for a figure most resamples cannot compute', () => {
    expect(bootstrapIntervals(10, 1, () => undefined)).toEqual([null]);
  });
});

describe('evaluationIntervals', () => {
  const rng = new Rng(3);
  const actual = Array.from({ length: 154 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const probabilities = actual.map((a) => Math.min(1, Math.max(0, 0.4 + (a ? 0.15 : -0.05) + 0.6 * (rng.next() - 0.5))));

  it('of a binary evaluation: AUC and F1 intervals around the figures, the same for the same seed', () => {
    const evaluation = { task: 'binary' as const, actual, probabilities };
    const intervals = evaluationIntervals(evaluation, 7)!;
    expect(intervals.resamples).toBe(1000);
    const auc = rocCurve(probabilities, actual).auc;
    expect(intervals.auc![0]).toBeLessThan(auc);
    expect(intervals.auc![1]).toBeGreaterThan(auc);
    expect(intervals.f1).toHaveLength(99);
    const f1 = binaryReport(probabilities, actual, 0.5).f1;
    const at = f1IntervalAt(intervals.f1, 0.5)!;
    expect(at[0]).toBeLessThan(f1);
    expect(at[1]).toBeGreaterThan(f1);
    expect(evaluationIntervals(evaluation, 7)).toEqual(intervals);
    expect(evaluationIntervals(evaluation, 8)).not.toEqual(intervals);
  });

  it('of a regression: MAE, RMSE and R²; none for a multi-class evaluation (its accuracy is a share)', () => {
    const truth = Array.from({ length: 100 }, (_, i) => i / 10);
    const guess = truth.map((t) => t + (rng.next() - 0.5));
    const intervals = evaluationIntervals({ task: 'regression', actual: truth, predicted: guess })!;
    const report = regressionReport(guess, truth);
    expect(intervals.mae![0]).toBeLessThan(report.mae);
    expect(intervals.mae![1]).toBeGreaterThan(report.mae);
    expect(intervals.r2![1]).toBeLessThanOrEqual(1);
    expect(evaluationIntervals({ task: 'multiclass', actual: [0, 1], probabilities: [[1, 0], [0, 1]], classes: ['a', 'b'] })).toBeNull();
  });
});
