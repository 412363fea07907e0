// Which column is the label and which are inputs (suggestRoles), and what the label makes of the task (labelTask):
// two values → binary, a few → multi-class, many numbers → regression.

import type { Task } from '../engine/weights-file';
import type { Column, Dataset } from './dataset';
import { findColumn, formatNumber } from './dataset';
import { dataError } from './errors';
import type { ColumnProfile } from './profile';
import { profileDataset } from './profile';

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
    if (p.kind === 'id') notUsed.push({ name: p.name, reason: 'It looks like a record number or code (a different value on almost every row), so it cannot help predict.' });
    else if (p.kind === 'text') notUsed.push({ name: p.name, reason: 'It holds free text, different on almost every row.' });
    else if (p.kind === 'constant') {
      notUsed.push({ name: p.name, reason: p.count === 0 ? 'It is empty in every row.' : 'It has the same value in every row, so it cannot tell rows apart.' });
    } else features.push(p.name);
  }
  return { label: label ? label.name : null, features, notUsed };
}

export interface LabelTask {
  task: Task;
  /** classification: the class names in their stable order; a binary model predicts classes[1] */
  classes?: string[];
  /** rows per class, in the order of `classes` */
  classCounts?: number[];
  /** rows whose label is missing (they are left out of training and scoring) */
  missingLabels: number;
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
 * A numeric label's few text entries count as missing.
 */
function labelTexts(column: Column, rows: number): { distinct: Map<string, number>; missing: number } {
  const distinct = new Map<string, number>();
  let missing = 0;
  for (let i = 0; i < rows; i++) {
    const key = labelKey(column, i);
    if (key === null) missing++;
    else distinct.set(key, (distinct.get(key) ?? 0) + 1);
  }
  return { distinct, missing };
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

export function labelTask(dataset: Dataset, labelName: string): LabelTask {
  const column = findColumn(dataset, labelName);
  const { distinct, missing } = labelTexts(column, dataset.rowCount);
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
  const classify = (): LabelTask => {
    const classes = sortClasses([...distinct.keys()]);
    return {
      task: classes.length === 2 ? 'binary' : 'multiclass',
      classes,
      classCounts: classes.map((c) => distinct.get(c) as number),
      missingLabels: missing,
    };
  };
  if (!column.numbers || distinct.size === 2) return classify();
  // numbers: a few whole numbers are classes (wine quality 3..9), anything else is a quantity to predict
  const whole = [...distinct.keys()].every((k) => Number.isInteger(Number(k)));
  if (whole && distinct.size <= MAX_CLASSES_FROM_NUMBERS) return classify();
  return { task: 'regression', missingLabels: missing };
}
