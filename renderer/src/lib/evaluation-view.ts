// Every figure of the Evaluate screen, from a run's evaluation rows at one decision threshold. Pure: the threshold
// slider recomputes it on every move, with the engine's own metric functions.

import type { Evaluation } from '../../../main/contract';
import { binaryReport, multiclassReport, regressionReport, rocCurve } from '../../../workers/engine/metrics';
import { majorityBaseline } from './confusion-words';

export interface BinaryView {
  kind: 'binary';
  threshold: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  auc: number;
  roc: { fpr: number; tpr: number; threshold: number }[];
  baseline: { className: string; accuracy: number };
  rows: number;
}

export interface MulticlassView {
  kind: 'multiclass';
  accuracy: number;
  confusion: number[][];
  classes: string[];
  baseline: { className: string; accuracy: number };
  rows: number;
}

export interface RegressionView {
  kind: 'regression';
  mae: number;
  rmse: number;
  r2: number;
  /** always answering the mean of the actual values */
  baseline: { mae: number; rmse: number; mean: number };
  points: { x: number; y: number }[];
  rows: number;
}

export type EvaluationView = BinaryView | MulticlassView | RegressionView;

function classCounts(actual: readonly number[], k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const a of actual) if (a >= 0 && a < k) counts[a]!++;
  return counts;
}

/** Every figure of the Evaluate screen at one threshold. */
export function evaluationView(evaluation: Evaluation, threshold: number): EvaluationView | null {
  const actual = evaluation.actual;
  if (evaluation.task === 'binary') {
    const probabilities = (evaluation.probabilities ?? []) as number[];
    if (probabilities.length !== actual.length || actual.length === 0) return null;
    const report = binaryReport(probabilities, actual, threshold);
    const roc = rocCurve(probabilities, actual);
    const classes = evaluation.classes ?? ['0', '1'];
    return {
      kind: 'binary',
      threshold,
      ...report,
      auc: roc.auc,
      roc: roc.points,
      baseline: majorityBaseline(classCounts(actual, 2), classes),
      rows: actual.length,
    };
  }
  if (evaluation.task === 'multiclass') {
    const classes = evaluation.classes ?? [];
    const k = classes.length;
    const rows = (evaluation.probabilities ?? []) as number[][];
    if (rows.length !== actual.length || k === 0) return null;
    const flat = new Float64Array(rows.length * k);
    rows.forEach((row, r) => row.forEach((p, j) => (flat[r * k + j] = p)));
    const report = multiclassReport(flat, actual, k);
    return { kind: 'multiclass', ...report, classes, baseline: majorityBaseline(classCounts(actual, k), classes), rows: actual.length };
  }
  const predicted = evaluation.predicted ?? [];
  if (predicted.length !== actual.length || actual.length === 0) return null;
  const report = regressionReport(predicted, actual);
  const mean = actual.reduce((a, b) => a + b, 0) / actual.length;
  const baseline = regressionReport(actual.map(() => mean), actual);
  return {
    kind: 'regression',
    ...report,
    baseline: { mae: baseline.mae, rmse: baseline.rmse, mean },
    points: actual.map((a, i) => ({ x: a, y: predicted[i]! })),
    rows: actual.length,
  };
}

