// Replaying a finished run at a human pace: how long it lasts, which epoch it shows after so many milliseconds, the
// curves up to that epoch, and which kept copy of the weights the drawing shows then.

import type { Point } from './decimate';

/** About 80 ms an epoch, and from 2.5 to 6 seconds in all: long enough to watch, short enough to wait for. */
export function replayMs(epochs: number): number {
  return Math.min(6000, Math.max(2500, epochs * 80));
}

/** The epoch shown `elapsedMs` into the replay of `epochs` epochs: from 1, reaching the last at the end. */
export function replayEpoch(elapsedMs: number, epochs: number, durationMs = replayMs(epochs)): number {
  if (epochs <= 0) return 0;
  return Math.min(epochs, Math.max(1, Math.ceil((elapsedMs / durationMs) * epochs)));
}

/** A curve's points up to and including epoch `epoch` (points are in epoch order). */
export function pointsUpTo(points: readonly Point[], epoch: number): readonly Point[] {
  let n = 0;
  while (n < points.length && points[n]!.x <= epoch) n++;
  return n === points.length ? points : points.slice(0, n);
}

/** The latest kept copy of the weights at or before `epoch`, else the first kept (nothing earlier was kept). */
export function snapshotAt<S extends { epoch: number }>(snapshots: readonly S[], epoch: number): S | null {
  let found: S | null = null;
  for (const snapshot of snapshots) {
    if (snapshot.epoch > epoch) break;
    found = snapshot;
  }
  return found ?? snapshots[0] ?? null;
}

/** The range of every value of some curves, a little wider (5 % each side): a replayed curve grows into the axes
 * of the whole run instead of the axes moving under it. Null for no values. */
export function rangeOf(curves: readonly (readonly Point[])[]): { min: number; max: number } | null {
  let min = Infinity, max = -Infinity;
  for (const points of curves) {
    for (const p of points) {
      if (p.y < min) min = p.y;
      if (p.y > max) max = p.y;
    }
  }
  if (!(min <= max)) return null;
  const margin = (max - min) * 0.05 || Math.abs(max) * 0.05 || 1;
  return { min: min - margin, max: max + margin };
}
