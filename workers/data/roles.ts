// Which column is the label and which are inputs (suggestRoles), and what the label makes of the task (labelTask):
// two values → binary, a few → multi-class, many numbers → regression.

import type { Task } from '../engine/weights-file';
import type { Column, Dataset } from './dataset';
import { findColumn, formatNumber } from './dataset';
import { dataError } from './errors';
import type { DataNote } from './notes';
import { labelFewNumbersNote, labelLikeIdNote, labelLikeNumberNote, missingLabelsNote, regressionChosenNote } from './notes';
import type { ColumnProfile } from './profile';
import { nameLooksLikeId, profileDataset } from './profile';

export interface Roles {
  label: string | null;
  features: string[];
  notUsed: { name: string; reason: string }[];
}

const LABEL_NAMES = ['outcome', 'label', 'target', 'class', 'diagnosis', 'y'];

/** The label: a column named like outcome/label/target/class/diagnosis/y, else the last usable column. */
export function suggestRoles(dataset: Dataset, profiles: ColumnProfile[] = profileDataset(dataset)): Roles {
  const usable = (p: ColumnProfile) => p.kind === 'numeric' || p.kind === 'categorical';
  const named =
    profiles.find((p) => LABEL_NAMES.includes(p.name.trim().toLowerCase()) && usable(p)) ??
    profiles.find((p) => p.name.toLowerCase().split(/[^a-z]+/).some((t) => LABEL_NAMES.includes(t) && t !== 'y') && usable(p));
  const label = named ?? [...profiles].reverse().find(usable) ?? null;
  const features: string[] = [];
  const notUsed: Roles['notUsed'] = [];
  for (const p of profiles) {
    if (p === label) continue;
    const formula = formulaExample(p);
    if (formula !== null) {
      notUsed.push({ name: p.name, reason: `It holds spreadsheet formulas (such as "${formula}") rather than their results, different on almost every row.` });
    } else if (p.kind === 'id') notUsed.push({ name: p.name, reason: 'It looks like a record number or code (a different value on almost every row), so it cannot help predict.' });
    else if (p.kind === 'text') notUsed.push({ name: p.name, reason: 'It holds free text, different on almost every row.' });
    else if (p.kind === 'constant') {
      notUsed.push({ name: p.name, reason: p.count === 0 ? 'It is empty in every row.' : `It has the same value in every row (${onlyValue(p)}), so it cannot tell rows apart.` });
    } else features.push(p.name);
  }
  return { label: label ? label.name : null, features, notUsed };
}

/** A left-out column of text cells written as spreadsheet formulas ("=A2+1"): one of them, else null. */
function formulaExample(p: ColumnProfile): string | null {
  if ((p.kind !== 'id' && p.kind !== 'text') || !p.categories) return null;
  const formulas = p.categories.filter((c) => c.value.startsWith('='));
  return formulas.length >= 0.5 * p.categories.length ? formulas[0].value : null;
}

/** The one value of a constant column as the table shows it (-0 and 0 are one value: "0"). */
function onlyValue(p: ColumnProfile): string {
  if (p.numeric && p.min !== undefined) return formatNumber(p.min);
  return `"${p.categories?.[0]?.value ?? ''}"`;
}

export interface LabelTask {
  task: Task;
  /** classification: the class names in their stable order; a binary model predicts classes[1] */
  classes?: string[];
  /** rows per class, in the order of `classes` */
  classCounts?: number[];
  /** rows whose label is missing (they are left out of training and scoring) */
  missingLabels: number;
  /** what the person should know about this label before training (rows left out, a label that looks like an id) */
  notes?: DataNote[];
}

/** Up to this many distinct whole numbers a numeric label is read as classes; more makes it regression. */
export const MAX_CLASSES_FROM_NUMBERS = 50;

// The "no" side first in pairs people use, so the binary model predicts the "yes" side (classes[1]).
const NEGATIVE_FIRST: [string, string][] = [
  ['no', 'yes'], ['n', 'y'], ['false', 'true'], ['f', 't'], ['negative', 'positive'], ['neg', 'pos'],
  ['absent', 'present'], ['healthy', 'sick'], ['benign', 'malignant'], ['fail', 'pass'], ['off', 'on'],
];

/** Sorts class names sensibly: numbers by value, known no/yes pairs no first, other text alphabetically (natural). */
export function sortClasses(classes: string[]): string[] {
  const sorted = [...classes];
  if (sorted.length === 2) {
    const [a, b] = sorted.map((c) => c.trim().toLowerCase());
    for (const [neg, pos] of NEGATIVE_FIRST) {
      if (a === neg && b === pos) return sorted;
      if (a === pos && b === neg) return [sorted[1], sorted[0]];
    }
  }
  const allNumbers = sorted.every((c) => c.trim() !== '' && Number.isFinite(Number(c)));
  if (allNumbers) return sorted.sort((x, y) => Number(x) - Number(y));
  return sorted.sort((x, y) => x.localeCompare(y, 'en', { numeric: true, sensitivity: 'base' }) || (x < y ? -1 : x > y ? 1 : 0));
}

/**
 * The class of each row as a text (numbers written as formatNumber does), or null when the label is missing.
 * A numeric label's few text entries count as missing. The first few rows without a label are kept for the note.
 */
function labelTexts(column: Column, rows: number): { distinct: Map<string, number>; missing: number; missingRows: number[] } {
  const distinct = new Map<string, number>();
  let missing = 0;
  const missingRows: number[] = [];
  for (let i = 0; i < rows; i++) {
    const key = labelKey(column, i);
    if (key === null) {
      missing++;
      if (missingRows.length < 5) missingRows.push(i);
    } else distinct.set(key, (distinct.get(key) ?? 0) + 1);
  }
  return { distinct, missing, missingRows };
}

/** One row's label as class text, or null when missing. */
export function labelKey(column: Column, row: number): string | null {
  if (column.numbers) {
    const v = column.numbers[row];
    return v === v ? formatNumber(v) : null;
  }
  const code = (column.codes as Int32Array)[row];
  return code >= 0 ? (column.categories as string[])[code] : null;
}

/** What the plan asks of the label: 'auto' follows its values; 'regression' predicts a numeric label as a number. */
export type TaskChoice = 'auto' | 'regression';

/** Past this many classes a label read as classes earns a note (numbers, codes). */
const MANY_CLASSES = 10;
/** Numbers with a unit, a currency, a percent sign, thousands separators or a decimal comma: read as text. */
const NUMBER_LIKE = /^[-+]?[$€£¥]?\s?\d[\d\s,.'’]*(?:\s?(?:%|[a-zA-Zµ°]{1,4}\.?))?$/;

export function labelTask(dataset: Dataset, labelName: string, choice: TaskChoice = 'auto'): LabelTask {
  const column = findColumn(dataset, labelName);
  const { distinct, missing, missingRows } = labelTexts(column, dataset.rowCount);
  const file = dataset.fileName;
  if (distinct.size === 0) {
    throw dataError('single_class', file, `The label column ${column.name} of ${file} is empty in every row, so there is nothing to learn.`, 'Choose another column as the label.', { column: column.name });
  }
  if (distinct.size === 1) {
    const only = [...distinct.keys()][0];
    throw dataError(
      'single_class',
      file,
      `The label column ${column.name} of ${file} has only one value ("${only}") in all its ${dataset.rowCount - missing} rows, so there is nothing to tell apart.`,
      'Choose another column as the label, or use a file with rows of every kind.',
      { column: column.name },
    );
  }
  const notes: DataNote[] = missing > 0 ? [missingLabelsNote(dataset, column.name, missing, missingRows)] : [];
  const labelled = dataset.rowCount - missing;
  const withNotes = (task: LabelTask): LabelTask => (notes.length > 0 ? { ...task, notes } : task);
  const whole = column.numbers !== undefined && [...distinct.keys()].every((k) => Number.isInteger(Number(k)));
  const readAsClasses = !column.numbers || distinct.size === 2 || (whole && distinct.size <= MAX_CLASSES_FROM_NUMBERS);

  if (choice === 'regression') {
    if (!column.numbers) {
      throw dataError(
        'label_not_numeric',
        file,
        `The label ${column.name} of ${file} holds text, not numbers, so it cannot be predicted as a number.`,
        'Predict it as classes, or choose a label that holds numbers.',
        { column: column.name },
      );
    }
    if (readAsClasses) notes.push(regressionChosenNote(file, column.name, distinct.size));
    return withNotes({ task: 'regression', missingLabels: missing });
  }
  // A record number: whole numbers, a different one on every row, named like one. A code: text, different on
  // (almost) every row.
  const idLike = column.numbers
    ? whole && distinct.size === labelled && labelled >= 2 * MANY_CLASSES && nameLooksLikeId(column.name)
    : distinct.size > 2 * MANY_CLASSES && distinct.size >= 0.5 * labelled;
  if (readAsClasses) {
    const classes = sortClasses([...distinct.keys()]);
    if (!column.numbers && classes.length > MANY_CLASSES && classes.filter((c) => NUMBER_LIKE.test(c.trim())).length >= 0.9 * classes.length) {
      notes.push(labelLikeNumberNote(file, column.name, classes));
    } else if (idLike) {
      notes.push(labelLikeIdNote(file, column.name, classes, labelled, column.numbers !== undefined));
    } else if (column.numbers && classes.length > MANY_CLASSES) {
      notes.push(labelFewNumbersNote(file, column.name, classes));
    }
    return withNotes({
      task: classes.length === 2 ? 'binary' : 'multiclass',
      classes,
      classCounts: classes.map((c) => distinct.get(c) as number),
      missingLabels: missing,
    });
  }
  // numbers: anything but a few whole numbers is a quantity to predict (a record number is not)
  if (idLike) notes.push(labelLikeIdNote(file, column.name, [...distinct.keys()], labelled, true));
  return withNotes({ task: 'regression', missingLabels: missing });
}

/** The task a label makes, or null when it cannot be a label at all (empty, or one value only). */
export function labelTaskIfAny(dataset: Dataset, labelName: string, choice: TaskChoice = 'auto'): LabelTask | null {
  try {
    return labelTask(dataset, labelName, choice);
  } catch (error) {
    if ((error as Error).name === 'DataError' && (error as { code?: string }).code === 'single_class') return null;
    throw error;
  }
}
