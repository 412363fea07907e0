// The piscina task that trains one network: plan + dataset in, weights + history + evaluation out, progress on a
// MessagePort while it runs. CommonJS-loadable; imports no electron and no node:fs.

import type { MessagePort } from 'node:worker_threads';
import { train } from '../engine/train';
import { paramCount, type EpochMetrics, type StopReason } from '../engine/spec';
import { WEIGHTS_FORMAT, WEIGHTS_VERSION, type OutputSpec, type Task, type WeightsFile } from '../engine/weights-file';
import type { TrainingPlan } from '../plan';
import { buildMatrices, fitPreparation, labelTask, splitRows, type Dataset, type RowSplit } from '../data';
import { withoutHint } from '../data/errors';
import { createProgressReporter, type LiveWeights } from './progress';
import { checkChoices, networkFor, settingsFor } from '../train-setup';
import { evaluate, type Evaluation } from '../train-evaluation';
import { checkContinue, type StartingWeights } from '../continue-check';
import { createSnapshotKeeper, kernelWeightCount } from './weight-snapshots';
import { evaluationIntervals } from '../engine/uncertainty';

export interface TrainTaskInput {
  runId: string;
  dataset: Dataset;
  plan: TrainingPlan;
  /** progress messages (ProgressMessage) go here; closed at the end */
  port?: MessagePort;
  /** on a SharedArrayBuffer: 1 = stop after the current batch */
  stopFlag?: Int32Array;
  /** the rows of each part, instead of the plan's split (a fold of cross-validation) */
  rows?: RowSplit;
  /** continue from these weights (a finished run's, or a weights file) instead of new ones */
  startFrom?: StartingWeights;
}

export interface TrainTaskResult {
  weights: WeightsFile;
  history: EpochMetrics[];
  stopReason: StopReason;
  message?: string;
  trainSeconds: number;
  /** rows in each part of the split, after rows left out by the preparation */
  rows: { train: number; validation: number; test: number };
  evaluation: Evaluation;
  /** what the preparation changed or noticed, in plain words (rows left out, columns with many missing values, ...) */
  warnings: string[];
  bestEpoch?: number;
  /** the epoch whose weights `weights` holds (early stopping may keep an earlier one than the last) */
  keptEpoch: number;
  /** the kernels at a handful of epochs, for replaying the run on the drawing (none for a big network) */
  snapshots: LiveWeights[];
}

/** A run that could not start because of the user's data or choices; the same fields as a DataError. */
export interface RunError {
  /** 'input': the user can fix it (exit 2 in the CLI); 'internal': our fault */
  kind: 'input' | 'internal';
  code: string;
  message: string;
  file?: string;
  row?: number;
  column?: string;
  hint?: string;
}

// Errors thrown in a piscina task lose their class and fields on the way back, so input errors travel as a value.
export type TrainTaskOutcome = { ok: true; result: TrainTaskResult } | { ok: false; error: RunError };

export default function trainTask(input: TrainTaskInput): TrainTaskOutcome {
  try {
    return { ok: true, result: runTraining(input) };
  } catch (error) {
    const inputError = asInputError(error);
    if (inputError) return { ok: false, error: inputError };
    throw error;
  } finally {
    input.port?.close();
  }
}

export function runTraining({ runId, dataset, plan, port, stopFlag, rows, startFrom }: TrainTaskInput): TrainTaskResult {
  if (startFrom) checkContinue(startFrom, plan, dataset);
  const task: Task = labelTask(dataset, plan.label, plan.task).task;
  const split = rows ?? splitRows(dataset, plan.label, plan.split, task);
  const fitted = fitPreparation(dataset, plan, split.train);
  // Continued weights keep the preparation they learned with (fill values, scaling, categories, the target's scale):
  // refitted on other rows or with other choices, the same weights would see other numbers.
  const prepared = startFrom ? { ...fitted, inputs: startFrom.weights.inputs, output: continuedOutput(startFrom.weights.output, fitted.output) } : fitted;
  const trainM = buildMatrices(dataset, prepared, plan, split.train);
  const validationM = split.validation.length > 0 ? buildMatrices(dataset, prepared, plan, split.validation) : undefined;
  const testM = split.test.length > 0 ? buildMatrices(dataset, prepared, plan, split.test) : undefined;

  const spec = networkFor(plan, task, trainM.cols, trainM.outputs);
  const settings = settingsFor(plan, task);
  checkChoices(spec, settings, task, plan.label);

  // Live copies of the weights feed the drawing of the network; past this size a copy twice a second would cost
  // more than the drawing (ten nodes a layer) is worth.
  const liveWeights = paramCount(spec) <= LIVE_WEIGHTS_LIMIT;
  const snapshots = createSnapshotKeeper(kernelWeightCount(spec.inputs, spec.layers));
  const reporter = createProgressReporter({
    runId,
    totalEpochs: settings.epochs,
    post: (message) => port?.postMessage(message),
  });
  // An empty first message says the run has left the queue.
  port?.postMessage({ runId, epochs: [], totalEpochs: settings.epochs, elapsed: 0 });
  const scale = prepared.output.scale;
  const trained = train(
    spec,
    settings,
    {
      x: trainM.x,
      y: trainM.y,
      rows: trainM.rows,
      cols: trainM.cols,
      outputs: trainM.outputs,
      task,
      ...(validationM ? { validation: { x: validationM.x, y: validationM.y, rows: validationM.rows } } : {}),
      ...(scale ? { yScale: { mean: scale.mean, std: scale.std } } : {}),
    },
    {
      onEpoch: (metrics, weights) => {
        snapshots.epoch(metrics.epoch, weights);
        reporter.epoch(metrics, liveWeights ? weights : undefined);
      },
      onBatch: (epoch, rowsDone, rows) => reporter.batch(epoch, rowsDone, rows),
      shouldStop: stopFlag ? () => Atomics.load(stopFlag, 0) === 1 : undefined,
    },
    startFrom ? { initialWeights: startFrom.weights.layers } : {},
  );
  reporter.flush();

  const weights: WeightsFile = {
    format: WEIGHTS_FORMAT,
    version: WEIGHTS_VERSION,
    task,
    inputs: prepared.inputs,
    layers: trained.layers,
    output: prepared.output,
  };
  const evaluated = testM ? { on: 'test' as const, m: testM } : validationM ? { on: 'validation' as const, m: validationM } : { on: 'train' as const, m: trainM };
  const evaluation = evaluate(trained.layers, trainM.cols, task, prepared.output, evaluated.on, evaluated.m, trainM);
  // a run's score on held-out rows is shown with how sure it is; a fold (given rows) is summed up over its folds
  const intervals = rows || evaluated.on === 'train' ? null : evaluationIntervals(evaluation, plan.training.seed);
  if (intervals) evaluation.intervals = intervals;

  const result: TrainTaskResult = {
    weights,
    history: trained.history,
    stopReason: trained.stopReason,
    trainSeconds: trained.trainSeconds,
    rows: { train: trainM.rows, validation: validationM?.rows ?? 0, test: testM?.rows ?? 0 },
    evaluation,
    warnings: [...prepared.warnings],
    keptEpoch: trained.keptEpoch,
    snapshots: snapshots.list(),
  };
  if (trained.message !== undefined) result.message = trained.message;
  if (trained.bestEpoch !== undefined) result.bestEpoch = trained.bestEpoch;
  return result;
}

/** The output of continued weights: theirs (the target's scale above all), with a new run's threshold: one chosen
 * for the weights it started from is not chosen for the model it becomes. */
function continuedOutput(trained: OutputSpec, fitted: OutputSpec): OutputSpec {
  const { threshold: _chosen, ...output } = trained;
  return fitted.threshold === undefined ? output : { ...output, threshold: fitted.threshold };
}

/** weights and biases; 50,000 float64s make a message of about 1 MB as JSON */
const LIVE_WEIGHTS_LIMIT = 50_000;

const INPUT_ERRORS = new Set(['DataError', 'PlanError']);

function asInputError(error: unknown): RunError | undefined {
  if (!(error instanceof Error) || !INPUT_ERRORS.has(error.name)) return undefined;
  const e = error as Error & { code?: unknown; file?: unknown; row?: unknown; column?: unknown; hint?: unknown };
  const info: RunError = {
    kind: 'input',
    code: typeof e.code === 'string' ? e.code : error.name === 'PlanError' ? 'bad_plan' : 'bad_input',
    message: withoutHint(error.message, e.hint),
  };
  if (typeof e.file === 'string') info.file = e.file;
  if (typeof e.row === 'number') info.row = e.row;
  if (typeof e.column === 'string') info.column = e.column;
  if (typeof e.hint === 'string') info.hint = e.hint;
  return info;
}

// The pool has one entry file (the desktop build points it at this one); piscina's `name` option picks other tasks.
export { explainTask as explain } from './explain-task';
