// Seeded train / validation / test splits, stratified by class for classification, and k-fold indices.
// Rows whose label is missing are in no part (they cannot be trained on or scored).

import { Rng } from '../engine/rng';
import type { Task } from '../engine/weights-file';
import type { SplitPlan } from '../plan';
import type { Dataset } from './dataset';
import { findColumn } from './dataset';
import { labelKey } from './roles';

export interface RowSplit {
  train: Int32Array;
  validation: Int32Array;
  test: Int32Array;
}

/** Each row's class (index into the label's distinct values, in first-seen order), or -1 when the label is missing. */
function rowStrata(dataset: Dataset, labelName: string, classify: boolean): Int32Array {
  const column = findColumn(dataset, labelName);
  const strata = new Int32Array(dataset.rowCount);
  const seen = new Map<string, number>();
  for (let i = 0; i < dataset.rowCount; i++) {
    const key = labelKey(column, i);
    if (key === null) strata[i] = -1;
    else if (!classify) strata[i] = 0;
    else {
      let s = seen.get(key);
      if (s === undefined) {
        s = seen.size;
        seen.set(key, s);
      }
      strata[i] = s;
    }
  }
  return strata;
}

/**
 * Shares per group by largest remainder, so the parts' sizes add up to round(total * fraction) exactly and each
 * group gets its proportional share.
 */
function allocate(groupSizes: number[], fraction: number): number[] {
  const total = groupSizes.reduce((a, b) => a + b, 0);
  const target = Math.round(total * fraction);
  const exact = groupSizes.map((n) => n * fraction);
  const counts = exact.map(Math.floor);
  let left = target - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, g) => ({ g, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.g - b.g);
  for (let k = 0; left > 0 && k < order.length; k++, left--) counts[order[k].g]++;
  return counts;
}

export function splitRows(dataset: Dataset, labelName: string, split: SplitPlan, task: Task): RowSplit {
  const classify = task !== 'regression' && split.stratify !== false;
  return splitByStrata(rowStrata(dataset, labelName, classify), split);
}

/** splitRows over rows already given their class (-1: in no part). */
function splitByStrata(strata: Int32Array, split: SplitPlan): RowSplit {
  const groups: number[][] = [];
  for (let i = 0; i < strata.length; i++) {
    const s = strata[i];
    if (s < 0) continue;
    (groups[s] ??= []).push(i);
  }
  const rng = new Rng(split.seed);
  const shuffled = groups.map((rows) => {
    const a = Int32Array.from(rows);
    rng.shuffle(a);
    return a;
  });
  const sizes = shuffled.map((g) => g.length);
  const testCounts = allocate(sizes, split.test ?? 0);
  const validationCounts = allocate(sizes, split.validation ?? 0);
  const train: number[] = [];
  const validation: number[] = [];
  const test: number[] = [];
  shuffled.forEach((rows, g) => {
    const nTest = testCounts[g];
    const nValidation = Math.min(validationCounts[g], rows.length - nTest);
    for (let k = 0; k < rows.length; k++) {
      if (k < nTest) test.push(rows[k]);
      else if (k < nTest + nValidation) validation.push(rows[k]);
      else train.push(rows[k]);
    }
  });
  const sorted = (a: number[]) => Int32Array.from(a).sort();
  return { train: sorted(train), validation: sorted(validation), test: sorted(test) };
}

/**
 * k folds over rows 0..rowCount-1: each fold is the rows it holds out, sorted. With strata (a class per row,
 * negative = leave the row out) each class is dealt round the folds, so every fold has the classes' proportions.
 */
export function kFoldIndices(rowCount: number, k: number, seed: number, strata?: ArrayLike<number>): Int32Array[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`k-fold needs k of at least 2 (got ${k})`);
  const groups = new Map<number, number[]>();
  for (let i = 0; i < rowCount; i++) {
    const s = strata ? strata[i] : 0;
    if (s < 0) continue;
    let g = groups.get(s);
    if (!g) groups.set(s, (g = []));
    g.push(i);
  }
  const rng = new Rng(seed);
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0; // continue dealing where the previous class stopped, so fold sizes differ by at most one
  for (const s of [...groups.keys()].sort((a, b) => a - b)) {
    const rows = Int32Array.from(groups.get(s) as number[]);
    rng.shuffle(rows);
    for (const row of rows) {
      folds[next].push(row);
      next = (next + 1) % k;
    }
  }
  return folds.map((f) => Int32Array.from(f).sort());
}

/**
 * Cross-validation's parts: k folds over the rows the plan does not keep for its test (those stay unseen), each fold
 * in turn the test part, the plan's validation share of the other rows (stratified like them) watched for early
 * stopping, the rest trained on. Seeded by the plan's split seed, so every candidate of a search meets the same folds.
 */
export function crossValidationSplits(dataset: Dataset, labelName: string, split: SplitPlan, task: Task, k: number): RowSplit[] {
  const classify = task !== 'regression' && split.stratify !== false;
  const strata = rowStrata(dataset, labelName, classify);
  for (const row of splitByStrata(strata, split).test) strata[row] = -1;
  const folds = kFoldIndices(strata.length, k, split.seed, strata);
  return folds.map((fold, f) => {
    const rest = Int32Array.from(strata);
    for (const row of fold) rest[row] = -1;
    const inner = splitByStrata(rest, { ...split, test: 0, seed: split.seed + f + 1 });
    return { train: inner.train, validation: inner.validation, test: fold };
  });
}
