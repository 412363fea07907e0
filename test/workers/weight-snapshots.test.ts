// The kernels kept for replaying a run: evenly spaced whatever the run's length, copied only at the epochs kept,
// rounded, and none for a network too big to keep them for.
import { describe, expect, it } from 'vitest';
import { createSnapshotKeeper, kernelWeightCount } from '../../workers/tasks/weight-snapshots';
import type { WeightsLayer } from '../../workers/engine/weights-file';

/** A network of 2 inputs and one unit whose two weights are the epoch number and a long fraction. */
function weightsAt(epoch: number): WeightsLayer[] {
  return [{ units: 1, activation: 'sigmoid', kernel: [[epoch], [1 / 3]], bias: [0] }];
}

function keep(epochs: number, kernelWeights = 2, options = {}) {
  const keeper = createSnapshotKeeper(kernelWeights, options);
  let copies = 0;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    keeper.epoch(epoch, () => {
      copies++;
      return weightsAt(epoch);
    });
  }
  return { kept: keeper.list(), copies };
}

describe('weights kept for a replay', () => {
  it('keeps every epoch of a short run', () => {
    expect(keep(5).kept.map((s) => s.epoch)).toEqual([1, 2, 3, 4, 5]);
  });

  it('spreads 8 to 16 copies over a longer run, doubling the spacing as it grows', () => {
    // 1..16 kept; at 17 every 2nd (2..16, 8 of them); then 18..32 every 2nd; at 34 every 4th: 4..32, 8 of them, ...
    expect(keep(46).kept.map((s) => s.epoch)).toEqual([4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44]);
    const long = keep(20_000).kept;
    expect(long.length).toBeGreaterThanOrEqual(8);
    expect(long.length).toBeLessThanOrEqual(16);
    const gaps = long.slice(1).map((s, i) => s.epoch - long[i]!.epoch);
    expect(new Set(gaps).size).toBe(1);
  });

  it('copies the weights only at the epochs it keeps', () => {
    // 46 epochs: 1..17 (the 17th doubles the spacing), 18..34 by 2 (the 34th doubles it again), 36..44 by 4
    expect(keep(46).copies).toBe(17 + 9 + 3);
  });

  it('keeps the kernels rounded to 2 significant digits', () => {
    expect(keep(1).kept[0]!.kernels).toEqual([[[1], [0.33]]]);
  });

  it('keeps fewer copies of a bigger network, and none of one too big for 8', () => {
    expect(keep(100, 500).kept.length).toBeLessThanOrEqual(12);
    expect(keep(100, 751).kept).toEqual([]);
    expect(keep(100, 751).copies).toBe(0);
  });

  it('counts the kernel weights of a network: 8 inputs, 16, 8 and 1 units', () => {
    expect(kernelWeightCount(8, [{ units: 16 }, { units: 8 }, { units: 1 }])).toBe(8 * 16 + 16 * 8 + 8);
  });
});
