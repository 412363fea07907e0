// What a run's loss curves say on their own: the epoch where it began memorising the training rows, whether it was
// still improving when it ended, and whose weights it kept. Pure, over the history: the Train screen marks the
// memorising epoch on its chart while the run trains, and the verdict (run-diagnosis.ts) reads the same answers.
//
// The curves are noisy (a batch of 1 makes every epoch's loss jump), so both are smoothed first: each epoch's value
// is the mean of a window centred on it, a fiftieth of the run wide (1 epoch up to 21; wider would move an early
// lowest point, often near epoch 10 on a small table, to the run's first epochs). Memorising: after
// the epoch where the smoothed validation loss is lowest, it rises by at least RISE (5 % of that lowest value) and
// stays risen for at least MEMORISING_EPOCHS epochs, while the smoothed training loss keeps falling (at least FALL
// below its value at that epoch). An honest plateau rises by less; a run that merely stopped learning has a flat
// training loss too.

import type { EpochMetrics } from './engine/spec';

export const MEMORISING_EPOCHS = 5;
const RISE = 0.05;
const FALL = 0.02;
/** still improving: the last tenth of the run at least this much better than the tenth before (a share of the loss
 * or of the typical miss, or accuracy points) */
const STILL_BETTER = 0.01;

type Curve = 'loss' | 'val_loss' | 'accuracy' | 'val_accuracy' | 'mae' | 'val_mae';

/** The epoch (1-based, as the history numbers it) after which the validation loss rose while the training loss
 * fell, or null: no validation rows, too few epochs, or no such rise. */
export function memorisingFrom(history: readonly EpochMetrics[]): number | null {
  const n = history.length;
  if (n < 2 * MEMORISING_EPOCHS || !history.every((e) => Number.isFinite(e.val_loss) && Number.isFinite(e.loss))) return null;
  const half = Math.min(10, Math.floor(n / 100));
  const val = smoothed(history, 'val_loss', half), trainLoss = smoothed(history, 'loss', half);
  let best = 0;
  for (let i = 1; i < n; i++) if (val[i]! < val[best]!) best = i;
  const risenAbove = val[best]! + RISE * Math.abs(val[best]!);
  let risen = 0;
  for (let i = best + 1; i < n; i++) if (val[i]! > risenAbove) risen++;
  const last = n - 1;
  if (risen < MEMORISING_EPOCHS || !(val[last]! > risenAbove)) return null;
  if (!(trainLoss[last]! < trainLoss[best]! - FALL * Math.abs(trainLoss[best]!))) return null;
  return history[best]!.epoch;
}

/**
 * Whether the run was still clearly getting better at the end, on the validation rows where there are some: by its
 * loss ('loss': learning slowly), or by its score, accuracy or typical miss ('score': a loss can keep falling as a
 * classifier grows surer of answers it already has right).
 */
export function stillImproving(history: readonly EpochMetrics[], by: 'loss' | 'score'): boolean {
  const n = history.length, w = Math.max(2, Math.round(n / 10));
  if (n < 2 * w) return false;
  const first = history[0]!;
  const name = by === 'loss' ? 'loss' : first.accuracy !== undefined ? 'accuracy' : 'mae';
  const curve = (history.every((e) => Number.isFinite(e[`val_${name}`])) ? `val_${name}` : name) as Curve;
  const recent = mean(history, curve, n - w, n), before = mean(history, curve, n - 2 * w, n - w);
  return name === 'accuracy' ? recent > before + STILL_BETTER : recent < before - STILL_BETTER * Math.abs(before);
}

/**
 * The epoch whose weights the run kept: with early stopping restoring the best weights, the one whose watched loss
 * (validation loss where there is one, as the engine watches) was lowest; else the last. Null for an empty history.
 */
export function keptEpoch(history: readonly EpochMetrics[], restoresBest: boolean): EpochMetrics | null {
  if (history.length === 0) return null;
  if (!restoresBest) return history[history.length - 1]!;
  const curve: Curve = history.every((e) => e.val_loss !== undefined) ? 'val_loss' : 'loss';
  let best = history[0]!;
  for (const e of history) if ((e[curve] as number) < (best[curve] as number)) best = e;
  return best;
}

function smoothed(history: readonly EpochMetrics[], curve: Curve, half: number): number[] {
  const n = history.length, out = new Array<number>(n);
  // running sums: every window in one pass, however wide
  const sums = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) sums[i + 1] = sums[i]! + (history[i]![curve] as number);
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - half), to = Math.min(n, i + half + 1);
    out[i] = (sums[to]! - sums[from]!) / (to - from);
  }
  return out;
}

function mean(history: readonly EpochMetrics[], curve: Curve, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += history[i]![curve] as number;
  return s / (to - from);
}
