// Cross-validation's figures: one score per fold (accuracy for classes, R² for numbers), their mean and spread.
// One shape for the app's runs, the search's leaderboard, the project file and the CLI's JSON summary.

import { z } from 'zod';
import { evaluationMetrics, type EvaluationRows } from './engine/metrics';

export const CV_METRICS = ['accuracy', 'r2'] as const;
export type CvMetric = (typeof CV_METRICS)[number];

export const CrossValidationSchema = z.object({
  metric: z.enum(CV_METRICS),
  /** one score per fold, in fold order */
  folds: z.array(z.number()),
  mean: z.number(),
  /** the sample standard deviation over folds (n − 1), 0 for a single fold */
  sd: z.number(),
  /** rows each fold scored */
  rows: z.array(z.number().int().min(0)),
});
export type CrossValidation = z.infer<typeof CrossValidationSchema>;

/** The default number of folds: scikit-learn's cross_val_score default, and the issue's. */
export const DEFAULT_FOLDS = 5;

export function cvMetricFor(task: EvaluationRows['task']): CvMetric {
  return task === 'regression' ? 'r2' : 'accuracy';
}

/** A fold's score on its held-out rows; binary answers at threshold 0.5, as a fold has no threshold of its own. */
export function foldScore(evaluation: EvaluationRows): number {
  const metrics = evaluationMetrics(evaluation, 0.5);
  if (!metrics) return Number.NaN;
  return metrics.kind === 'regression' ? metrics.r2 : metrics.accuracy;
}

export function summarizeFolds(metric: CvMetric, scores: readonly number[], rows: readonly number[]): CrossValidation {
  const n = scores.length;
  const mean = n > 0 ? scores.reduce((a, b) => a + b, 0) / n : Number.NaN;
  const variance = n > 1 ? scores.reduce((a, s) => a + (s - mean) ** 2, 0) / (n - 1) : 0;
  return { metric, folds: [...scores], mean, sd: Math.sqrt(variance), rows: [...rows] };
}
