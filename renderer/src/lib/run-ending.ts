// How a run ended, in one sentence: the Train screen's progress line and the report's "The model" say it alike.

import type { RunStatus } from '../../../workers/run';
import type { StopReason } from '../../../workers/engine/spec';
import { formatRunTime } from './time-left';

export interface RunEnd {
  status: RunStatus;
  stopReason: StopReason | null;
  epochsDone: number;
  totalEpochs: number;
  seconds: number;
  message?: string | null;
}

/** "Stopped early at epoch 63 of 150: ...", "Finished: 150 epochs in 2.1 s."; null while it waits or trains. */
export function runEnding(r: RunEnd): string | null {
  const took = formatRunTime(r.seconds);
  switch (r.status) {
    case 'completed':
      if (r.stopReason === 'early_stopping') {
        return `Stopped early at epoch ${r.epochsDone} of ${r.totalEpochs}: the validation loss had stopped improving, so the best weights were kept (${took}).`;
      }
      return `Finished: ${r.epochsDone} epochs in ${took}.`;
    case 'stopped':
      return `Stopped at epoch ${r.epochsDone} of ${r.totalEpochs}. What it learned so far is kept.`;
    case 'failed':
      return `This run failed${r.message ? `: ${r.message}` : '.'}`;
    case 'diverged':
      // what went wrong and what to do is the run's verdict
      return `Diverged after ${r.epochsDone} of ${r.totalEpochs} epochs (${took}).`;
    default:
      return null;
  }
}
