// Training progress sent from a worker: epochs are batched so that at most about ten messages a second cross the
// thread boundary, yet every epoch arrives (the CLI prints each one) and the last one is always sent.

import type { EpochMetrics } from './engine/spec';

/** One progress message. An empty `epochs` list is the "run has started" message. */
export interface ProgressMessage {
  runId: string;
  epochs: EpochMetrics[];
  totalEpochs: number;
  /** seconds since the run started */
  elapsed: number;
}

export interface ProgressReporter {
  /** record one finished epoch; sends the waiting epochs when the interval has passed */
  epoch(metrics: EpochMetrics): void;
  /** send whatever is waiting (call once at the end of a run) */
  flush(): void;
}

export interface ProgressOptions {
  runId: string;
  totalEpochs: number;
  post: (message: ProgressMessage) => void;
  /** milliseconds between messages; 100 gives about ten a second */
  intervalMs?: number;
  /** milliseconds, for tests; defaults to performance.now() */
  now?: () => number;
}

export function createProgressReporter(options: ProgressOptions): ProgressReporter {
  const intervalMs = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  const startedAt = now();
  let waiting: EpochMetrics[] = [];
  // The first epoch goes out at once, so a slow run shows life without waiting a whole interval.
  let lastSent = -Infinity;

  function send(at: number): void {
    const epochs = waiting;
    waiting = [];
    lastSent = at;
    options.post({ runId: options.runId, epochs, totalEpochs: options.totalEpochs, elapsed: (at - startedAt) / 1000 });
  }

  return {
    epoch(metrics) {
      waiting.push(metrics);
      const at = now();
      if (at - lastSent >= intervalMs) send(at);
    },
    flush() {
      if (waiting.length > 0) send(now());
    },
  };
}
