// Preparation is fitted on training rows only: the test rows here hold extreme values, so any statistic that
// leaked them in (median, mean, std, fill, categories, target scale) would come out far from the hand-worked one.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildMatrices, cellValue, findColumn, fitPreparation, parseCsv, splitRows, type Dataset } from '../../../workers/data';
import { encodeRow } from '../../../workers/engine/predict';
import { TrainingPlanSchema, type TrainingPlan } from '../../../workers/plan';
import { bytesOf, datasetFile, fixture } from './helpers';

// rows 0-5 train, 6-9 test
const csv = [
  'a,colour,y,flag',
  '1,red,10.5,no',
  '2,blue,20.5,yes',
  ',red,30.5,no',
  '4,green,40.5,yes',
  '0,red,50.5,no',
  '10,blue,60.5,yes',
  '1000,purple,1000000.5,no',
  '2000,blue,2000000.5,yes',
  '3000,,3000000.5,no',
  '0,red,4000000.5,yes',
].join('\n');
const data = parseCsv(bytesOf(csv), 'leak.csv');
const train = Int32Array.from([0, 1, 2, 3, 4, 5]);
const test = Int32Array.from([6, 7, 8, 9]);

function plan(overrides: Partial<z.input<typeof TrainingPlanSchema>> = {}): TrainingPlan {
  return TrainingPlanSchema.parse({ features: ['a', 'colour'], label: 'y', ...overrides });
}

const populationStd = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
};

describe('fitPreparation uses the training rows only', () => {
  const prepared = fitPreparation(data, plan({ preparation: { zeroAsMissing: ['a'] } }), train);

  it('numeric: median fill and standard scale from training rows (0 as missing)', () => {
    // training a = 1, 2, (missing), 4, 0 (missing), 10 → present 1, 2, 4, 10 → median 3; filled 1, 2, 3, 4, 3, 10
    const a = prepared.inputs[0];
    expect(a).toEqual({
      name: 'a',
      kind: 'numeric',
      missing: { values: [0], fill: 3 },
      scale: { kind: 'standard', mean: 23 / 6, std: populationStd([1, 2, 3, 4, 3, 10]) },
    });
  });

  it('categorical: categories sorted, most frequent fill, from training rows (purple is only in test rows)', () => {
    expect(prepared.inputs[1]).toEqual({ name: 'colour', kind: 'categorical', categories: ['blue', 'green', 'red'], missing: { values: [], fill: 'red' } });
    expect(prepared.warnings).toContain('colour has 1 value that appears only outside the training rows; the model treats it as unknown.');
  });

  it('regression target: standardised by the training rows\' mean and std', () => {
    expect(prepared.task).toBe('regression');
    expect(prepared.output).toEqual({ name: 'y', scale: { kind: 'standard', mean: 35.5, std: populationStd([10, 20, 30, 40, 50, 60]) } });
  });

  it('mean fill, most frequent fill, min-max scaling', () => {
    const mean = fitPreparation(data, plan({ preparation: { numericMissing: 'mean', scaling: 'minmax' } }), train);
    // a: present 1, 2, 4, 0, 10 (0 is a real value here) → mean 17/5; min-max over filled values
    expect(mean.inputs[0]).toEqual({ name: 'a', kind: 'numeric', missing: { values: [], fill: 17 / 5 }, scale: { kind: 'minmax', min: 0, max: 10 } });
    const mode = fitPreparation(data, plan({ preparation: { numericMissing: 'most_frequent', scaling: 'none' } }), Int32Array.from([0, 1, 3, 5, 6]));
    expect(mode.inputs[0]).toEqual({ name: 'a', kind: 'numeric', missing: { values: [], fill: 1 } });
  });
});

describe('buildMatrices', () => {
  const p = plan({ preparation: { zeroAsMissing: ['a'] } });
  const prepared = fitPreparation(data, p, train);
  const m = buildMatrices(data, prepared, p, test);
  const a = prepared.inputs[0] as { scale: { mean: number; std: number } };
  const z = (v: number) => (v - a.scale.mean) / a.scale.std;

  it('encodes test rows with the training fit: unseen category → all zeros, missing category → the fill, 0 → the fill', () => {
    expect([m.rows, m.cols, m.outputs]).toEqual([4, 4, 1]);
    expect(Array.from(m.keptRows)).toEqual([6, 7, 8, 9]);
    const row = (i: number) => Array.from(m.x.subarray(i * 4, i * 4 + 4));
    expect(row(0)).toEqual([z(1000), 0, 0, 0]); // purple: never seen in training
    expect(row(1)).toEqual([z(2000), 1, 0, 0]); // blue
    expect(row(2)).toEqual([z(3000), 0, 0, 1]); // missing colour → red
    expect(row(3)).toEqual([z(3), 0, 0, 1]); // 0 means missing → 3, the training median
    expect(m.warnings).toEqual(['1 cells hold a category the model never saw in training; they are encoded as all zeros.']);
  });

  it('regression targets are standardised with the training scale', () => {
    expect(m.y[0]).toBeCloseTo((1_000_000.5 - 35.5) / populationStd([10, 20, 30, 40, 50, 60]), 9);
  });

  it('encodes exactly as prediction does (the engine\'s encodeRow on the same cells)', () => {
    const columns = prepared.inputs.map((input) => findColumn(data, input.name).index);
    m.keptRows.forEach((row, i) => {
      const { features } = encodeRow(prepared.inputs, columns.map((c) => cellValue(data, row, c)));
      expect(Array.from(features)).toEqual(Array.from(m.x.subarray(i * m.cols, (i + 1) * m.cols)));
    });
  });

  it('binary labels: 1 for classes[1]', () => {
    const bp = plan({ label: 'flag' });
    const bin = fitPreparation(data, bp, train);
    expect(bin.output).toEqual({ name: 'flag', classes: ['no', 'yes'], threshold: 0.5 });
    expect(Array.from(buildMatrices(data, bin, bp, train).y)).toEqual([0, 1, 0, 1, 0, 1]);
  });
});

describe('rows left out', () => {
  it('rows without a label are left out and counted', () => {
    const d = parseCsv(bytesOf('x,label\n1,a\n2,\n3,b\n4,NA\n5,a\n'), 'l.csv');
    const p = TrainingPlanSchema.parse({ features: ['x'], label: 'label' });
    const prepared = fitPreparation(d, p, Int32Array.from([0, 1, 2, 3, 4]));
    expect(prepared.droppedRows).toBe(2);
    expect(prepared.warnings).toContain('2 training rows have no label and are left out.');
    expect(Array.from(buildMatrices(d, prepared, p, Int32Array.from([0, 1, 2, 3, 4])).keptRows)).toEqual([0, 2, 4]);
  });

  it('"drop rows" leaves out rows with a missing input (and 0 where 0 means missing)', () => {
    const p = plan({ label: 'flag', preparation: { numericMissing: 'drop', zeroAsMissing: ['a'] } });
    const prepared = fitPreparation(data, p, train);
    expect(prepared.droppedRows).toBe(2); // row 2 (empty a) and row 4 (a = 0)
    expect(Array.from(buildMatrices(data, prepared, p, train).keptRows)).toEqual([0, 1, 3, 5]);
    // the fill is still fitted, for prediction: the median of 1, 2, 4, 10
    expect(prepared.inputs[0]).toMatchObject({ missing: { values: [0], fill: 3 } });
  });

  it('non-numeric entries leave their rows out unless treated as missing', () => {
    const d = parseCsv(fixture('non-numeric-entries.csv'), 'non-numeric-entries.csv');
    const all = Int32Array.from({ length: 20 }, (_, i) => i);
    const strict = TrainingPlanSchema.parse({ features: ['glucose'], label: 'age' });
    const dropped = fitPreparation(d, strict, all);
    expect(dropped.droppedRows).toBe(2);
    expect(dropped.warnings.join(' ')).toContain('glucose has text where a number belongs');
    const lenient = TrainingPlanSchema.parse({ features: ['glucose'], label: 'age', preparation: { nonNumericAsMissing: ['glucose'] } });
    const kept = fitPreparation(d, lenient, all);
    expect(kept.droppedRows).toBe(0);
    expect(buildMatrices(d, kept, lenient, all).rows).toBe(20);
  });
});

describe('Pima through split, fit and build', () => {
  it('multi-class string labels with a categorical feature give one-hot targets', () => {
    const d = parseCsv(fixture('string-labels.csv'), 'string-labels.csv');
    const p = TrainingPlanSchema.parse({ features: ['petal', 'colour'], label: 'species', preparation: { scaling: 'none' } });
    const rows = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const prepared = fitPreparation(d, p, rows);
    const m = buildMatrices(d, prepared, p, rows);
    expect(prepared.output.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect([m.cols, m.outputs]).toEqual([4, 3]);
    expect(Array.from(m.x.subarray(0, 4))).toEqual([1.4, 0, 0, 1]); // petal, blue, purple, white
    expect(Array.from(m.y.subarray(0, 6))).toEqual([1, 0, 0, 0, 1, 0]);
  });

  it('scales with the training part of a real split only', () => {
    const pima: Dataset = parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv');
    const p = TrainingPlanSchema.parse({ features: ['Glucose'], label: 'Outcome', split: { test: 0.5, seed: 3 } });
    const split = splitRows(pima, 'Outcome', p.split, 'binary');
    const prepared = fitPreparation(pima, p, split.train);
    const glucose = pima.columns[1].numbers!;
    const values = Array.from(split.train, (r) => glucose[r]);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(prepared.inputs[0]).toMatchObject({ scale: { kind: 'standard', mean } });
    const all = Array.from(glucose).reduce((s, v) => s + v, 0) / 768;
    expect(Math.abs(mean - all)).toBeGreaterThan(1e-9); // the two halves differ, so the check above can tell them apart
  });
});
