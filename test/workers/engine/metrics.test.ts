// Evaluation figures on cases worked by hand.
import { describe, expect, it } from 'vitest';
import { binaryReport, multiclassReport, regressionReport, rocCurve } from '../../../workers/engine/metrics';

describe('binaryReport', () => {
  // probabilities vs truth at threshold 0.5:  0.9/1 tp, 0.8/0 fp, 0.6/1 tp, 0.5/0 fp (>= counts), 0.4/1 fn, 0.1/0 tn
  const p = [0.9, 0.8, 0.6, 0.5, 0.4, 0.1], y = [1, 0, 1, 0, 1, 0];
  it.each([
    { threshold: 0.5, tp: 2, fp: 2, tn: 1, fn: 1, accuracy: 3 / 6, precision: 2 / 4, recall: 2 / 3 },
    { threshold: 0.7, tp: 1, fp: 1, tn: 2, fn: 2, accuracy: 3 / 6, precision: 1 / 2, recall: 1 / 3 },
    { threshold: 0.95, tp: 0, fp: 0, tn: 3, fn: 3, accuracy: 3 / 6, precision: 0, recall: 0 },
    { threshold: 0, tp: 3, fp: 3, tn: 0, fn: 0, accuracy: 3 / 6, precision: 3 / 6, recall: 1 },
  ])('threshold $threshold', ({ threshold, ...expected }) => {
    const report = binaryReport(p, y, threshold);
    const f1 = expected.precision + expected.recall > 0
      ? (2 * expected.precision * expected.recall) / (expected.precision + expected.recall) : 0;
    expect(report).toEqual({ ...expected, f1: expect.closeTo(f1, 12) });
  });
});

describe('rocCurve', () => {
  it.each([
    // positives at ranks 1, 2, 4 of 6: pairs ordered right = 3 + 3 + 2 of 9
    { name: 'a known ranking', p: [0.9, 0.8, 0.7, 0.6, 0.5, 0.4], y: [1, 1, 0, 1, 0, 0], auc: 8 / 9 },
    { name: 'a perfect ranking', p: [0.1, 0.2, 0.8, 0.9], y: [0, 0, 1, 1], auc: 1 },
    { name: 'a reversed ranking', p: [0.9, 0.8, 0.2, 0.1], y: [0, 0, 1, 1], auc: 0 },
    { name: 'all tied', p: [0.5, 0.5, 0.5, 0.5], y: [0, 1, 0, 1], auc: 0.5 },
    // positive 0.9 beats both negatives (2); positive 0.6 beats 0.3 (1) and ties the negative 0.6 (half): 3.5 of 4
    { name: 'a tie across classes', p: [0.9, 0.6, 0.6, 0.3], y: [1, 1, 0, 0], auc: 3.5 / 4 },
  ])('AUC of $name', ({ p, y, auc }) => {
    const roc = rocCurve(p, y);
    expect(roc.auc).toBeCloseTo(auc, 12);
    expect(roc.points[0]).toEqual({ fpr: 0, tpr: 0, threshold: Infinity });
    expect(roc.points.at(-1)).toMatchObject({ fpr: 1, tpr: 1 });
  });

  it('has one point per distinct probability, highest first', () => {
    const roc = rocCurve([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0]);
    expect(roc.points).toEqual([
      { fpr: 0, tpr: 0, threshold: Infinity },
      { fpr: 0, tpr: 0.5, threshold: 0.9 },
      { fpr: 0.5, tpr: 0.5, threshold: 0.8 },
      { fpr: 0.5, tpr: 1, threshold: 0.7 },
      { fpr: 1, tpr: 1, threshold: 0.6 },
    ]);
  });

  it('AUC is NaN when only one class is present', () => {
    expect(rocCurve([0.2, 0.8], [1, 1]).auc).toBeNaN();
  });
});

describe('regressionReport', () => {
  it('MAE, RMSE and R² of a small case', () => {
    // errors 0, 0, -2; mean of actual 8/3; total sum of squares 25/9 + 4/9 + 49/9 = 78/9
    const report = regressionReport([1, 2, 3], [1, 2, 5]);
    expect(report.mae).toBeCloseTo(2 / 3, 12);
    expect(report.rmse).toBeCloseTo(Math.sqrt(4 / 3), 12);
    expect(report.r2).toBeCloseTo(1 - 4 / (78 / 9), 12);
  });
  it('R² of predicting the mean is 0, of a perfect fit 1', () => {
    expect(regressionReport([2, 2, 2], [1, 2, 3]).r2).toBeCloseTo(0, 12);
    expect(regressionReport([1, 2, 3], [1, 2, 3]).r2).toBe(1);
  });
});

describe('multiclassReport', () => {
  it('counts confusion[actual][predicted]', () => {
    const probabilities = [
      0.7, 0.2, 0.1, // predicted 0, actual 0
      0.1, 0.8, 0.1, // predicted 1, actual 1
      0.3, 0.3, 0.4, // predicted 2, actual 1
      0.5, 0.4, 0.1, // predicted 0, actual 2
    ];
    const report = multiclassReport(probabilities, [0, 1, 1, 2], 3);
    expect(report.confusion).toEqual([[1, 0, 0], [0, 1, 1], [1, 0, 0]]);
    expect(report.accuracy).toBe(0.5);
  });
});
