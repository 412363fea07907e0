// profileDataset: what each column holds, in figures for the app (kind, missing, stats, histogram) and in plain
// words (warnings with the one-click fix offered).

import type { Column, Dataset } from './dataset';
import { countDistinct, shortNumber } from './stats';

export const COLUMN_KINDS = ['numeric', 'categorical', 'id', 'constant', 'text'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
export const WARNING_CODES = ['id_like', 'constant', 'zeros_look_missing', 'non_numeric_entries', 'many_missing'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ColumnWarning {
  code: WarningCode;
  /** plain words for a non-programmer */
  message: string;
  /** the one-click fix offered, as its button says it */
  fix?: string;
}

export interface HistogramBin {
  /** what the bar stands for: "18–24.5", "3", "male", "other (12 values)" */
  label: string;
  count: number;
  /** numeric bins: [from, to), the last one closed */
  from?: number;
  to?: number;
}

export interface ColumnProfile {
  name: string;
  index: number;
  kind: ColumnKind;
  /** stored as numbers (else as categories) */
  numeric: boolean;
  /** cells with a value */
  count: number;
  /** empty cells and missing markers (NA, ?, ...); a numeric column's text entries are counted in nonNumeric */
  missing: number;
  missingShare: number;
  distinct: number;
  min?: number;
  max?: number;
  mean?: number;
  /** sample standard deviation (n - 1), as pandas' describe() */
  std?: number;
  /** numeric: how many values are exactly 0 */
  zeros?: number;
  /** numeric: every value is a whole number */
  integer?: boolean;
  /** categorical: every category with its count, most frequent first (ties by name) */
  categories?: { value: string; count: number }[];
  histogram: HistogramBin[];
  nonNumeric?: Column['nonNumeric'];
  warnings: ColumnWarning[];
}

const HISTOGRAM_BINS = 12;
const TOP_CATEGORIES = 11;
/** missing in at least this share of rows earns a warning */
const MANY_MISSING = 0.3;

export function profileDataset(dataset: Dataset): ColumnProfile[] {
  return dataset.columns.map((column) => (column.numbers ? profileNumeric(dataset, column) : profileCategorical(dataset, column)));
}

function percent(share: number): string {
  const p = share * 100;
  return `${p < 10 ? p.toFixed(1) : Math.round(p)} %`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Words that name an identifier: id, ID, No, no., PatientID, patient_id, record, record_no, customer number, key, code. */
const ID_WORDS = ['id', 'no', 'nr', 'num', 'number', 'key', 'code', 'index', 'idx', 'uuid', 'guid', '#', 'patient', 'record', 'subject', 'serial'];

/** A name with one of ID_WORDS as a whole word, in any case ("ID", "PatientID", "record_no"; not "width" or "notes"). */
export function nameLooksLikeId(name: string): boolean {
  const tokens = name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9#]+/)
    .filter(Boolean);
  return tokens.some((t) => ID_WORDS.includes(t));
}

/** An identifier named like one may repeat a little (the Wisconsin breast-cancer table: 645 Ids in 699 rows, 92 %). */
const NEARLY_ALL_DISTINCT = 0.9;

function profileNumeric(dataset: Dataset, column: Column): ColumnProfile {
  const values = column.numbers as Float64Array;
  const rows = dataset.rowCount;
  const nonNumeric = column.nonNumeric?.count ?? 0;
  // pass 1: count, min, max, sum, zeros, negatives, whole numbers, and the 11 smallest distinct positive values
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let zeros = 0;
  let negatives = 0;
  let integer = true;
  let rising = true;
  let falling = true;
  let previous = NaN;
  const smallest: number[] = [];
  for (let i = 0; i < rows; i++) {
    const v = values[i];
    if (v !== v) continue;
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
    if (v === 0) zeros++;
    else if (v < 0) negatives++;
    else if (smallest.length < 11 || v < smallest[smallest.length - 1]) insertDistinct(smallest, v, 11);
    if (integer && Math.floor(v) !== v) integer = false;
    if (v <= previous) rising = false;
    if (v >= previous) falling = false;
    previous = v;
  }
  const missing = rows - count - nonNumeric;
  const distinct = countDistinct(values.subarray(0, rows));
  const profile: ColumnProfile = {
    name: column.name,
    index: column.index,
    kind: 'numeric',
    numeric: true,
    count,
    missing,
    missingShare: rows > 0 ? missing / rows : 0,
    distinct,
    histogram: [],
    warnings: [],
  };
  if (column.nonNumeric) profile.nonNumeric = column.nonNumeric;
  if (count > 0) {
    const mean = sum / count;
    // pass 2: spread around the mean (two passes keep the sum of squares accurate)
    let squares = 0;
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v === v) squares += (v - mean) * (v - mean);
    }
    Object.assign(profile, { min, max, mean, std: count > 1 ? Math.sqrt(squares / (count - 1)) : 0, zeros, integer });
    profile.histogram = numericHistogram(values, rows, min, max, integer);
  }

  // A record number: whole numbers, and either named like one (id, No, PatientID) and different on nearly every row
  // (a few records may repeat), or different on every row and counting up (or down) through the file in small steps.
  // Unnamed whole numbers that are merely all different stay a measurement: Glucose in a table of 40 rows can be.
  const counting = (rising || falling) && max - min + 1 <= 1.5 * count && missing <= 0.05 * rows;
  if (count === 0 || distinct === 1) profile.kind = 'constant';
  else if (integer && count >= 20 && ((nameLooksLikeId(column.name) && distinct >= NEARLY_ALL_DISTINCT * count) || (distinct === count && counting))) {
    profile.kind = 'id';
  }
  addCommonWarnings(profile, dataset, count === 0 ? null : shortNumber(min));

  // Zeros that look like "not measured": 0 is in the column (in any share of it), nothing is negative, and 0 sits
  // apart from the other values: the gap from 0 up to the smallest other value is wider than every step between the
  // 11 smallest distinct non-zero values, and at least twice their average step. Pima's Insulin jumps 0 → 14 where
  // its values then rise by at most 4 a step (2.3 on average); in its first 59 rows (32 zeros) 0 → 23, then at most
  // 18 a step (9.2 on average). Pregnancies goes 0 → 1 in steps of 1: a real zero.
  if (profile.kind === 'numeric' && zeros > 0 && negatives === 0 && smallest.length === 11) {
    let widest = 0;
    for (let k = 1; k < smallest.length; k++) widest = Math.max(widest, smallest[k] - smallest[k - 1]);
    const step = (smallest[10] - smallest[0]) / 10;
    if (smallest[0] > widest && smallest[0] >= 2 * step) {
      const most = zeros > 0.5 * count ? ', more than half of its rows' : '';
      profile.warnings.push({
        code: 'zeros_look_missing',
        message:
          `0 most likely means "not measured" here: ${column.name} is 0 in ${plural(zeros, 'row', 'rows')} ` +
          `(${percent(zeros / rows)}${most}), but its other values start at ${shortNumber(smallest[0])}.`,
        fix: 'Treat 0 as missing',
      });
    }
  }
  if (column.nonNumeric && column.nonNumeric.count > 0) {
    const { count: n, examples } = column.nonNumeric;
    const shown = examples.map((e) => `"${e.value}" (row ${e.row})`).join(', ');
    profile.warnings.push({
      code: 'non_numeric_entries',
      message:
        `${column.name} holds numbers, but ${n === 1 ? '1 entry is' : `${n} entries are`} not a number: ${shown}` +
        `${n > examples.length ? ', ...' : ''}. Unless they are treated as missing, those rows are left out of training.`,
      fix: 'Treat them as missing',
    });
  }
  return profile;
}

function insertDistinct(sorted: number[], v: number, limit: number): void {
  let at = sorted.length;
  while (at > 0 && sorted[at - 1] > v) at--;
  if (at > 0 && sorted[at - 1] === v) return;
  sorted.splice(at, 0, v);
  if (sorted.length > limit) sorted.pop();
}

function numericHistogram(values: Float64Array, rows: number, min: number, max: number, integer: boolean): HistogramBin[] {
  // whole numbers over a short range: one bar per value (0, 1, 2, ... pregnancies)
  if (integer && max - min + 1 <= 16) {
    const bins: HistogramBin[] = [];
    for (let v = min; v <= max; v++) bins.push({ label: String(v), count: 0, from: v, to: v + 1 });
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v === v) bins[v - min].count++;
    }
    return bins;
  }
  const width = (max - min) / HISTOGRAM_BINS;
  const bins: HistogramBin[] = [];
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    const from = min + b * width;
    const to = b === HISTOGRAM_BINS - 1 ? max : min + (b + 1) * width;
    bins.push({ label: `${shortNumber(from)}–${shortNumber(to)}`, count: 0, from, to });
  }
  for (let i = 0; i < rows; i++) {
    const v = values[i];
    if (v !== v) continue;
    bins[Math.min(HISTOGRAM_BINS - 1, Math.floor((v - min) / width))].count++;
  }
  return bins;
}

function profileCategorical(dataset: Dataset, column: Column): ColumnProfile {
  const codes = column.codes as Int32Array;
  const names = column.categories ?? [];
  const rows = dataset.rowCount;
  const counts = new Float64Array(names.length);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    const c = codes[i];
    if (c >= 0) {
      counts[c]++;
      count++;
    }
  }
  const categories = names
    .map((value, c) => ({ value, count: counts[c] }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const distinct = categories.length;
  const missing = rows - count;
  const profile: ColumnProfile = {
    name: column.name,
    index: column.index,
    kind: 'categorical',
    numeric: false,
    count,
    missing,
    missingShare: rows > 0 ? missing / rows : 0,
    distinct,
    categories,
    histogram: categoryHistogram(categories),
    warnings: [],
  };
  // Free text and codes: a different value on (almost) every row. Text has spaces in most values; codes do not.
  let spaced = 0;
  let length = 0;
  for (const c of categories) {
    if (/\s/.test(c.value)) spaced++;
    length += c.value.length;
  }
  const meanLength = distinct > 0 ? length / distinct : 0;
  if (count === 0 || distinct === 1) profile.kind = 'constant';
  else if (count >= 20 && distinct >= 0.95 * count) profile.kind = spaced >= 0.5 * distinct ? 'text' : 'id';
  else if (count >= 20 && distinct >= NEARLY_ALL_DISTINCT * count && nameLooksLikeId(column.name)) profile.kind = 'id';
  else if (distinct > 50 && distinct > 0.5 * count && meanLength >= 20) profile.kind = 'text';
  addCommonWarnings(profile, dataset, distinct === 1 ? categories[0].value : null);
  return profile;
}

/** The most frequent categories, then one bar for all the others. */
function categoryHistogram(categories: { value: string; count: number }[]): HistogramBin[] {
  if (categories.length <= TOP_CATEGORIES + 1) return categories.map((c) => ({ label: c.value, count: c.count }));
  const top = categories.slice(0, TOP_CATEGORIES).map((c) => ({ label: c.value, count: c.count }));
  let other = 0;
  for (const c of categories.slice(TOP_CATEGORIES)) other += c.count;
  top.push({ label: `other (${categories.length - TOP_CATEGORIES} values)`, count: other });
  return top;
}

const USE_ANYWAY = 'To use it anyway, set its role to Feature.';

function addCommonWarnings(profile: ColumnProfile, dataset: Dataset, onlyValue: string | null): void {
  const name = profile.name;
  if (profile.kind === 'id') {
    const named = nameLooksLikeId(name) ? 'is named like an identifier and ' : '';
    profile.warnings.push({
      code: 'id_like',
      message:
        `${name} looks like a record number or code: it ${named}has a different value on ${profile.distinct === profile.count ? 'every' : 'almost every'} ` +
        `row (${profile.distinct} values in ${profile.count} rows). It can't help predict anything, so it is left out of the inputs. ` +
        USE_ANYWAY,
    });
  }
  if (profile.kind === 'text') {
    profile.warnings.push({
      code: 'id_like',
      message: `${name} holds free text, different on almost every row (${profile.distinct} values in ${profile.count} rows). It is left out of the inputs. ${USE_ANYWAY}`,
    });
  }
  if (profile.kind === 'constant') {
    profile.warnings.push({
      code: 'constant',
      message:
        profile.count === 0
          ? `${name} is empty in every row, so it is not used as an input.`
          : `${name} has the same value (${onlyValue}) in every row that has one, so it can't help tell rows apart. It is not used as an input.`,
    });
  }
  if (profile.count > 0 && profile.missingShare >= MANY_MISSING) {
    profile.warnings.push({
      code: 'many_missing',
      message:
        `${name} is missing in ${profile.missing} of ${dataset.rowCount} rows (${percent(profile.missingShare)}). ` +
        `Missing values are filled in from the training rows, but with this many the column may mislead the model.`,
      fix: 'Leave it out',
    });
  }
}
