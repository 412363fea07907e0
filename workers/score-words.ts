// How sure a score is, in words, for the Evaluate screen and the command line's summary alike: "71 % (likely between
// 64 % and 78 %) on 154 rows", the caution for a small test set, cross-validation's mean and spread, and why Train's
// validation score and Evaluate's test score differ.

import type { CrossValidation } from './cross-validation';
import type { EvaluationMetrics, EvaluationRows } from './engine/metrics';
import { figureIntervals, type EvaluationIntervals, type FigureIntervals, type Interval } from './engine/uncertainty';
import { evaluationMetrics } from './engine/metrics';
import { decimal, percent } from './number-text';

/** How a figure is written: a share as a percentage, AUC, F1 and R² to two decimals, an error in the label's units. */
export type FigureKind = 'share' | 'score' | 'error';

export function figureText(value: number, kind: FigureKind): string {
  if (kind === 'share') return percent(value);
  if (kind === 'score') return Number.isFinite(value) ? value.toFixed(2) : '–';
  return decimal(value, 3);
}

/** "likely between 64 % and 78 %"; null without an interval. */
export function likelyRange(interval: Interval | null | undefined, kind: FigureKind): string | null {
  if (!interval) return null;
  return `likely between ${figureText(interval[0], kind)} and ${figureText(interval[1], kind)}`;
}

/** "71 % (likely between 64 % and 78 %) on 154 rows" */
export function scoreWithRange(value: number, interval: Interval | null | undefined, rows: number, kind: FigureKind): string {
  const range = likelyRange(interval, kind);
  return `${figureText(value, kind)}${range ? ` (${range})` : ''} on ${rows} row${rows === 1 ? '' : 's'}`;
}

/** The one figure a score is first said by: accuracy for classes, R² for numbers. */
export interface Headline {
  name: 'accuracy' | 'R²';
  value: number;
  interval: Interval | null | undefined;
  kind: FigureKind;
}

export function headline(metrics: EvaluationMetrics, intervals: FigureIntervals): Headline {
  if (metrics.kind === 'regression') return { name: 'R²', value: metrics.r2, interval: intervals.r2, kind: 'score' };
  return { name: 'accuracy', value: metrics.accuracy, interval: intervals.accuracy, kind: 'share' };
}

/** Fewer held-out rows than this, or fewer rows of a class than SMALL_CLASS_ROWS, and a score gets a caution. */
export const SMALL_TEST_ROWS = 100;
export const SMALL_CLASS_ROWS = 10;

export interface HeldOutRows {
  /** which rows were scored */
  on: 'test' | 'validation' | 'train' | string;
  rows: number;
  /** classification: the scored rows of each class */
  classes?: { name: string; rows: number }[];
}

/** The rows an evaluation scored, and for classes how many of each. */
export function heldOutRows(evaluation: EvaluationRows & { on: string }): HeldOutRows {
  const held: HeldOutRows = { on: evaluation.on, rows: evaluation.actual.length };
  if (evaluation.task !== 'regression') {
    const names = evaluation.classes ?? ['0', '1'];
    const counts = names.map(() => 0);
    for (const a of evaluation.actual) if (a >= 0 && a < counts.length) counts[a]++;
    held.classes = names.map((name, i) => ({ name, rows: counts[i] }));
  }
  return held;
}

/**
 * "Only 43 rows were kept for testing; the score could easily be 14 points off. Cross-validation gives a steadier
 * figure." How far off is half the headline's interval. Null when the rows are enough (and for training rows, which
 * no interval describes).
 */
export function smallTestCaution(held: HeldOutRows, headline: { interval: Interval | null | undefined; kind: FigureKind }): string | null {
  if (held.on === 'train') return null;
  const kept = held.on === 'test' ? 'kept for testing' : 'held out for validation';
  const fewRows = held.rows < SMALL_TEST_ROWS;
  const rare = (held.classes ?? []).filter((c) => c.rows < SMALL_CLASS_ROWS).sort((a, b) => a.rows - b.rows)[0];
  if (!fewRows && !rare) return null;
  const sentences: string[] = [];
  if (fewRows) {
    const interval = headline.interval;
    const off = interval ? offBy((interval[1] - interval[0]) / 2, headline.kind) : null;
    sentences.push(`Only ${held.rows} rows were ${kept}; the score could easily be ${off ? `${off} off` : 'far off'}.`);
  }
  if (rare) {
    sentences.push(
      `Only ${rare.rows} of the ${held.rows} rows ${fewRows ? 'are' : `${kept} are`} “${rare.name}”, so what the figures say about that class rests on very few rows.`,
    );
  }
  sentences.push('Cross-validation gives a steadier figure.');
  return sentences.join(' ');
}

function offBy(half: number, kind: FigureKind): string {
  if (kind === 'share') return points(half);
  return figureText(half, kind);
}

/** 0.031 → "3 points"; 0.004 → "under 1 point" */
function points(share: number): string {
  const n = Math.round(share * 100);
  if (n < 1) return 'under 1 point';
  return `${n} point${n === 1 ? '' : 's'}`;
}

/** "Over 5 folds: 76 % on average, from 72 % to 80 % (± 3 points)"; R²: "Over 5 folds: R² 0.41 on average, ..." */
export function crossValidationWords(cv: Pick<CrossValidation, 'metric' | 'folds' | 'mean' | 'sd'>): string {
  const kind: FigureKind = cv.metric === 'accuracy' ? 'share' : 'score';
  const name = cv.metric === 'accuracy' ? '' : 'R² ';
  const low = Math.min(...cv.folds);
  const high = Math.max(...cv.folds);
  const spread = kind === 'share' ? points(cv.sd) : figureText(cv.sd, kind);
  return `Over ${cv.folds.length} folds: ${name}${figureText(cv.mean, kind)} on average, from ${figureText(low, kind)} to ${figureText(high, kind)} (± ${spread})`;
}

export interface ScoredRun {
  /** the rows Evaluate scores */
  on: 'test' | 'validation' | 'train' | string;
  rows: number;
  /** validation rows the Train screen's curves show (0: none) */
  validationRows: number;
  /** training stopped when the validation score stopped improving */
  earlyStopping: boolean;
}

/** Why the Train screen's last validation score and Evaluate's score are not the same number, in one or two sentences. */
export function whyScoresDiffer(run: ScoredRun): string {
  const { rows, validationRows: v } = run;
  if (run.on === 'test') {
    if (v === 0) {
      return `Train shows the score on the rows the model learned from, which flatters it; Evaluate scores ${rows} test rows the model never saw, so it is the fairer figure.`;
    }
    if (run.earlyStopping) {
      return `Train shows the ${v} validation rows, which training watched to decide when to stop; Evaluate scores ${rows} test rows the model never saw, so it is the fairer figure.`;
    }
    return `Train shows the ${v} validation rows, Evaluate ${rows} other rows; the model learned from neither, so the gap between the two is chance: how much a score moves with the rows it is measured on.`;
  }
  if (run.on === 'validation') {
    return run.earlyStopping
      ? `No rows were kept for testing, so Evaluate scores the ${rows} validation rows, which training watched to decide when to stop: the figure flatters the model a little.`
      : `No rows were kept for testing, so Evaluate scores the same ${rows} validation rows that Train shows.`;
  }
  return 'Nothing was held out, so Evaluate scores the rows the model learned from: the figure flatters the model, and only a score on rows it never saw says how it will do.';
}

/**
 * How sure the headline figure is, in the Evaluate screen's words: `Accuracy 71 % (likely between 64 % and 78 %) on
 * 154 rows`, and the caution of a small test set with `advice` (what to do about it here) after it. Nothing for the
 * training rows, which say nothing of new rows.
 */
export function scoreLines(evaluation: EvaluationRows & { on: string; threshold?: number; intervals?: EvaluationIntervals | null }, advice?: string): string[] {
  if (evaluation.on === 'train') return [];
  const metrics = evaluationMetrics(evaluation, evaluation.threshold ?? 0.5);
  if (!metrics) return [];
  const score = headline(metrics, figureIntervals(metrics, evaluation.intervals));
  const name = score.name === 'accuracy' ? 'Accuracy' : score.name;
  const lines = [`${name} ${scoreWithRange(score.value, score.interval, evaluation.actual.length, score.kind)}`];
  const caution = smallTestCaution(heldOutRows(evaluation), score);
  if (caution) lines.push(advice ? `${caution} ${advice}` : caution);
  return lines;
}
