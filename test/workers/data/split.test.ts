// Splits: stratified proportions, every row in exactly one part, the same rows for the same seed; k-fold indices.
import { describe, expect, it } from 'vitest';
import { crossValidationSplits, kFoldIndices, parseCsv, splitRows } from '../../../workers/data';
import { SplitSchema } from '../../../workers/plan';
import { bytesOf, datasetFile } from './helpers';

const pima = parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv');
const outcome = pima.columns[8].numbers!;
const positives = (rows: Int32Array) => rows.reduce((n, r) => n + (outcome[r] === 1 ? 1 : 0), 0);

describe('splitRows', () => {
  const plan = SplitSchema.parse({ validation: 0.1, test: 0.2, seed: 7 });
  const split = splitRows(pima, 'Outcome', plan, 'binary');

  it('puts every row in exactly one part, with the asked sizes', () => {
    expect(split.test.length).toBe(Math.round(768 * 0.2)); // 154
    expect(split.validation.length).toBe(Math.round(768 * 0.1)); // 77
    expect(split.train.length).toBe(768 - 154 - 77);
    const all = [...split.train, ...split.validation, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 768 }, (_, i) => i));
  });

  it('keeps the class proportions in each part (268 / 768 positives)', () => {
    // by largest remainder: test 0.2 × (500, 268) = (100, 53.6) → 54 positives; validation 0.1 × → (50, 26.8) → 27
    expect(positives(split.test)).toBe(54);
    expect(positives(split.validation)).toBe(27);
    expect(positives(split.train)).toBe(268 - 54 - 27);
  });

  it('gives the same rows for the same seed, and other rows for another seed', () => {
    const again = splitRows(pima, 'Outcome', plan, 'binary');
    expect(Array.from(again.test)).toEqual(Array.from(split.test));
    expect(Array.from(again.train)).toEqual(Array.from(split.train));
    const other = splitRows(pima, 'Outcome', { ...plan, seed: 8 }, 'binary');
    expect(Array.from(other.test)).not.toEqual(Array.from(split.test));
  });

  it('leaves rows without a label out of every part', () => {
    const d = parseCsv(bytesOf(['x,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i % 4 === 0 ? '' : i % 2}`)].join('\n')), 'm.csv');
    const s = splitRows(d, 'y', SplitSchema.parse({ test: 0.25 }), 'binary');
    expect(s.train.length + s.validation.length + s.test.length).toBe(15);
    for (const part of [s.train, s.test]) for (const r of part) expect(r % 4).not.toBe(0);
  });

  it('regression: a plain seeded shuffle', () => {
    const d = parseCsv(bytesOf(['x,y', ...Array.from({ length: 100 }, (_, i) => `${i},${i * 0.5}`)].join('\n')), 'r.csv');
    const s = splitRows(d, 'y', SplitSchema.parse({ test: 0.3, seed: 1 }), 'regression');
    expect(s.test.length).toBe(30);
    expect(s.train.length).toBe(70);
  });
});

describe('kFoldIndices', () => {
  it('k folds of near-equal size covering every row once', () => {
    const folds = kFoldIndices(103, 5, 3);
    expect(folds.map((f) => f.length)).toEqual([21, 21, 21, 20, 20]);
    expect(folds.flatMap((f) => Array.from(f)).sort((a, b) => a - b)).toEqual(Array.from({ length: 103 }, (_, i) => i));
  });

  it('stratified: every fold gets the classes\' proportions; negative strata are left out', () => {
    const strata = Int32Array.from(outcome, (v) => v);
    const folds = kFoldIndices(768, 4, 7, strata);
    for (const f of folds) {
      expect(f.length).toBe(192);
      expect(positives(f)).toBe(67);
    }
    const some = kFoldIndices(6, 2, 1, [0, -1, 1, 0, 1, -1]);
    expect(some.flatMap((f) => Array.from(f)).sort()).toEqual([0, 2, 3, 4]);
  });

  it('is deterministic by seed', () => {
    expect(kFoldIndices(50, 3, 9).map((f) => Array.from(f))).toEqual(kFoldIndices(50, 3, 9).map((f) => Array.from(f)));
    expect(kFoldIndices(50, 3, 9).map((f) => Array.from(f))).not.toEqual(kFoldIndices(50, 3, 10).map((f) => Array.from(f)));
  });
});

describe('crossValidationSplits', () => {
  const plan = SplitSchema.parse({ validation: 0.15, test: 0.2, seed: 7 });
  const kept = splitRows(pima, 'Outcome', plan, 'binary').test;
  const folds = crossValidationSplits(pima, 'Outcome', plan, 'binary', 5);

  it('deals the rows the plan does not keep for its test into 5 disjoint folds, never touching the test rows', () => {
    expect(folds).toHaveLength(5);
    const held = folds.flatMap((f) => [...f.test]).sort((a, b) => a - b);
    const notKept = Array.from({ length: 768 }, (_, i) => i).filter((i) => !kept.includes(i));
    expect(held).toEqual(notKept); // 614 rows, each scored once
    for (const fold of folds) {
      for (const row of kept) {
        expect(fold.train.includes(row) || fold.validation.includes(row) || fold.test.includes(row)).toBe(false);
      }
    }
  });

  it('trains each fold on the other folds, keeping the plan\'s validation share of them, stratified', () => {
    for (const fold of folds) {
      const parts = [...fold.train, ...fold.validation, ...fold.test].sort((a, b) => a - b);
      expect(new Set(parts).size).toBe(614);
      expect(fold.validation.length).toBe(Math.round((614 - fold.test.length) * 0.15));
      // 214 positives among the 614 rows: each fold's share within one row of 214 / 5
      expect(Math.abs(positives(fold.test) - 214 / 5)).toBeLessThanOrEqual(1);
    }
  });

  it('meets the same folds for the same seed', () => {
    const again = crossValidationSplits(pima, 'Outcome', plan, 'binary', 5);
    expect(again.map((f) => [...f.test])).toEqual(folds.map((f) => [...f.test]));
  });
});
