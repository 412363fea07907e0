// Explanations of a weights file on raw rows: a categorical input explained as one input (its one-hot columns
// together), answers in the person's units, the Pima model's contributions adding up to its answer − the average.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellValue, parseCsv } from '../../../workers/data';
import { explainCase, explainImportance, explainWhatIf, type RawRow } from '../../../workers/engine/explain';
import { parseWeightsFile, predict } from '../../../workers/engine/predict';
import type { WeightsFile } from '../../../workers/engine/weights-file';
import { datasetFile } from '../data/helpers';

// price = 10 + 2 × size + (3 if red, −1 if blue, 0 if green), in the target's units through scale (mean 100, std 10)
const linear: WeightsFile = parseWeightsFile({
  format: 'neuron-studio.weights',
  version: 1,
  task: 'regression',
  inputs: [
    { name: 'size', kind: 'numeric' },
    { name: 'colour', kind: 'categorical', categories: ['red', 'blue', 'green'] },
  ],
  layers: [{ units: 1, activation: 'linear', kernel: [[0.2], [0.3], [-0.1], [0]], bias: [-9] }],
  output: { name: 'price', scale: { kind: 'standard', mean: 100, std: 10 } },
});

describe('explainCase', () => {
  it('gives the colour one share, worked by hand: its columns\' weights times (the case − the background\'s share)', () => {
    // background: sizes 1, 3 (mean 2); colours red, blue (shares 1/2, 1/2, 0)
    const background: RawRow[] = [[1, 'red'], [3, 'blue']];
    const got = explainCase(linear, [5, 'green'], background);
    expect(got.answer).toBe('value');
    expect(got.contributions.map((c) => c.input)).toEqual(['size', 'colour']);
    expect(got.contributions[0].value).toBeCloseTo(10 * 0.2 * (5 - 2), 10); // 6 in price units
    expect(got.contributions[1].value).toBeCloseTo(10 * (0 - (0.3 * 0.5 + -0.1 * 0.5)), 10); // −1
    expect(got.value).toBeCloseTo((predict(linear, [[5, 'green']]).predictions[0] as { value: number }).value, 10);
    expect(got.value - got.base).toBeCloseTo(got.contributions[0].value + got.contributions[1].value, 10);
  });

  it('explains the Pima model\'s chance of diabetes for a patient, adding up to it − the average chance', () => {
    const model = parseWeightsFile(JSON.parse(readFileSync(path.join(__dirname, 'fixtures/diabetes-binary.weights.json'), 'utf8')));
    const pima = parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv');
    const rows: RawRow[] = Array.from({ length: 100 }, (_, r) => model.inputs.map((input) => cellValue(pima, r, pima.columns.findIndex((c) => c.name === input.name))));
    const patient: RawRow = [2, 160, 70, 30, 0, 33, 0.5, 25];
    const got = explainCase(model, patient, rows);
    expect(got.answer).toBe('chance');
    expect(got.className).toBe(model.output.classes?.[1]);
    expect(got.method).toBe('exact');
    expect(got.value).toBeCloseTo((predict(model, [patient]).predictions[0] as { probability: number }).probability, 12);
    expect(got.contributions.reduce((a, c) => a + c.value, 0)).toBeCloseTo(got.value - got.base, 12);
    // a glucose of 160 (the average is 121) raises the chance more than any other input does
    const glucose = got.contributions.find((c) => c.input === 'Glucose')!;
    expect(glucose.value).toBeGreaterThan(0);
    expect(Math.max(...got.contributions.map((c) => c.value))).toBe(glucose.value);
  });
});

describe('explainImportance and explainWhatIf', () => {
  const rows: RawRow[] = [[1, 'red'], [2, 'blue'], [3, 'green'], [4, 'red'], [5, 'blue'], [6, 'green']];
  const actual = rows.map((row) => (predict(linear, [row]).predictions[0] as { value: number }).value);

  it('scores the typical miss in the target\'s units: 0 unshuffled, more when size or colour is shuffled', () => {
    const got = explainImportance(linear, rows, actual, { repeats: 10, seed: 2 });
    expect(got.metric).toBe('mae');
    expect(got.score).toBeCloseTo(0, 10);
    expect(got.inputs.map((i) => i.input)).toEqual(['size', 'colour']);
    expect(got.inputs[0].mean).toBeGreaterThan(got.inputs[1].mean); // size spans 2 × 5 = 10 units, colour 4
    expect(got.inputs[1].mean).toBeGreaterThan(0);
  });

  it('draws a number\'s line and every category of a categorical input', () => {
    const size = explainWhatIf(linear, 'size', [5, 'green'], rows, { min: 0, max: 10, points: 3 });
    expect(size.values).toEqual([0, 5, 10]);
    expect(size.forCase.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([10, 20, 30]);
    const colour = explainWhatIf(linear, 'colour', [5, 'green'], rows, null);
    expect(colour.values).toEqual(['red', 'blue', 'green']);
    expect(colour.forCase.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([23, 19, 20]);
    // averaged over the rows (mean size 3.5): 10 + 7 + the colour's share
    expect(colour.average.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([20, 16, 17]);
  });
});
