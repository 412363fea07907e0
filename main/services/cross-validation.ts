// k-fold cross-validation of a plan: one training per fold, all queued at once on the training pool (so they run
// side by side on its threads), each scored on its held-out fold; the mean and spread say how sure a score is.

import type { Dataset } from '../../workers/data/dataset';
import { labelTask } from '../../workers/data/roles';
import { crossValidationSplits } from '../../workers/data/split';
import { cvMetricFor, DEFAULT_FOLDS, foldScore, summarizeFolds, type CrossValidation } from '../../workers/cross-validation';
import type { TrainingPlan } from '../../workers/plan';
import type { RunError, TrainTaskResult } from '../../workers/tasks/train-task';
import { userError } from '../errors';
import type { TrainingService } from './training';

export interface CrossValidationOptions {
  /** default 5 */
  folds?: number;
  /** 1 = every fold stops after its current batch (their scores so far are kept) */
  stopFlag?: Int32Array;
  /** ends the folds' threads at once */
  signal?: AbortSignal;
  /** after each fold, in the order they finish */
  onFold?(fold: number, score: number, done: number, total: number): void;
}

export interface CrossValidated {
  cv: CrossValidation;
  /** each fold's training, in fold order (weights, history, its evaluation on the fold) */
  results: TrainTaskResult[];
}

export async function crossValidate(
  training: TrainingService,
  dataset: Dataset,
  plan: TrainingPlan,
  options: CrossValidationOptions = {},
): Promise<CrossValidated> {
  const k = options.folds ?? DEFAULT_FOLDS;
  const task = labelTask(dataset, plan.label, plan.task).task;
  const splits = crossValidationSplits(dataset, plan.label, plan.split, task, k);
  const smallest = Math.min(...splits.map((s) => s.test.length));
  if (smallest < 2) {
    throw userError('too_few_rows_for_folds', `${k} folds of ${dataset.fileName} would leave a fold with ${smallest} row${smallest === 1 ? '' : 's'} to score.`, {
      file: dataset.fileName,
      hint: 'Use fewer folds, or a table with more rows.',
    });
  }
  let done = 0;
  const results = await Promise.all(
    splits.map(async (rows, fold) => {
      const outcome = await training.trainOnRows(dataset, plan, rows, { stopFlag: options.stopFlag, signal: options.signal });
      if (!outcome.ok) throw foldError(outcome.error);
      const score = foldScore(outcome.result.evaluation);
      options.onFold?.(fold, score, ++done, k);
      return outcome.result;
    }),
  );
  const cv = summarizeFolds(
    cvMetricFor(task),
    results.map((r) => foldScore(r.evaluation)),
    results.map((r) => r.rows.test),
  );
  return { cv, results };
}

/** A fold that could not train fails the same way a run does (the input's fault, in the input's words). */
function foldError(error: RunError): Error {
  const { kind: _kind, code, message, ...where } = error;
  return userError(code, message, where);
}
