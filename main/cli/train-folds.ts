// `train --folds K`: k-fold cross-validation of the run's plan, queued on the run's own pool beside it, one line per
// fold as it finishes, then the mean and spread (in figures and in the app's words) and the --json line's "cv".

import type { Dataset } from '../../workers/data/dataset';
import { cvMetricFor, type CrossValidation, type CvMetric } from '../../workers/cross-validation';
import type { Task } from '../../workers/engine/weights-file';
import type { TrainingPlan } from '../../workers/plan';
import { crossValidationWords } from '../../workers/score-words';
import { crossValidate } from '../services/cross-validation';
import type { TrainingService } from '../services/training';

export type FoldsOutcome = { ok: true; cv: CrossValidation } | { ok: false; error: unknown } | { ok: false; stopped: true };

export interface RunningFolds {
  /** settles once every fold has ended; never rejects */
  outcome: Promise<FoldsOutcome>;
  /** every fold stops after its current batch; the outcome then says stopped */
  stop(): void;
  /** ends the folds' threads at once (after the run failed: their figures are not wanted) */
  abort(): void;
}

export function startFolds(
  training: TrainingService,
  dataset: Dataset,
  plan: TrainingPlan,
  task: Task,
  folds: number,
  say: (line: string) => void,
): RunningFolds {
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const abort = new AbortController();
  const metric = cvMetricFor(task);
  const atOnce = training.threads;
  say(`Cross-validation: ${folds} more models beside the run, ${atOnce} training${atOnce === 1 ? '' : 's'} at a time (--workers).`);
  const outcome = crossValidate(training, dataset, plan, {
    folds,
    stopFlag,
    signal: abort.signal,
    // a fold stopped midway has no score worth a line
    onFold: (fold, score) => {
      if (Atomics.load(stopFlag, 0) === 0) say(foldLine(fold, folds, metric, score));
    },
  }).then(
    ({ cv }): FoldsOutcome => (Atomics.load(stopFlag, 0) === 1 ? { ok: false, stopped: true } : { ok: true, cv }),
    (error: unknown): FoldsOutcome => (Atomics.load(stopFlag, 0) === 1 || abort.signal.aborted ? { ok: false, stopped: true } : { ok: false, error }),
  );
  return {
    outcome,
    stop: () => Atomics.store(stopFlag, 0, 1),
    abort: () => abort.abort(),
  };
}

/** `Fold 3/5: accuracy 0.7642` */
export function foldLine(fold: number, folds: number, metric: CvMetric, score: number): string {
  return `Fold ${fold + 1}/${folds}: ${metric} ${score.toFixed(4)}`;
}

/** The mean ± sd in figures, then in the words the Evaluate screen uses. */
export function foldsSummary(cv: CrossValidation): string[] {
  return [
    `Cross-validation: ${cv.metric} ${cv.mean.toFixed(4)} ± ${cv.sd.toFixed(4)} over ${cv.folds.length} folds (mean ± sd)`,
    `${crossValidationWords(cv)}.`,
  ];
}

/** The --json line's "cv", as the issue fixes it: the metric, each fold's score, their mean and spread. */
export function foldsJson(cv: CrossValidation): Pick<CrossValidation, 'metric' | 'folds' | 'mean' | 'sd'> {
  return { metric: cv.metric, folds: cv.folds, mean: cv.mean, sd: cv.sd };
}
