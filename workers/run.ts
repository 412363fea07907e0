// A training run, in the one shape the services, the contract, the project file and the screens share: its schema,
// its status and the two ways it changes (epochs arriving, the task's outcome). Pure code: the renderer imports it.

import { z } from 'zod';
import { ACTIVATIONS, type EpochMetrics, type StopReason } from './engine/spec';
import { WEIGHTS_FORMAT, type WeightsFile } from './engine/weights-file';
import { TrainingPlanSchema, type TrainingPlan } from './plan';
import { CrossValidationSchema } from './cross-validation';
import type { TrainTaskResult } from './tasks/train-task';

/**
 * A number the app computed. JSON has no NaN or Infinity (JSON.stringify writes null), and a diverged run has
 * them in its history, so a null read back (from a file or over the browser's socket) is NaN, not a refusal.
 */
export const storedNumber = z
  .custom<number | null>((v) => typeof v === 'number' || v === null, { message: 'should be a number' })
  .transform((v) => (v === null ? Number.NaN : v));

/** 'diverged': the loss became NaN or infinite */
export const RUN_STATUSES = ['queued', 'running', 'completed', 'stopped', 'failed', 'diverged'] as const;
export const RunStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatusSchema>;

/** The statuses of a run that has ended: the only ones a project file keeps (a live run has no weights yet). */
export const FINISHED_STATUSES = ['completed', 'stopped', 'failed', 'diverged'] as const satisfies readonly RunStatus[];
export type FinishedStatus = (typeof FINISHED_STATUSES)[number];

/** Waiting for a worker or training. */
export function isActive(status: RunStatus): boolean {
  return status === 'queued' || status === 'running';
}

export function isFinished(status: RunStatus): status is FinishedStatus {
  return !isActive(status);
}

/** A run whose weights are worth using: finished or stopped with them (a diverged run's are the last good epoch's of
 * a run gone wrong). Predict's default run, and the runs that can be continued. */
export function hasTrainedWeights(run: { status: RunStatus; weights: WeightsFile | null }): boolean {
  return run.weights !== null && (run.status === 'completed' || run.status === 'stopped');
}

const STOP_REASONS = ['completed', 'early_stopping', 'stopped', 'diverged'] as const satisfies readonly StopReason[];
export const StopReasonSchema = z.enum(STOP_REASONS);

/** The status a run ends with when its task hands back weights. */
export function statusOfStop(stopReason: StopReason): RunStatus {
  if (stopReason === 'stopped') return 'stopped';
  if (stopReason === 'diverged') return 'diverged';
  return 'completed';
}

/** One epoch's figures: epoch, loss and elapsed always, then whichever metrics the task has. */
export const EpochMetricsSchema = z
  .looseObject({ epoch: z.number(), loss: storedNumber, elapsed: z.number() })
  .catchall(storedNumber) as unknown as z.ZodType<EpochMetrics, Record<string, number | null>>;

/** Checked loosely: the weights' own reader (workers/engine/predict.ts) checks the rest when a project opens. */
const WeightsLayerSchema = z.looseObject({
  units: z.number().int().min(1),
  activation: z.enum(ACTIVATIONS),
  kernel: z.array(z.array(storedNumber)),
  bias: z.array(storedNumber).optional(),
});
export const WeightsFileSchema = z.looseObject({
  format: z.literal(WEIGHTS_FORMAT),
  version: z.literal(1),
  task: z.enum(['binary', 'multiclass', 'regression']),
  inputs: z.array(z.looseObject({ name: z.string(), kind: z.enum(['numeric', 'categorical']) })),
  layers: z.array(WeightsLayerSchema).min(1),
  output: z.looseObject({ name: z.string() }),
}) as unknown as z.ZodType<WeightsFile, unknown>;

/** [low, high] of a 95 % interval (workers/engine/uncertainty.ts) */
const IntervalSchema = z.tuple([storedNumber, storedNumber]);

/** The bootstrap intervals of a run's figures (workers/engine/uncertainty.ts EvaluationIntervals); older runs have none. */
export const EvaluationIntervalsSchema = z.object({
  resamples: z.number().int().min(1),
  auc: IntervalSchema.nullable().optional(),
  /** at the thresholds 0.01, 0.02, ... 0.99 */
  f1: z.array(IntervalSchema.nullable()).optional(),
  mae: IntervalSchema.nullable().optional(),
  rmse: IntervalSchema.nullable().optional(),
  r2: IntervalSchema.nullable().optional(),
});

/** How well a finished run does on rows it did not learn from (workers/train-evaluation.ts makes it). */
export const EvaluationSchema = z.looseObject({
  /** which rows: 'test', else 'validation', else 'train' when nothing was held out */
  on: z.string(),
  task: z.enum(['binary', 'multiclass', 'regression']),
  /** class indices (classification) or values (regression), one per evaluated row */
  actual: z.array(storedNumber),
  /** binary: probability of classes[1] per row; multiclass: one array per row */
  probabilities: z.array(z.union([storedNumber, z.array(storedNumber)])).optional(),
  /** class indices or regression values in the target's units */
  predicted: z.array(storedNumber).optional(),
  classes: z.array(z.string()).optional(),
  /** the score of always answering the most common class (classification) or the mean (regression) */
  baseline: z.looseObject({}),
  /** how sure the figures are (a bootstrap over the evaluated rows) */
  intervals: EvaluationIntervalsSchema.optional(),
});
export type Evaluation = z.output<typeof EvaluationSchema>;

export const RunRowsSchema = z.object({ train: z.number(), validation: z.number(), test: z.number() });

/** Where a continued run started: the run (or weights file) it went on from, and that run's epoch. Its own
 * epochs are numbered from 1, as every run's are. */
export const ContinuedFromSchema = z.object({
  /** the run's name, or the weights file as given ("weights.json") */
  name: z.string(),
  /** the run it went on from, when it was one of the project's */
  runId: z.string().optional(),
  /** the epoch whose weights it started from, when known */
  epoch: z.number().int().min(0).optional(),
});
export type ContinuedFrom = z.output<typeof ContinuedFromSchema>;

/** The kernels ([layer][fanIn][units]) at one epoch: for the live drawing, and kept for replaying a run. */
export const EpochKernelsSchema = z.object({ epoch: z.number(), kernels: z.array(z.array(z.array(z.number()))) });

/** A run as the list shows it: no weights, no evaluation arrays. */
export const RunSummarySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: RunStatusSchema,
  /** ms since 1970 */
  createdAt: z.number(),
  /** ms since 1970; null while queued or running */
  finishedAt: z.number().nullable(),
  totalEpochs: z.number().int().min(0),
  /** every epoch so far (live runs grow through training.progress) */
  history: z.array(EpochMetricsSchema),
  stopReason: StopReasonSchema.nullable(),
  /** why it stopped or failed, in words */
  message: z.string().nullable(),
  trainSeconds: z.number().min(0).nullable(),
  /** rows in each part of the split, after rows left out by the preparation */
  rows: RunRowsSchema.nullable(),
  /** what the preparation changed or noticed, in plain words (rows left out, ...) */
  warnings: z.array(z.string()),
  plan: TrainingPlanSchema,
  continuedFrom: ContinuedFromSchema.optional(),
  /** the epoch whose weights the run kept (early stopping may keep an earlier one than its last) */
  keptEpoch: z.number().int().min(0).optional(),
});

/** A run with everything: weights and evaluation once finished (or stopped with weights). */
export const RunSchema = RunSummarySchema.extend({
  weights: WeightsFileSchema.nullable(),
  evaluation: EvaluationSchema.nullable(),
  /** the kernels at a handful of epochs, for replaying the run on the drawing (workers/tasks/weight-snapshots.ts) */
  snapshots: z.array(EpochKernelsSchema).optional(),
  /** k-fold cross-validation of the run's plan, once asked for (runs of older files have none) */
  crossValidation: CrossValidationSchema.nullable().optional(),
});

export type RunSummary = z.output<typeof RunSummarySchema>;
export type Run = z.output<typeof RunSchema>;

/** A run just queued: nothing trained yet. */
export function queuedRun(id: string, name: string, plan: TrainingPlan, createdAt = Date.now()): Run {
  return {
    id,
    name,
    status: 'queued',
    createdAt,
    finishedAt: null,
    totalEpochs: plan.training.epochs,
    history: [],
    stopReason: null,
    message: null,
    trainSeconds: null,
    rows: null,
    warnings: [],
    plan,
    weights: null,
    evaluation: null,
    crossValidation: null,
  };
}

export function summaryOf(run: Run): RunSummary {
  const { weights: _weights, evaluation: _evaluation, snapshots: _snapshots, crossValidation: _crossValidation, ...summary } = run;
  return summary;
}

/** What a progress message adds to a run (workers/tasks/progress.ts sends them). */
export interface EpochsArrived {
  epochs: EpochMetrics[];
  totalEpochs: number;
}

/**
 * Appends a progress message's epochs to a run's history, leaving out any it already has (a list fetched while the
 * run trains may hold the same epochs), and marks a queued run as running: its first message says it left the queue.
 */
export function appendEpochs(run: { status: RunStatus; history: EpochMetrics[]; totalEpochs: number }, message: EpochsArrived): void {
  if (isFinished(run.status)) return;
  if (run.status === 'queued') run.status = 'running';
  const last = run.history.length ? run.history[run.history.length - 1]!.epoch : 0;
  for (const epoch of message.epochs) if (epoch.epoch > last) run.history.push(epoch);
  run.totalEpochs = message.totalEpochs;
}

/** How a run's task ended, as the training service keeps it (main/services/training.ts TrainingRun). */
export interface RunEnd {
  status: RunStatus;
  finishedAt: number | null;
  history: EpochMetrics[];
  totalEpochs: number;
  message?: string;
  /** weights, history and evaluation; absent when the task failed or was ended by force */
  result?: TrainTaskResult;
}

/** The one place a task's outcome becomes a run: status, history, weights, evaluation, rows and warnings. */
export function endRun(run: Run, ended: RunEnd, now = Date.now()): void {
  const result = ended.result;
  run.status = ended.status;
  run.finishedAt = ended.finishedAt ?? now;
  // The result carries the full history; progress messages may still be in flight (they are not ordered with it).
  run.history = result?.history ?? ended.history;
  run.totalEpochs = Math.max(ended.totalEpochs, run.history.length);
  run.message = ended.message ?? null;
  if (result) {
    run.stopReason = result.stopReason;
    run.trainSeconds = result.trainSeconds;
    run.rows = result.rows;
    run.warnings = result.warnings;
    run.weights = result.weights;
    run.evaluation = result.evaluation;
    run.keptEpoch = result.keptEpoch;
    if (result.snapshots.length > 0) run.snapshots = result.snapshots;
  } else if (ended.status === 'stopped') {
    run.stopReason = 'stopped';
  }
}
