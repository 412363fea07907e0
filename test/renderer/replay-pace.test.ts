// Replaying a finished run: its pace, the epoch shown at a moment, the curves cut there, the weights drawn then.
import { describe, expect, it } from 'vitest';
import { pointsUpTo, rangeOf, replayEpoch, replayMs, snapshotAt } from '../../renderer/src/lib/replay-pace';

describe('replaying a run', () => {
  it('lasts about 80 ms an epoch, from 2.5 to 6 seconds', () => {
    expect(replayMs(10)).toBe(2500);
    expect(replayMs(57)).toBe(4560);
    expect(replayMs(20_000)).toBe(6000);
  });

  it('shows epoch 1 at once, the last one at the end, and evenly in between', () => {
    expect(replayEpoch(0, 57, 4560)).toBe(1);
    expect(replayEpoch(80, 57, 4560)).toBe(1);
    expect(replayEpoch(81, 57, 4560)).toBe(2);
    expect(replayEpoch(2280, 57, 4560)).toBe(29);
    expect(replayEpoch(4560, 57, 4560)).toBe(57);
    expect(replayEpoch(99_999, 57, 4560)).toBe(57);
    expect(replayEpoch(100, 0)).toBe(0);
  });

  it('cuts a curve after the epoch shown, and gives the whole curve back as it is at its end', () => {
    const points = [1, 2, 3, 4].map((x) => ({ x, y: 10 - x }));
    expect(pointsUpTo(points, 2)).toEqual([{ x: 1, y: 9 }, { x: 2, y: 8 }]);
    expect(pointsUpTo(points, 0)).toEqual([]);
    expect(pointsUpTo(points, 4)).toBe(points);
  });

  it('draws the latest kept weights at or before the epoch, the first ones before any', () => {
    const kept = [{ epoch: 2 }, { epoch: 4 }, { epoch: 6 }];
    expect(snapshotAt(kept, 5)).toEqual({ epoch: 4 });
    expect(snapshotAt(kept, 6)).toEqual({ epoch: 6 });
    expect(snapshotAt(kept, 1)).toEqual({ epoch: 2 });
    expect(snapshotAt([], 3)).toBeNull();
  });

  it('keeps the range of the whole run for the axes, a little wider', () => {
    const range = rangeOf([[{ x: 1, y: 0.7 }, { x: 2, y: 0.5 }], [{ x: 1, y: 0.3 }]])!;
    expect(range.min).toBeCloseTo(0.28, 12);
    expect(range.max).toBeCloseTo(0.72, 12);
    // one value: 5 % of itself each side
    expect(rangeOf([[{ x: 1, y: 2 }]])).toEqual({ min: 1.9, max: 2.1 });
    expect(rangeOf([[]])).toBeNull();
  });
});
