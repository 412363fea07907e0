// Explanations of a project's run, computed in the pool (workers/tasks/explain-task.ts): the main side only picks
// the few raw rows each needs from the run's own split: a sample of its training rows as the background ("the
// average answer" is theirs), the rows it was evaluated on for importance and the average what-if curve.

import { Rng } from '../../workers/engine/rng';
import type { CaseExplanation, Importance, RawRow, WhatIf } from '../../workers/engine/explain';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { cellValue, findColumn, labelKey, labelTask, splitRows, type Dataset } from '../../workers/data';
import type { TrainingPlan } from '../../workers/plan';
import type { ExplainTaskInput } from '../../workers/tasks/explain-task';
import type { TrainingService } from './training';

/** Background rows: enough for a steady average answer, few enough that 4,096 sets × them stay well under a second. */
export const BACKGROUND_ROWS = 100;
/** Rows importance and the average curve are computed on, at most (a seeded sample of the evaluated rows). */
export const EXPLAINED_ROWS = 2000;
const SEED = 7;

export interface ExplainedRun {
  weights: WeightsFile;
  plan: TrainingPlan;
  /** which rows the run was evaluated on */
  evaluatedOn: 'test' | 'validation' | 'train';
}

/** Why this answer: each input's share of (this answer − the average answer over the run's training rows). */
export function explainAnswer(training: TrainingService, dataset: Dataset, run: ExplainedRun, values: RawRow): Promise<CaseExplanation> {
  return explainAnswerAgainst(training, run.weights, values, backgroundOf(dataset, run));
}

/** The rows "the average answer" is taken over: 100 seeded training rows of the run's split, as raw rows. */
export function backgroundOf(dataset: Dataset, run: ExplainedRun): RawRow[] {
  return rawRows(dataset, run.weights, sample(partsOf(dataset, run).train, BACKGROUND_ROWS));
}

/** Why this answer, against background rows already picked (backgroundOf, or backgroundOfTable for a given table). */
export function explainAnswerAgainst(training: TrainingService, weights: WeightsFile, values: RawRow, background: RawRow[]): Promise<CaseExplanation> {
  return explain<CaseExplanation>(training, { kind: 'case', weights, values, background, seed: SEED });
}

/** A background from a whole table (no split known): at most BACKGROUND_ROWS of its rows, the same ones every time. */
export function backgroundOfTable(dataset: Dataset, weights: WeightsFile): RawRow[] {
  return rawRows(dataset, weights, sample(Int32Array.from({ length: dataset.rowCount }, (_, i) => i), BACKGROUND_ROWS));
}

/** What matters overall: each input shuffled among the rows the run was evaluated on, five times. */
export function explainInputs(training: TrainingService, dataset: Dataset, run: ExplainedRun): Promise<Importance> {
  const rows = sample(partsOf(dataset, run)[run.evaluatedOn], EXPLAINED_ROWS);
  return explain<Importance>(training, {
    kind: 'importance',
    weights: run.weights,
    rows: rawRows(dataset, run.weights, rows),
    actual: actualAnswers(dataset, run, rows),
    repeats: 5,
    seed: SEED,
  });
}

/** How the answer follows one input, for this case and on average, across the training rows' usual range of it. */
export function explainWhatIf(training: TrainingService, dataset: Dataset, run: ExplainedRun, input: string, values: RawRow): Promise<WhatIf> {
  const parts = partsOf(dataset, run);
  const rows = sample(parts[run.evaluatedOn], EXPLAINED_ROWS);
  return explain<WhatIf>(training, {
    kind: 'what-if',
    weights: run.weights,
    input,
    values,
    rows: rawRows(dataset, run.weights, rows),
    range: usualRange(dataset, run.weights, input, sample(parts.train, EXPLAINED_ROWS)),
  });
}

function explain<T>(training: TrainingService, input: ExplainTaskInput): Promise<T> {
  return training.runTask<T>('explain', input);
}

function partsOf(dataset: Dataset, run: ExplainedRun) {
  const task = labelTask(dataset, run.plan.label, run.plan.task).task;
  return splitRows(dataset, run.plan.label, run.plan.split, task);
}

/** At most `n` of `rows`, the same ones every time (seeded), in table order. */
function sample(rows: Int32Array, n: number): Int32Array {
  if (rows.length <= n) return rows;
  const picked = Int32Array.from(rows);
  new Rng(SEED).shuffle(picked);
  return picked.subarray(0, n).sort();
}

function rawRows(dataset: Dataset, weights: WeightsFile, rows: Int32Array): RawRow[] {
  const columns = weights.inputs.map((input) => dataset.columns.indexOf(findColumn(dataset, input.name)));
  return Array.from(rows, (row) => columns.map((c) => cellValue(dataset, row, c)));
}

/** Each row's true answer as the model's output counts it: a class index, or a value in the target's units. */
function actualAnswers(dataset: Dataset, run: ExplainedRun, rows: Int32Array): number[] {
  const label = findColumn(dataset, run.plan.label);
  if (run.weights.task === 'regression') return Array.from(rows, (row) => label.numbers?.[row] ?? Number.NaN);
  const classes = run.weights.output.classes ?? [];
  return Array.from(rows, (row) => classes.indexOf(labelKey(label, row) ?? ''));
}

/** A numeric input's 5th to 95th percentile over the rows, leaving out values the model reads as "not measured"
 * (null for a categorical input: its categories are used). */
function usualRange(dataset: Dataset, weights: WeightsFile, input: string, rows: Int32Array): { min: number; max: number; points: number } | null {
  const numbers = findColumn(dataset, input).numbers;
  const spec = weights.inputs.find((i) => i.name === input);
  if (!numbers || spec?.kind !== 'numeric') return null;
  const notMeasured = new Set(spec.missing?.values ?? []);
  const values = Array.from(rows, (row) => numbers[row]).filter((v) => !Number.isNaN(v) && !notMeasured.has(v)).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const at = (q: number) => values[Math.min(values.length - 1, Math.round(q * (values.length - 1)))];
  return { min: at(0.05), max: at(0.95), points: 25 };
}
