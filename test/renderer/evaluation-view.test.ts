// The Evaluate screen's figures at a threshold, against counts worked by hand.
import { describe, expect, it } from 'vitest';
import { evaluationView } from '../../renderer/src/lib/evaluation-view';

describe('evaluation view', () => {
  // positives 0.9, 0.8, 0.4; negatives 0.3, 0.2, 0.6
  const binary = {
    on: 'test',
    task: 'binary' as const,
    actual: [1, 1, 1, 0, 0, 0],
    probabilities: [0.9, 0.8, 0.4, 0.3, 0.2, 0.6],
    classes: ['0', '1'],
    baseline: {},
  };

  it('counts a binary model at 0.5: 2 found, 1 missed, 1 false alarm, 2 left alone', () => {
    const v = evaluationView(binary, 0.5);
    if (v?.kind !== 'binary') throw new Error('expected a binary view');
    expect([v.tp, v.fn, v.fp, v.tn]).toEqual([2, 1, 1, 2]);
    expect(v.accuracy).toBeCloseTo(4 / 6, 12);
    expect(v.precision).toBeCloseTo(2 / 3, 12);
    expect(v.recall).toBeCloseTo(2 / 3, 12);
    expect(v.f1).toBeCloseTo(2 / 3, 12);
    // 8 of the 9 positive-negative pairs are ordered right
    expect(v.auc).toBeCloseTo(8 / 9, 12);
    expect(v.baseline.accuracy).toBe(0.5);
    expect(v.rows).toBe(6);
  });

  it('finds every positive once the threshold drops below 0.4, at the cost of nothing else here', () => {
    const v = evaluationView(binary, 0.35);
    if (v?.kind !== 'binary') throw new Error('expected a binary view');
    expect([v.tp, v.fn, v.fp, v.tn]).toEqual([3, 0, 1, 2]);
    expect(v.recall).toBe(1);
    expect(v.auc).toBeCloseTo(8 / 9, 12);
  });

  it('scores a regression against always answering the mean', () => {
    const v = evaluationView({ on: 'test', task: 'regression', actual: [1, 2, 5], predicted: [1, 2, 3], baseline: {} }, 0.5);
    if (v?.kind !== 'regression') throw new Error('expected a regression view');
    expect(v.mae).toBeCloseTo(2 / 3, 12);
    expect(v.rmse).toBeCloseTo(Math.sqrt(4 / 3), 12);
    // total sum of squares 78/9, residual 4: R² = 1 - 36/78
    expect(v.r2).toBeCloseTo(1 - 36 / 78, 12);
    expect(v.baseline.mean).toBeCloseTo(8 / 3, 12);
    expect(v.baseline.mae).toBeCloseTo(14 / 9, 12);
    expect(v.points).toEqual([{ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 5, y: 3 }]);
  });

  it('counts a multi-class confusion matrix by the most probable class', () => {
    const v = evaluationView(
      {
        on: 'test',
        task: 'multiclass',
        actual: [0, 1, 2, 2],
        probabilities: [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.2, 0.3, 0.5], [0.6, 0.3, 0.1]],
        classes: ['a', 'b', 'c'],
        baseline: {},
      },
      0.5,
    );
    if (v?.kind !== 'multiclass') throw new Error('expected a multiclass view');
    expect(v.accuracy).toBe(0.75);
    expect(v.confusion).toEqual([
      [1, 0, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
    expect(v.baseline).toEqual({ className: 'c', accuracy: 0.5 });
  });

  it('has nothing to show when the rows and answers do not match', () => {
    expect(evaluationView({ ...binary, probabilities: [0.5] }, 0.5)).toBeNull();
  });

  it('shows the baseline the run recorded (the training rows\' class or mean), as the verdict and the command line do', () => {
    // regression: the tile showed the test rows' own mean (371.6) beside a verdict comparing with the training mean (409)
    const regression = evaluationView({ on: 'test', task: 'regression', actual: [1, 2, 6], predicted: [1, 2, 3], baseline: { mae: 7 / 3, answer: 4 } }, 0.5);
    if (regression?.kind !== 'regression') throw new Error('expected a regression view');
    expect(regression.baseline).toEqual({ mae: 7 / 3, rmse: Math.sqrt((9 + 4 + 4) / 3), mean: 4 });
    const binary = evaluationView({ on: 'test', task: 'binary', actual: [1, 1, 0], probabilities: [0.9, 0.8, 0.1], classes: ['no', 'yes'], baseline: { accuracy: 1 / 3, answer: 'no' } }, 0.5);
    expect(binary?.baseline).toEqual({ className: 'no', accuracy: 1 / 3 });
  });
});
