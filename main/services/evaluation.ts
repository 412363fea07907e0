// A finished run's figures at a chosen threshold: accuracy, precision, recall, F1, confusion, ROC (or MAE, RMSE, R²).

import { binaryReport, multiclassReport, regressionReport, rocCurve } from '../../workers/engine/metrics';
import type { Evaluation, MetricsAtThreshold, Run } from '../contract';
import { isActive } from '../../workers/run';
import { userError } from '../transport/errors';

export function evaluationOf(run: Run): Evaluation {
  if (!run.evaluation) {
    const why =
      isActive(run.status)
        ? 'it is still training'
        : run.status === 'failed'
          ? 'it failed before it finished'
          : 'it ended before it could be evaluated';
    throw userError('no_evaluation', `"${run.name}" has no evaluation yet: ${why}.`, {
      hint: 'Choose a run that has finished training.',
    });
  }
  return run.evaluation;
}

/** Only finite numbers go out: JSON has no NaN or Infinity, and the contract's numbers refuse them. */
function finite(value: number): number | undefined {
  return Number.isFinite(value) ? value : undefined;
}

export function metricsAt(evaluation: Evaluation, threshold: number): MetricsAtThreshold {
  const actual = evaluation.actual;
  if (evaluation.task === 'regression') {
    const predicted = evaluation.predicted ?? [];
    const r = regressionReport(predicted, actual);
    return clean({ mae: r.mae, rmse: r.rmse, r2: r.r2 });
  }
  const probabilities = evaluation.probabilities ?? [];
  if (evaluation.task === 'binary') {
    const p = probabilities as number[];
    const r = binaryReport(p, actual, threshold);
    const roc = rocCurve(p, actual);
    return clean({
      threshold,
      accuracy: r.accuracy,
      precision: r.precision,
      recall: r.recall,
      f1: r.f1,
      auc: roc.auc,
      // confusion[actual][predicted]; class 0 first, as in the weights file's classes
      confusion: [
        [r.tn, r.fp],
        [r.fn, r.tp],
      ],
      // the first point (nothing predicted positive) has threshold Infinity; 1 says the same in JSON
      roc: roc.points.map((pt) => ({ fpr: pt.fpr, tpr: pt.tpr, threshold: Math.min(pt.threshold, 1) })),
    });
  }
  const k = evaluation.classes?.length ?? (Array.isArray(probabilities[0]) ? (probabilities[0] as number[]).length : 0);
  const flat = Array.isArray(probabilities[0]) ? (probabilities as number[][]).flat() : (probabilities as number[]);
  const r = multiclassReport(flat, actual, k);
  return clean({ accuracy: r.accuracy, confusion: r.confusion });
}

function clean(metrics: Record<string, unknown>): MetricsAtThreshold {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metrics)) {
    if (typeof value === 'number') {
      const v = finite(value);
      if (v !== undefined) out[key] = v;
    } else out[key] = value;
  }
  return out as MetricsAtThreshold;
}

/** The threshold a run's answers use unless the user moves the slider. */
export function defaultThreshold(run: Run): number {
  const fromEvaluation = (run.evaluation as { threshold?: unknown } | null)?.threshold;
  if (typeof fromEvaluation === 'number') return fromEvaluation;
  return run.weights?.output.threshold ?? 0.5;
}
