// A finished run's evaluation: the trained network's answers on the held-out rows (test, else validation, else the
// training rows), the true answers, and the score of a model that learned nothing (the baseline to beat).

import { classOf } from './engine/class-weights';
import { Network } from './engine/network';
import type { EvaluationIntervals } from './engine/uncertainty';
import type { OutputSpec, Task, WeightsLayer } from './engine/weights-file';

export interface EvaluationRows {
  x: Float64Array;
  y: Float64Array;
  rows: number;
}

export type Evaluation = {
  /** which rows were evaluated */
  on: 'test' | 'validation' | 'train';
  task: Task;
  /** class index (classification) or value in the target's units (regression), one per evaluated row */
  actual: number[];
  /** binary: probability of classes[1] per row; multiclass: one probability per class per row */
  probabilities?: number[] | number[][];
  /** regression: predicted values in the target's units */
  predicted?: number[];
  classes?: string[];
  threshold?: number;
  /** always answering the most common training class (accuracy), or always predicting the training mean (mae) */
  baseline: { accuracy?: number; mae?: number; answer?: string | number };
  /** how sure the figures are; a run's own evaluation has them, a fold's does not */
  intervals?: EvaluationIntervals;
};

export function evaluate(
  layers: WeightsLayer[],
  cols: number,
  task: Task,
  output: OutputSpec,
  on: Evaluation['on'],
  rows: EvaluationRows,
  training: EvaluationRows,
): Evaluation {
  const network = Network.fromLayers(cols, layers);
  const outputs = network.outputs;
  const out = new Float64Array(rows.rows * outputs);
  network.predictInto(rows.x, rows.rows, out);
  const evaluation: Evaluation = { on, task, actual: [], baseline: {} };
  if (output.classes) evaluation.classes = [...output.classes];
  if (output.threshold !== undefined) evaluation.threshold = output.threshold;

  if (task === 'regression') {
    const unscale = (v: number) => (output.scale ? v * output.scale.std + output.scale.mean : v);
    evaluation.actual = Array.from(rows.y.subarray(0, rows.rows), unscale);
    evaluation.predicted = Array.from(out.subarray(0, rows.rows), unscale);
    let mean = 0;
    for (let r = 0; r < training.rows; r++) mean += unscale(training.y[r]);
    mean /= Math.max(1, training.rows);
    let abs = 0;
    for (const actual of evaluation.actual) abs += Math.abs(actual - mean);
    evaluation.baseline = { mae: rows.rows > 0 ? abs / rows.rows : 0, answer: mean };
    return evaluation;
  }

  const k = task === 'binary' ? 2 : outputs;
  evaluation.actual = classIndices(rows, task, outputs);
  evaluation.probabilities =
    task === 'binary'
      ? Array.from(out.subarray(0, rows.rows))
      : Array.from({ length: rows.rows }, (_, r) => Array.from(out.subarray(r * outputs, (r + 1) * outputs)));
  const counts = new Array<number>(k).fill(0);
  for (const c of classIndices(training, task, outputs)) counts[c]++;
  const common = counts.indexOf(Math.max(...counts));
  const hits = evaluation.actual.filter((c) => c === common).length;
  evaluation.baseline = {
    accuracy: rows.rows > 0 ? hits / rows.rows : 0,
    answer: output.classes?.[common] ?? common,
  };
  return evaluation;
}

/** Class index per row: the 0/1 target of a binary label, the hot column of a one-hot target. */
function classIndices(rows: EvaluationRows, task: Task, outputs: number): number[] {
  return Array.from({ length: rows.rows }, (_, r) => classOf(rows.y, r, task === 'binary' ? 1 : outputs));
}
