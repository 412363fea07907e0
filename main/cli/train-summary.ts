// What a finished training run says at the end: the headline figures on the evaluated rows against the baseline of
// a model that learned nothing, in a sentence for the terminal and as numbers for the --json line, and the run's
// verdict (workers/run-diagnosis.ts) with what to do on the command line.

import { evaluationMetrics } from '../../workers/engine/metrics';
import { diagnoseRun, type RunDiagnosis } from '../../workers/run-diagnosis';
import type { Evaluation } from '../../workers/train-evaluation';
import type { TrainingRun } from '../services/training';

export interface EvaluationFigures {
  on: Evaluation['on'];
  rows: number;
  accuracy?: number;
  mae?: number;
  rmse?: number;
  r2?: number;
  baseline: Evaluation['baseline'];
}

export function evaluationFigures(evaluation: Evaluation): EvaluationFigures {
  const figures: EvaluationFigures = { on: evaluation.on, rows: evaluation.actual.length, baseline: evaluation.baseline };
  // the Evaluate screen's figures, at the model's own threshold
  const metrics = evaluationMetrics(evaluation, evaluation.threshold ?? 0.5);
  if (metrics?.kind === 'regression') Object.assign(figures, { mae: metrics.mae, rmse: metrics.rmse, r2: metrics.r2 });
  else if (metrics) figures.accuracy = metrics.accuracy;
  else if (evaluation.task !== 'regression') figures.accuracy = NaN;
  return figures;
}

const ROWS_NAME: Record<Evaluation['on'], string> = { test: 'test', validation: 'validation', train: 'training' };

/** e.g. `Accuracy: 77.21% on the 768 training rows (always answering "0" scores 65.10%)` */
export function summaryLine(figures: EvaluationFigures): string {
  const where = `on the ${figures.rows} ${ROWS_NAME[figures.on]} rows`;
  if (figures.accuracy !== undefined) {
    const base = figures.baseline;
    const baseline = base.accuracy === undefined ? '' : ` (always answering "${base.answer}" scores ${percent(base.accuracy)})`;
    return `Accuracy: ${percent(figures.accuracy)} ${where}${baseline}`;
  }
  const baseMae = figures.baseline.mae;
  const baseline = baseMae === undefined ? '' : ` (always predicting the mean, ${round(Number(figures.baseline.answer))}, has MAE ${round(baseMae)})`;
  return `R²: ${(figures.r2 ?? NaN).toFixed(4)}, MAE: ${round(figures.mae ?? NaN)}, RMSE: ${round(figures.rmse ?? NaN)} ${where}${baseline}`;
}

/** The verdict on a run the training service ended with weights. */
export function runVerdict(run: TrainingRun & { result: NonNullable<TrainingRun['result']> }): RunDiagnosis {
  const result = run.result;
  return diagnoseRun({
    stopReason: result.stopReason,
    message: result.message ?? null,
    history: result.history,
    totalEpochs: run.totalEpochs,
    evaluation: result.evaluation,
    plan: run.plan,
  });
}

/** The verdict as the terminal shows it: what happened, then what to do with the options. */
export function verdictLines(verdict: RunDiagnosis): string[] {
  return [verdict.message, verdict.cli].filter((line) => line !== '');
}


function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

function round(value: number): string {
  return Number(value.toPrecision(5)).toString();
}
