// What a finished training run says at the end: the headline figures on the evaluated rows against the baseline of
// a model that learned nothing, in a sentence for the terminal and as numbers for the --json line.

import { binaryReport, multiclassReport, regressionReport } from '../../workers/engine/metrics';
import type { Evaluation } from '../../workers/train-evaluation';

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
  if (evaluation.task === 'regression') {
    Object.assign(figures, regressionReport(evaluation.predicted ?? [], evaluation.actual));
  } else if (evaluation.task === 'binary') {
    const probabilities = (evaluation.probabilities ?? []) as number[];
    figures.accuracy = binaryReport(probabilities, evaluation.actual, evaluation.threshold ?? 0.5).accuracy;
  } else {
    const rows = (evaluation.probabilities ?? []) as number[][];
    const k = rows[0]?.length ?? 0;
    figures.accuracy = multiclassReport(rows.flat(), evaluation.actual, k).accuracy;
  }
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

function percent(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

function round(value: number): string {
  return Number(value.toPrecision(5)).toString();
}
