// The training loop: mini-batches reshuffled each epoch, dropout, L2, validation, early stopping, divergence checks.
// Synchronous; hooks.onEpoch reports each epoch (and can copy the weights so far, for a live drawing),
// hooks.onBatch each batch (for progress within a long epoch) and hooks.shouldStop() is polled before every batch.
//
// Reported figures, as Keras reports them: the training loss and metrics of an epoch are running values over its
// batches (each batch measured by the weights it was trained with, dropout on), i.e. the epoch's mean per-row loss
// (for sse: the epoch's total squared error) plus the mean L2 penalty; val_* figures are a full pass over the
// validation rows with the weights at the end of the epoch (no dropout), penalty included as Keras does.
//
// Dropout is inverted (kept values are scaled by 1 / (1 - rate)) and applies to hidden layers' outputs while
// training; a rate on the output layer is ignored.
//
// Early stopping watches val_loss (or loss without validation rows), stops after `patience` epochs without a new
// lowest value, and by default (restoreBestWeights unless false) returns the weights of the best epoch, also when
// the run completes or is stopped. A diverged run (divergence.ts: the loss not a number, swinging far above where it
// started, or stuck on one class and rising) returns the weights of its last good epoch instead, or the starting
// ones when no epoch went well, and its message says which.
//
// Class weights ('balanced', class-weights.ts) weigh each training row's loss by its class, counted on the training
// rows: the reported loss is the weighted one, as Keras reports it with class_weight. The validation loss is
// weighted the same way, where Keras leaves it unweighted: so the two curves on one chart measure the same thing
// (a gap between them is over-fitting, not the weighting), and early stopping watches what training optimizes.
//
// One Rng(seed) is used, in this order: kernel initialisation, the validation split, then per epoch the shuffle
// and, batch by batch, dropout. Same seed, data and settings: bit-identical weights and history (on one engine).
//
// Starting weights (options.initialWeights) replace the initializers' after these have drawn their numbers, so the
// rest of the seed's stream (the validation split, the shuffles) is that of a run from scratch: continuing a run with
// its seed keeps its validation rows. The optimizer's state (momentum, Adam's moments and step count) starts afresh.
//
// The kernels (kernels.ts) are chosen once, here: by default the WebAssembly SIMD ones, on buffers in one arena of
// their memory made for this run; where WebAssembly SIMD is missing, or with options.engine 'js', plain JavaScript.
// Both are float64; they differ only in summation order (rounding, ~1e-15 per step).

import { Backprop } from './backprop';
import { balancedClassWeights, rowWeightsOf } from './class-weights';
import { DivergenceWatch, divergedMessage, type DivergedWhy, type StartingLoss } from './divergence';
import { jsKernels } from './js-kernels';
import type { EngineName, Kernels } from './kernels';
import { losses, type Loss } from './losses';
import { Network } from './network';
import { createOptimizer, optimizerArenaDoubles } from './optimizers';
import { Rng } from './rng';
import { paramCount, type EpochMetrics, type NetworkSpec, type StopReason, type TrainSettings } from './spec';
import { MetricTally, type MetricKind } from './tally';
import type { Task, WeightsLayer } from './weights-file';
import { WasmKernels } from './wasm/wasm-kernels';

export type { EngineName } from './kernels';

export interface TrainData {
  /** rows × cols, row-major, already encoded and scaled */
  x: Float64Array;
  /** rows × outputs: binary one column 0/1, multiclass one-hot, regression one (scaled) column */
  y: Float64Array;
  rows: number;
  cols: number;
  outputs: number;
  validation?: { x: Float64Array; y: Float64Array; rows: number };
  /** which metrics to report; default follows the loss (binary_crossentropy, categorical_crossentropy, else regression) */
  task?: Task;
  /** regression: how y was scaled, so MAE and RMSE are reported in the target's own units (R² does not change) */
  yScale?: { mean: number; std: number };
}

export interface TrainHooks {
  /** after each epoch; `weights()` copies the network's weights as they are now (it allocates: call it sparingly) */
  onEpoch?(m: EpochMetrics, weights: () => WeightsLayer[]): void;
  /** polled between batches */
  shouldStop?(): boolean;
  /** after each batch: how many of the epoch's training rows are done (for progress within a long epoch) */
  onBatch?(epoch: number, rowsDone: number, rows: number): void;
}

export interface TrainOptions {
  /** which kernels run: the WebAssembly SIMD ones (an error where they cannot run) or plain JavaScript;
   * default: WebAssembly SIMD where available, else JavaScript */
  engine?: EngineName;
  /** the weights to start from, in the shape a TrainResult's (or a weights file's) layers have; default: the
   * initializers'. They must fit the network: the message of a mismatch names the layer. */
  initialWeights?: readonly WeightsLayer[];
}

export interface TrainResult {
  /** which engine ran */
  engine: EngineName;
  layers: WeightsLayer[];
  history: EpochMetrics[];
  stopReason: StopReason;
  message?: string;
  /** the training loop's own time */
  trainSeconds: number;
  /** with early stopping: the epoch whose monitored loss was lowest */
  bestEpoch?: number;
  /** the epoch whose weights `layers` holds: the best one when early stopping restored it, else the last good one
   * (0: no epoch finished, so they are the starting weights) */
  keptEpoch: number;
}

export function train(spec: NetworkSpec, settings: TrainSettings, data: TrainData, hooks: TrainHooks = {}, options: TrainOptions = {}): TrainResult {
  checkRun(spec, settings, data);
  const started = performance.now();
  const rng = new Rng(settings.seed);
  const splitRows = validationSplitRows(data, settings);
  const batchSize = Math.min(settings.batchSize, data.rows - splitRows);
  const kernels = chooseKernels(options.engine,
    Network.arenaDoubles(spec) + Backprop.arenaDoubles(spec, batchSize) + optimizerArenaDoubles(settings.optimizer, paramCount(spec)));
  const network = new Network(spec, rng, kernels);
  if (options.initialWeights !== undefined) startFrom(network, options.initialWeights);
  const params = network.params;
  const loss = losses[settings.loss];
  const outputs = data.outputs, cols = data.cols;
  const kind: MetricKind = data.task ?? (settings.loss === 'binary_crossentropy' ? 'binary'
    : settings.loss === 'categorical_crossentropy' ? 'multiclass' : 'regression');
  const unitScale = kind === 'regression' && data.yScale ? Math.abs(data.yScale.std) || 1 : 1;
  const weighted = settings.classWeights === 'balanced';
  if (weighted && kind === 'regression') throw new Error('Class weights need classes, but this run predicts a number.');

  // training rows and validation rows
  let trainRows: Int32Array;
  let validation = data.validation && data.validation.rows > 0 ? data.validation : undefined;
  if (splitRows > 0) {
    const order = new Int32Array(data.rows);
    for (let i = 0; i < data.rows; i++) order[i] = i;
    rng.shuffle(order);
    validation = gatherRows(data, order.subarray(0, splitRows));
    trainRows = order.slice(splitRows);
  } else {
    trainRows = new Int32Array(data.rows);
    for (let i = 0; i < data.rows; i++) trainRows[i] = i;
  }
  const rowCount = trainRows.length;
  // with class weights: one weight per row of the table, and per validation row, made once here
  const classWeights = weighted ? balancedClassWeights(data.y, outputs, trainRows) : null;
  const rowWeights = classWeights ? rowWeightsOf(data.y, data.rows, outputs, classWeights) : null;
  const valWeights = classWeights && validation ? rowWeightsOf(validation.y, validation.rows, outputs, classWeights) : null;

  const pass = new Backprop(network, settings.loss, settings.l2 ?? 0, batchSize, weighted);
  const batchWeights = pass.rowWeights;
  const watch = new DivergenceWatch(startingLoss(network, data, loss, rowWeights));
  const continued = options.initialWeights !== undefined;
  let keptEpoch = 0;
  const optimizer = createOptimizer(settings.optimizer, params.length, kernels);
  const tally = new MetricTally(kind, outputs);
  const valTally = new MetricTally(kind, outputs);
  const valPred = new Float64Array(validation ? validation.rows * outputs : 0);
  const lastGood = params.slice();
  const stopping = settings.earlyStopping;
  const monitor = stopping?.monitor === 'loss' || !validation ? 'loss' : 'val_loss';
  const best = stopping ? params.slice() : null;
  let bestLoss = Infinity, bestEpoch = 0, waited = 0;
  const history: EpochMetrics[] = [];
  let stopReason: StopReason = 'completed';
  let message: string | undefined;
  const bx = pass.x, by = pass.target, x = data.x, y = data.y;
  const currentWeights = () => network.toLayers();
  const onBatch = hooks.onBatch;

  epochs: for (let epoch = 1; epoch <= settings.epochs; epoch++) {
    rng.shuffle(trainRows);
    tally.reset();
    let lossSum = 0, penaltySum = 0;
    for (let start = 0; start < rowCount; start += batchSize) {
      if (hooks.shouldStop !== undefined && hooks.shouldStop()) {
        stopReason = 'stopped';
        message = `Stopped by you during epoch ${epoch}.`;
        break epochs;
      }
      const n = start + batchSize <= rowCount ? batchSize : rowCount - start;
      copyBatchRows(x, cols, trainRows, start, n, bx);
      copyBatchRows(y, outputs, trainRows, start, n, by);
      if (batchWeights !== null) copyBatchRows(rowWeights!, 1, trainRows, start, n, batchWeights);
      pass.run(n, rng);
      const batchLoss = pass.lossSum;
      if (!(Math.abs(batchLoss) < Infinity)) {
        stopReason = 'diverged';
        message = divergedMessage({ why: notFinite(batchLoss), epoch, keptEpoch, continued, optimizer: settings.optimizer });
        break epochs;
      }
      lossSum += batchLoss;
      penaltySum += pass.penalty * n;
      tally.add(pass.output, by, n);
      optimizer.step(params, pass.grads);
      if (onBatch !== undefined) onBatch(epoch, start + n, rowCount);
    }
    if (!allFinite(params)) {
      stopReason = 'diverged';
      message = divergedMessage({ why: 'not_a_number', epoch, keptEpoch, continued, optimizer: settings.optimizer });
      break;
    }

    const m: EpochMetrics = {
      epoch,
      loss: (loss.reduction === 'mean' ? lossSum / rowCount : lossSum) + penaltySum / rowCount,
      elapsed: 0,
    };
    putMetrics(m, false, tally, kind, unitScale);
    if (validation) {
      network.predictInto(validation.x, validation.rows, valPred);
      valTally.reset();
      valTally.add(valPred, validation.y, validation.rows);
      const valSum = loss.rowSum(valPred, validation.y, validation.rows * outputs, outputs, valWeights);
      m.val_loss = (loss.reduction === 'mean' ? valSum / validation.rows : valSum) + penaltyOf(network, settings.l2 ?? 0);
      putMetrics(m, true, valTally, kind, unitScale);
    }
    if (!(Math.abs(m.loss) < Infinity) || (m.val_loss !== undefined && !(Math.abs(m.val_loss) < Infinity))) {
      stopReason = 'diverged';
      const why = notFinite(Math.abs(m.loss) < Infinity ? (m.val_loss as number) : m.loss);
      message = divergedMessage({ why, epoch, keptEpoch, continued, optimizer: settings.optimizer });
      break;
    }
    const watched = watch.epoch(epoch, lossSum / rowCount, kind !== 'regression' && tally.oneClass());
    if (watched.clean) {
      lastGood.set(params);
      keptEpoch = epoch;
    }
    m.elapsed = (performance.now() - started) / 1000;
    history.push(m);
    hooks.onEpoch?.(m, currentWeights);
    if (watched.diverged !== null) {
      stopReason = 'diverged';
      message = divergedMessage({
        why: watched.diverged, epoch, firstBad: watch.firstBad, loss: lossSum / rowCount, reference: watch.reference,
        keptEpoch, continued, optimizer: settings.optimizer,
      });
      break;
    }

    if (stopping && best) {
      const current = monitor === 'val_loss' ? (m.val_loss as number) : m.loss;
      if (current < bestLoss) {
        bestLoss = current;
        bestEpoch = epoch;
        waited = 0;
        best.set(params);
      } else if (++waited >= stopping.patience) {
        stopReason = 'early_stopping';
        message = `Stopped early after epoch ${epoch}: ${monitor} had not improved for ${stopping.patience} epochs.`;
        break;
      }
    }
  }

  // the epoch whose weights are returned: a diverged run's last good one, else the last, or the best one restored
  if (stopReason === 'diverged') params.set(lastGood);
  else keptEpoch = history.length;
  if (stopReason !== 'diverged' && stopping && best && bestEpoch > 0 && stopping.restoreBestWeights !== false) {
    params.set(best);
    keptEpoch = bestEpoch;
    if (bestEpoch !== history.length) message = `${message ? message + ' ' : ''}Kept the weights of epoch ${bestEpoch}, where ${monitor} was lowest.`;
  }
  const result: TrainResult = {
    engine: kernels.engine,
    layers: network.toLayers(),
    history,
    stopReason,
    trainSeconds: (performance.now() - started) / 1000,
    keptEpoch,
  };
  if (message !== undefined) result.message = message;
  if (stopping && bestEpoch > 0) result.bestEpoch = bestEpoch;
  return result;
}

/**
 * The kernels of one run, whose memory holds `doubles` float64 slots: the one place that picks them, so nothing
 * downstream asks which it got.
 */
function chooseKernels(engine: EngineName | undefined, doubles: number): Kernels {
  if (engine === 'js') return jsKernels;
  const simd = WasmKernels.create(doubles);
  if (simd !== null) return simd;
  if (engine === 'wasm') throw new Error('The WebAssembly SIMD engine cannot run here (no WebAssembly SIMD).');
  return jsKernels;
}

/** Puts the starting weights into the network, or says which layer they do not fit and what to do. */
function startFrom(network: Network, weights: readonly WeightsLayer[]): void {
  const problem = network.mismatch(weights);
  if (problem !== undefined) {
    throw new Error(`The starting weights do not fit this network. ${problem} ` +
      'Start from new weights, or give the network the layers these weights were trained with.');
  }
  network.setWeights(weights);
}

function putMetrics(m: EpochMetrics, validation: boolean, tally: MetricTally, kind: MetricKind, unitScale: number): void {
  if (kind !== 'regression') {
    if (validation) m.val_accuracy = tally.accuracy();
    else m.accuracy = tally.accuracy();
  } else if (validation) {
    m.val_mae = tally.mae() * unitScale;
    m.val_rmse = tally.rmse() * unitScale;
    m.val_r2 = tally.r2();
  } else {
    m.mae = tally.mae() * unitScale;
    m.rmse = tally.rmse() * unitScale;
    m.r2 = tally.r2();
  }
}

function penaltyOf(network: Network, l2: number): number {
  if (!(l2 > 0)) return 0;
  let s = 0;
  for (const layer of network.layers) for (let i = 0; i < layer.kernel.length; i++) s += layer.kernel[i] * layer.kernel[i];
  return l2 * s;
}

function notFinite(value: number): DivergedWhy {
  return Number.isNaN(value) ? 'not_a_number' : 'infinite';
}

/** Rows of the table the starting loss is measured on: enough for a figure to compare with, quick on any table. */
const STARTING_ROWS = 1024;

/**
 * The data loss per row before training, on the table's first rows: the network's as it starts, and that of the
 * best constant answer (each output's weighted mean: the class shares, or the average), both weighted as trained.
 */
function startingLoss(network: Network, data: TrainData, loss: Loss, rowWeights: Float64Array | null): StartingLoss {
  const rows = Math.min(data.rows, STARTING_ROWS), outputs = data.outputs, count = rows * outputs;
  const weights = rowWeights ? rowWeights.subarray(0, rows) : null;
  const pred = new Float64Array(count);
  network.predictInto(data.x.subarray(0, rows * data.cols), rows, pred);
  const untrained = loss.rowSum(pred, data.y, count, outputs, weights) / rows;
  const mean = new Float64Array(outputs);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const w = weights ? weights[r] : 1;
    total += w;
    for (let j = 0; j < outputs; j++) mean[j] += w * data.y[r * outputs + j];
  }
  for (let i = 0; i < count; i++) pred[i] = mean[i % outputs] / total;
  return { untrained, guess: loss.rowSum(pred, data.y, count, outputs, weights) / rows };
}

/**
 * to = the `n` rows of `from` (rows of `width` values) listed in order[start ...], one after another.
 * Shuffled rows of a large table are cache misses: one read per 64-byte line of every row comes first, so the
 * misses overlap instead of waiting one by one (over twice as fast on 200,000 × 32 here); the copy then hits cache.
 */
function copyBatchRows(from: Float64Array, width: number, order: Int32Array, start: number, n: number, to: Float64Array): void {
  let touched = 0;
  for (let i = 0; i < n; i++) {
    const at = order[start + i] * width;
    for (let c = 0; c < width; c += 8) touched += from[at + c];
  }
  for (let i = 0; i < n; i++) {
    for (let c = 0, at = order[start + i] * width, into = i * width; c < width; c++) to[into + c] = from[at + c];
  }
  // the sum is otherwise unused: keeping it somewhere stops the compiler from dropping the reads
  lastTouched = touched;
}
let lastTouched = 0;

function allFinite(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!(Math.abs(values[i]) < Infinity)) return false;
  return true;
}

/** How many of the training rows the validation split takes: none when validation rows are given. */
function validationSplitRows(data: TrainData, settings: TrainSettings): number {
  const split = settings.validationSplit ?? 0;
  if ((data.validation && data.validation.rows > 0) || !(split > 0) || data.rows < 2) return 0;
  return Math.min(data.rows - 1, Math.max(1, Math.round(data.rows * split)));
}

function gatherRows(data: TrainData, rows: Int32Array): { x: Float64Array; y: Float64Array; rows: number } {
  const x = new Float64Array(rows.length * data.cols), y = new Float64Array(rows.length * data.outputs);
  rows.forEach((row, i) => {
    x.set(data.x.subarray(row * data.cols, (row + 1) * data.cols), i * data.cols);
    y.set(data.y.subarray(row * data.outputs, (row + 1) * data.outputs), i * data.outputs);
  });
  return { x, y, rows: rows.length };
}

/** Refuses a run that cannot work, saying why (these are the calling code's mistakes, not the user's). */
function checkRun(spec: NetworkSpec, settings: TrainSettings, data: TrainData): void {
  const layers = spec.layers;
  if (layers.length === 0) throw new Error('The network needs at least an output layer.');
  const output = layers[layers.length - 1];
  if (spec.inputs !== data.cols) throw new Error(`The network has ${spec.inputs} inputs but the data has ${data.cols} columns.`);
  if (output.units !== data.outputs) {
    throw new Error(`The output layer has ${output.units} units but the data has ${data.outputs} target columns.`);
  }
  if (data.x.length < data.rows * data.cols || data.y.length < data.rows * data.outputs) {
    throw new Error(`The data arrays are shorter than ${data.rows} rows.`);
  }
  if (data.rows < 1) throw new Error('There are no training rows.');
  if (layers.slice(0, -1).some((l) => l.activation === 'softmax')) {
    throw new Error('softmax can only be the activation of the output layer.');
  }
  if (settings.loss === 'categorical_crossentropy' && output.activation !== 'softmax') {
    throw new Error('categorical_crossentropy needs a softmax output layer.');
  }
  if (settings.loss === 'binary_crossentropy' && output.activation !== 'sigmoid') {
    throw new Error('binary_crossentropy needs a sigmoid output layer.');
  }
  if (!Number.isInteger(settings.batchSize) || settings.batchSize < 1) throw new Error('The batch size must be a whole number of at least 1.');
  if (!Number.isInteger(settings.epochs) || settings.epochs < 0) throw new Error('The number of epochs must be a whole number, 0 or more.');
  for (const l of layers) {
    if ((l.dropout ?? 0) < 0 || (l.dropout ?? 0) >= 1) throw new Error('A dropout rate must be at least 0 and below 1.');
  }
}
