// The network's kernels at a handful of evenly spaced epochs of a run, kept with it so that a run over in a blink can
// be replayed on the drawing of the network at a human pace (renderer/src/lib/replay-pace.ts).
//
// How many are kept: every epoch at first; once there are more than `most`, every other one is dropped and only
// every second epoch after that is taken (the spacing doubles), so a run of any length ends with between most / 2
// and `most` snapshots spread over all of it, without knowing beforehand how long it will be (early stopping).
// A bigger network keeps fewer, so that all of them hold at most `numbers` weights; one too big for 8 copies keeps
// none (its replay shows the charts only).
// Weights are rounded to 2 significant digits: the drawing shows a weight's sign and size, and the project file
// stays small (the example's run of 46 epochs keeps 11 copies of its 264 weights: 18 KB, where its weights take 7 KB).

import type { WeightsLayer } from '../engine/weights-file';
import type { LiveWeights } from './progress';

export interface SnapshotKeeper {
  /** after an epoch; `weights()` is called only for an epoch that is kept */
  epoch(epoch: number, weights: () => WeightsLayer[]): void;
  /** the kept snapshots, oldest first */
  list(): LiveWeights[];
}

export function createSnapshotKeeper(kernelWeights: number, options: { most?: number; numbers?: number } = {}): SnapshotKeeper {
  const numbers = options.numbers ?? 6_000;
  const most = Math.min(options.most ?? 16, kernelWeights > 0 ? Math.floor(numbers / kernelWeights) : 0);
  const keep = most >= 8;
  let kept: LiveWeights[] = [];
  let every = 1;
  return {
    epoch(epoch, weights) {
      if (!keep || epoch % every !== 0) return;
      kept.push({ epoch, kernels: weights().map((layer) => layer.kernel.map((row) => row.map(rounded))) });
      if (kept.length > most) {
        every *= 2;
        kept = kept.filter((snapshot) => snapshot.epoch % every === 0);
      }
    },
    list: () => kept,
  };
}

/** The number of kernel weights of a network (biases are not drawn). */
export function kernelWeightCount(inputs: number, layers: readonly { units: number }[]): number {
  let count = 0;
  let fanIn = inputs;
  for (const layer of layers) {
    count += fanIn * layer.units;
    fanIn = layer.units;
  }
  return count;
}

function rounded(value: number): number {
  return Number(value.toPrecision(2));
}
