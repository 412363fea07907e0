// The Evaluate screen's view of a run's evaluation at one decision threshold: the engine's evaluationMetrics and the
// extras only the screen shows (the baseline to beat, the points of the scatter). Pure: the slider recomputes it.
// The baseline is the one the run recorded (workers/train-evaluation.ts: the training rows' most common class or
// mean), so the tile, the verdict and the command line name the same one; a run saved without it gets the evaluated
// rows' own.

import type { Evaluation } from '../../../main/contract';
import { evaluationMetrics, regressionReport, type EvaluationMetrics } from '../../../workers/engine/metrics';
import { majorityBaseline } from './confusion-words';

type MetricsOf<K extends EvaluationMetrics['kind']> = Extract<EvaluationMetrics, { kind: K }>;

export type BinaryView = MetricsOf<'binary'> & { baseline: { className: string; accuracy: number }; rows: number };

export type MulticlassView = MetricsOf<'multiclass'> & { classes: string[]; baseline: { className: string; accuracy: number }; rows: number };

export type RegressionView = MetricsOf<'regression'> & {
  /** always answering the training rows' mean (or, for a run that did not record it, the actual values' mean) */
  baseline: { mae: number; rmse: number; mean: number };
  points: { x: number; y: number }[];
  rows: number;
};

export type EvaluationView = BinaryView | MulticlassView | RegressionView;

function classCounts(actual: readonly number[], k: number): number[] {
  const counts = new Array<number>(k).fill(0);
  for (const a of actual) if (a >= 0 && a < k) counts[a]!++;
  return counts;
}

/** The class baseline the run recorded, when it did. */
function recordedClassBaseline(evaluation: Evaluation): { className: string; accuracy: number } | null {
  const { accuracy, answer } = evaluation.baseline as { accuracy?: unknown; answer?: unknown };
  return typeof accuracy === 'number' && answer !== undefined ? { className: String(answer), accuracy } : null;
}

/** Every figure of the Evaluate screen at one threshold: the engine's metrics, and the baseline to beat beside them. */
export function evaluationView(evaluation: Evaluation, threshold: number): EvaluationView | null {
  const metrics = evaluationMetrics(evaluation, threshold);
  if (!metrics) return null;
  const actual = evaluation.actual;
  if (metrics.kind === 'binary') {
    const classes = evaluation.classes ?? ['0', '1'];
    return { ...metrics, baseline: recordedClassBaseline(evaluation) ?? majorityBaseline(classCounts(actual, 2), classes), rows: actual.length };
  }
  if (metrics.kind === 'multiclass') {
    const classes = evaluation.classes ?? [];
    return {
      ...metrics, classes, baseline: recordedClassBaseline(evaluation) ?? majorityBaseline(classCounts(actual, classes.length), classes), rows: actual.length,
    };
  }
  const predicted = evaluation.predicted ?? [];
  const recorded = (evaluation.baseline as { answer?: unknown }).answer;
  const mean = typeof recorded === 'number' ? recorded : actual.reduce((a, b) => a + b, 0) / actual.length;
  const baseline = regressionReport(actual.map(() => mean), actual);
  return {
    ...metrics,
    baseline: { mae: baseline.mae, rmse: baseline.rmse, mean },
    points: actual.map((a, i) => ({ x: a, y: predicted[i]! })),
    rows: actual.length,
  };
}
