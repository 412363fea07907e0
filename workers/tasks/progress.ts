// Training progress sent from a worker: epochs are batched so that at most about ten messages a second cross the
// thread boundary, yet every epoch arrives (the CLI prints each one) and the last one is always sent. A copy of the
// network's weights rides along about twice a second, so the drawing of the network can show it learning. When an
// epoch takes longer than the interval, messages also say how far into the epoch the run is, so the bar still moves.

import type { EpochMetrics } from '../engine/spec';
import type { WeightsLayer } from '../engine/weights-file';

/** The network's kernels ([layer][fanIn][units]) at the end of one epoch of a run still going. */
export interface LiveWeights {
  epoch: number;
  kernels: number[][][];
}

/** One progress message. An empty `epochs` list is the "run has started" message. */
export interface ProgressMessage {
  runId: string;
  epochs: EpochMetrics[];
  totalEpochs: number;
  /** seconds since the run started */
  elapsed: number;
  /** the weights at the last of `epochs`, on some messages only */
  weights?: LiveWeights;
  /** sent during a long epoch: how many of its training rows are done */
  partial?: PartialEpoch;
}

export interface PartialEpoch {
  epoch: number;
  rowsDone: number;
  rows: number;
}

export interface ProgressReporter {
  /** record one finished epoch; sends the waiting epochs when the interval has passed, with a copy of the weights
   * from `weights()` when the weights interval has passed too */
  epoch(metrics: EpochMetrics, weights?: () => WeightsLayer[]): void;
  /** record one finished batch; during a long epoch, sends how far into it the run is once per interval */
  batch(epoch: number, rowsDone: number, rows: number): void;
  /** send whatever is waiting (call once at the end of a run) */
  flush(): void;
}

export interface ProgressOptions {
  runId: string;
  totalEpochs: number;
  post: (message: ProgressMessage) => void;
  /** milliseconds between messages; 100 gives about ten a second */
  intervalMs?: number;
  /** milliseconds between copies of the weights; 500 gives about two a second */
  weightsIntervalMs?: number;
  /** milliseconds, for tests; defaults to performance.now() */
  now?: () => number;
}

export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const intervalMs = options.intervalMs ?? 100;
  const weightsIntervalMs = options.weightsIntervalMs ?? 500;
  const now = options.now ?? (() => performance.now());
  const startedAt = now();
  let waiting: EpochMetrics[] = [];
  // The first epoch goes out at once, so a slow run shows life without waiting a whole interval.
  let lastSent = -Infinity;
  let weightsSent = -Infinity;
  let epochEndedAt = startedAt;
  let batches = 0;

  function send(at: number, weights?: () => WeightsLayer[], partial?: PartialEpoch): void {
    const epochs = waiting;
    waiting = [];
    lastSent = at;
    const message: ProgressMessage = { runId: options.runId, epochs, totalEpochs: options.totalEpochs, elapsed: (at - startedAt) / 1000 };
    if (weights && at - weightsSent >= weightsIntervalMs && epochs.length > 0) {
      weightsSent = at;
      message.weights = { epoch: epochs[epochs.length - 1]!.epoch, kernels: weights().map((layer) => layer.kernel) };
    }
    if (partial) message.partial = partial;
    options.post(message);
  }

  return {
    batch(epoch, rowsDone, rows) {
      // the clock is read every 32nd batch only (a tiny batch takes about a microsecond), and only an epoch that
      // has already lasted an interval reports its share: short epochs are reported whole
      if ((++batches & 31) !== 0 || rowsDone >= rows) return;
      const at = now();
      if (at - epochEndedAt >= intervalMs && at - lastSent >= intervalMs) send(at, undefined, { epoch, rowsDone, rows });
    },
    epoch(metrics, weights) {
      waiting.push(metrics);
      const at = now();
      epochEndedAt = at;
      if (at - lastSent >= intervalMs) send(at, weights);
    },
    flush() {
      if (waiting.length > 0) send(now());
    },
  };
}
