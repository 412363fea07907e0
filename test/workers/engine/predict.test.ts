// Reading weights files, encoding raw rows the way training did, and the answers predict() gives.
import { describe, expect, it } from 'vitest';
import { encodeRow, parseWeightsFile, predict, WeightsFileError } from '../../../workers/engine/predict';
import type { InputSpec, WeightsFile } from '../../../workers/engine/weights-file';

const inputs: InputSpec[] = [
  { name: 'Glucose', kind: 'numeric', missing: { values: [0], fill: 120 }, scale: { kind: 'standard', mean: 100, std: 20 } },
  { name: 'Age', kind: 'numeric', scale: { kind: 'minmax', min: 20, max: 70 } },
  { name: 'Sex', kind: 'categorical', categories: ['F', 'M'], missing: { values: ['?'], fill: 'F' } },
];

describe('encodeRow', () => {
  it.each([
    { why: 'plain values', values: [140, 45, 'M'], features: [2, 0.5, 0, 1], warnings: 0 },
    { why: 'numbers given as text', values: ['140', ' 45 ', 'M'], features: [2, 0.5, 0, 1], warnings: 0 },
    { why: 'a missing marker (0) is filled before scaling', values: [0, 20, 'F'], features: [1, 0, 1, 0], warnings: 0 },
    { why: 'an empty cell is filled', values: ['', 70, null], features: [1, 1, 1, 0], warnings: 0 },
    { why: 'a categorical missing marker is filled', values: [100, 20, '?'], features: [0, 0, 1, 0], warnings: 0 },
    { why: 'an unseen category sets no column', values: [100, 20, 'X'], features: [0, 0, 0, 0], warnings: 1 },
    { why: 'a missing value without a fill uses 0', values: [100, null, 'F'], features: [0, 0, 1, 0], warnings: 1 },
    { why: 'text in a numeric column counts as missing', values: ['abc', 20, 'F'], features: [1, 0, 1, 0], warnings: 1 },
    // Regression: "1e309" became Infinity, and the answer NaN.
    { why: 'a number too big to calculate with counts as missing', values: ['1e309', 20, 'F'], features: [1, 0, 1, 0], warnings: 1 },
    { why: 'too few values', values: [100, 20], features: [0, 0, 1, 0], warnings: 1 },
  ])('$why', ({ values, features, warnings }) => {
    const encoded = encodeRow(inputs, values);
    expect(Array.from(encoded.features)).toEqual(features);
    expect(encoded.warnings).toHaveLength(warnings);
  });

  it('names the column and the value in its warnings', () => {
    expect(encodeRow(inputs, [100, 20, 'X']).warnings[0]).toMatch(/"Sex": "X" was not seen in training/);
  });
});

const binary = {
  format: 'neuron-studio.weights', version: 1, task: 'binary',
  inputs: [{ name: 'x', kind: 'numeric' }],
  layers: [{ units: 1, activation: 'sigmoid', kernel: [[1]], bias: [0] }],
  output: { name: 'Outcome', classes: ['no', 'yes'], threshold: 0.6 },
};

describe('parseWeightsFile', () => {
  it.each([
    { why: 'a wrong format tag', patch: { format: 'keras' }, message: /not a Neuron Studio weights file.*"keras"/ },
    { why: 'a newer version', patch: { version: 2 }, message: /version 2, made by a newer Neuron Studio/ },
    { why: 'an unknown task', patch: { task: 'ranking' }, message: /"task"/ },
    { why: 'a kernel of the wrong height', patch: { layers: [{ units: 1, activation: 'sigmoid', kernel: [[1], [2]] }] }, message: /Layer 1: the kernel must have 1 rows.*not 2/ },
    { why: 'a kernel row of the wrong width', patch: { layers: [{ units: 1, activation: 'sigmoid', kernel: [[1, 2]] }] }, message: /kernel row 1 must hold 1 numbers/ },
    // Regression: null and 1e400 (Infinity) in a project's weights were let through and failed later.
    { why: 'an empty weight (null)', patch: { layers: [{ units: 1, activation: 'sigmoid', kernel: [[null]] }] }, message: /Layer 1: kernel row 1, weight 1, is empty \(null\)/ },
    { why: 'a weight too big to calculate with', patch: { layers: [{ units: 1, activation: 'sigmoid', kernel: [[1]], bias: [Infinity] }] }, message: /Layer 1: bias 1 is a number too big/ },
    { why: 'a bias of the wrong length', patch: { layers: [{ units: 1, activation: 'sigmoid', kernel: [[1]], bias: [0, 0] }] }, message: /bias must hold 1/ },
    { why: 'an unknown activation', patch: { layers: [{ units: 1, activation: 'swish', kernel: [[1]] }] }, message: /unknown activation "swish"/ },
    { why: 'a binary model with three classes', patch: { output: { name: 'y', classes: ['a', 'b', 'c'] } }, message: /exactly 2 classes/ },
    { why: 'a categorical input without categories', patch: { inputs: [{ name: 'c', kind: 'categorical' }] }, message: /Input "c" needs "categories"/ },
    // Regression: two inputs of one name made an ONNX file onnxruntime cannot load ("Duplicate definition-site for (a)").
    {
      why: 'two inputs of one name',
      patch: { inputs: [{ name: 'a', kind: 'numeric' }, { name: 'a', kind: 'numeric' }], layers: [{ units: 1, activation: 'sigmoid', kernel: [[1], [2]] }] },
      message: /Input 2 is named "a", like input 1: each input needs a name of its own/,
    },
    // Regression: a category listed twice was one column in our encoding and two in the ONNX graph's.
    {
      why: 'a category listed twice',
      patch: { inputs: [{ name: 'c', kind: 'categorical', categories: ['F', 'M', 'F'] }], layers: [{ units: 1, activation: 'sigmoid', kernel: [[1], [2], [3]] }] },
      message: /Input "c" lists the category "F" twice/,
    },
  ])('rejects $why', ({ patch, message }) => {
    expect(() => parseWeightsFile({ ...binary, ...patch })).toThrow(WeightsFileError);
    expect(() => parseWeightsFile({ ...binary, ...patch })).toThrow(message);
  });

  it('rejects something that is not an object', () => {
    expect(() => parseWeightsFile([1, 2])).toThrow(/expected a JSON object/);
  });

  it('accepts a good file and drops nothing it needs', () => {
    expect(parseWeightsFile(binary)).toEqual(binary);
  });
});

describe('predict', () => {
  it('binary: the label follows the threshold, the probability is that of classes[1]', () => {
    const model = parseWeightsFile(binary);
    // sigmoid(0) = 0.5 < 0.6 -> "no"; sigmoid(1) = 0.731 >= 0.6 -> "yes"
    const { predictions } = predict(model, [[0], [1]]);
    expect(predictions).toEqual([
      { label: 'no', probability: 0.5 },
      { label: 'yes', probability: 1 / (1 + Math.exp(-1)) },
    ]);
  });

  it('multiclass: every class probability and the most probable label', () => {
    const model = parseWeightsFile({
      format: 'neuron-studio.weights', version: 1, task: 'multiclass',
      inputs: [{ name: 'x', kind: 'numeric' }],
      layers: [{ units: 3, activation: 'softmax', kernel: [[0, Math.log(2), Math.log(5)]] }],
      output: { name: 'kind', classes: ['a', 'b', 'c'] },
    });
    // x = 1: exp(z) = 1, 2, 5 -> probabilities 1/8, 2/8, 5/8
    const [p] = predict(model, [[1]]).predictions as { label: string; probabilities: Record<string, number> }[];
    expect(p.label).toBe('c');
    expect(p.probabilities.a).toBeCloseTo(1 / 8, 15);
    expect(p.probabilities.b).toBeCloseTo(2 / 8, 15);
    expect(p.probabilities.c).toBeCloseTo(5 / 8, 15);
  });

  it('regression: the output scale turns the answer back into the target units', () => {
    const model: WeightsFile = parseWeightsFile({
      format: 'neuron-studio.weights', version: 1, task: 'regression',
      inputs: [{ name: 'x', kind: 'numeric' }],
      layers: [{ units: 1, activation: 'linear', kernel: [[2]], bias: [1] }],
      output: { name: 'price', scale: { kind: 'standard', mean: 100, std: 10 } },
    });
    // network: 2 * 3 + 1 = 7 -> 7 * 10 + 100
    expect(predict(model, [[3]]).predictions).toEqual([{ value: 170 }]);
  });

  it('warnings name the row', () => {
    expect(predict(parseWeightsFile(binary), [[1], ['x']]).warnings).toEqual([
      'Row 2: "x": "x" is not a number; it counts as missing.',
      'Row 2: "x" is missing and the model has no fill value for it; 0 was used, so the answer may be off.',
    ]);
  });
});
