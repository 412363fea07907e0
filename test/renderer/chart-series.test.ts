// Curve points grow with the history, without rebuilding, and skip epochs that lack the metric.
import { describe, expect, it } from 'vitest';
import { metricPoints } from '../../renderer/src/lib/chart-series';
import type { EpochMetrics } from '../../workers/engine/spec';

describe('metric points', () => {
  it('appends only the new epochs to the same array', () => {
    const history: EpochMetrics[] = [{ epoch: 1, loss: 0.7, elapsed: 0.1 }];
    const first = metricPoints(history, 'loss');
    expect(first).toEqual([{ x: 1, y: 0.7 }]);
    history.push({ epoch: 2, loss: 0.6, elapsed: 0.2 }, { epoch: 3, loss: 0.5, elapsed: 0.3 });
    const second = metricPoints(history, 'loss');
    expect(second).toBe(first);
    expect(second.map((p) => p.y)).toEqual([0.7, 0.6, 0.5]);
  });

  it('leaves out epochs without the metric or with a non-finite value', () => {
    const history: EpochMetrics[] = [
      { epoch: 1, loss: 1, val_loss: 2, elapsed: 0 },
      { epoch: 2, loss: Number.NaN, elapsed: 0 },
      { epoch: 3, loss: 0.5, val_loss: 1.5, elapsed: 0 },
    ];
    expect(metricPoints(history, 'val_loss')).toEqual([{ x: 1, y: 2 }, { x: 3, y: 1.5 }]);
    expect(metricPoints(history, 'loss')).toEqual([{ x: 1, y: 1 }, { x: 3, y: 0.5 }]);
  });
});
