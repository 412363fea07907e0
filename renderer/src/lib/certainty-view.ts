// How sure the Evaluate screen's figures are, in words, at the threshold shown: the headline score with its range,
// each other figure's range, the caution of a small test set and why Train's score differs. Pure: the slider moves it.

import type { Run } from '../../../main/contract';
import { figureIntervals, type Interval } from '../../../workers/engine/uncertainty';
import {
  figureText,
  headline,
  heldOutRows,
  likelyRange,
  scoreWithRange,
  smallTestCaution,
  whyScoresDiffer,
  type FigureKind,
} from '../../../workers/score-words';
import type { EvaluationView } from './evaluation-view';

export interface CertaintyView {
  /** "Accuracy 71 % (likely between 64 % and 78 %) on 154 rows" */
  headline: string;
  /** the other figures: "precision 62 %, likely between 50 % and 72 %" */
  figures: string[];
  caution: string | null;
  why: string;
}

const FIGURES: { key: 'precision' | 'recall' | 'f1' | 'auc' | 'mae' | 'rmse'; name: string; kind: FigureKind }[] = [
  { key: 'precision', name: 'precision', kind: 'share' },
  { key: 'recall', name: 'recall', kind: 'share' },
  { key: 'f1', name: 'F1', kind: 'score' },
  { key: 'auc', name: 'AUC', kind: 'score' },
  { key: 'mae', name: 'MAE', kind: 'error' },
  { key: 'rmse', name: 'RMSE', kind: 'error' },
];

export function certaintyView(run: Pick<Run, 'evaluation' | 'rows' | 'plan'>, view: EvaluationView): CertaintyView | null {
  const evaluation = run.evaluation;
  if (!evaluation) return null;
  const intervals = figureIntervals(view, evaluation.intervals);
  const score = headline(view, intervals);
  const name = score.name === 'accuracy' ? 'Accuracy' : score.name;
  const figures: string[] = [];
  for (const figure of FIGURES) {
    const value = (view as unknown as Record<string, number | undefined>)[figure.key];
    if (value === undefined) continue;
    const range = likelyRange(intervals[figure.key] as Interval | null | undefined, figure.kind);
    if (range) figures.push(`${figure.name} ${figureText(value, figure.kind)}, ${range}`);
  }
  return {
    headline: `${name} ${scoreWithRange(score.value, evaluation.on === 'train' ? null : score.interval, view.rows, score.kind)}`,
    figures: evaluation.on === 'train' ? [] : figures,
    caution: smallTestCaution(heldOutRows(evaluation), score),
    why: whyScoresDiffer({
      on: evaluation.on,
      rows: view.rows,
      validationRows: run.rows?.validation ?? 0,
      earlyStopping: run.plan.training.earlyStopping !== null,
    }),
  };
}
