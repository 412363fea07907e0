// From plan to engine: the output layer and loss follow the label; choices that cannot work are refused in words;
// the evaluation of a run is worked out by hand on tiny networks.
import { describe, expect, it } from 'vitest';
import { TrainingPlanSchema } from '../../workers/plan';
import { checkChoices, networkFor, PlanError, settingsFor } from '../../workers/train-setup';
import { evaluate } from '../../workers/train-evaluation';

const plan = (extra: Record<string, unknown> = {}) =>
  TrainingPlanSchema.parse({ features: ['a'], label: 'y', hidden: [{ units: 4, activation: 'relu' }], ...extra });

describe('network and settings from the plan', () => {
  it.each([
    ['binary', 1, 'sigmoid', 'binary_crossentropy'],
    ['multiclass', 3, 'softmax', 'categorical_crossentropy'],
    ['regression', 1, 'linear', 'mse'],
  ] as const)('%s: %d %s output unit(s), loss auto -> %s', (task, outputs, activation, loss) => {
    const spec = networkFor(plan(), task, 5, outputs);
    expect(spec).toEqual({ inputs: 5, layers: [{ units: 4, activation: 'relu' }, { units: outputs, activation }] });
    expect(settingsFor(plan(), task).loss).toBe(loss);
  });

  it('the plan can override the output activation and initializer, and the loss', () => {
    const p = plan({ output: { activation: 'sigmoid', initializer: 'random_uniform' }, training: { loss: 'sse' } });
    expect(networkFor(p, 'regression', 2, 1).layers[1]).toEqual({ units: 1, activation: 'sigmoid', initializer: 'random_uniform' });
    expect(settingsFor(p, 'regression').loss).toBe('sse');
  });

  it('carries the training settings and early stopping over', () => {
    const p = plan({
      training: { epochs: 12, batchSize: 3, seed: 9, l2: 0.01, optimizer: { name: 'sgd', learningRate: 0.1 }, earlyStopping: { patience: 4 } },
    });
    expect(settingsFor(p, 'binary')).toEqual({
      loss: 'binary_crossentropy', optimizer: { name: 'sgd', learningRate: 0.1 }, epochs: 12, batchSize: 3, seed: 9, l2: 0.01,
      earlyStopping: { patience: 4, restoreBestWeights: true },
    });
  });

  it('carries balanced class weights to the engine, and refuses them for a label of numbers', () => {
    const p = plan({ training: { classWeights: 'balanced' } });
    expect(settingsFor(p, 'binary').classWeights).toBe('balanced');
    expect(settingsFor(plan(), 'binary').classWeights).toBeUndefined();
    const spec = networkFor(p, 'regression', 2, 1);
    expect(() => checkChoices(spec, settingsFor(p, 'regression'), 'regression', 'price')).toThrow(PlanError);
    expect(() => checkChoices(spec, settingsFor(p, 'regression'), 'regression', 'price'))
      .toThrow('Class weights give each class of answers the same say, but "price" holds numbers to predict, not classes.');
  });

  it.each([
    ['binary_crossentropy on a number label', 'regression', { training: { loss: 'binary_crossentropy' } }, /needs a yes\/no label/],
    ['categorical_crossentropy on a yes/no label', 'binary', { training: { loss: 'categorical_crossentropy' } }, /needs a label with several classes/],
    ['a softmax hidden layer', 'binary', { hidden: [{ units: 3, activation: 'softmax' }] }, /softmax can only be/],
    ['a softmax output for numbers', 'regression', { output: { activation: 'softmax' } }, /cannot be softmax/],
  ] as const)('refuses %s', (_name, task, extra, message) => {
    const p = plan(extra as Record<string, unknown>);
    const spec = networkFor(p, task, 2, 1);
    expect(() => checkChoices(spec, settingsFor(p, task), task, 'y')).toThrow(PlanError);
    expect(() => checkChoices(spec, settingsFor(p, task), task, 'y')).toThrow(message);
  });
});

describe('evaluation', () => {
  it('binary: probabilities, class indices, and the most common training class as baseline', () => {
    // one sigmoid unit with zero weights: p = 0.5 on every row
    const layers = [{ units: 1, activation: 'sigmoid' as const, kernel: [[0]], bias: [0] }];
    const rows = { x: Float64Array.of(1, 2, 3), y: Float64Array.of(1, 0, 1), rows: 3 };
    const training = { x: Float64Array.of(0, 0, 0), y: Float64Array.of(0, 0, 1), rows: 3 };
    const e = evaluate(layers, 1, 'binary', { name: 'y', classes: ['no', 'yes'], threshold: 0.5 }, 'test', rows, training);
    expect(e).toEqual({
      on: 'test', task: 'binary', actual: [1, 0, 1], probabilities: [0.5, 0.5, 0.5], classes: ['no', 'yes'], threshold: 0.5,
      baseline: { accuracy: 1 / 3, answer: 'no' }, // "no" is most common in training; right on 1 of the 3 rows
    });
  });

  it('regression: values back in the target units, baseline = MAE of the training mean', () => {
    // out = 2x + 1 (scaled), target = 10 + 2 * scaled
    const layers = [{ units: 1, activation: 'linear' as const, kernel: [[2]], bias: [1] }];
    const rows = { x: Float64Array.of(0, 1), y: Float64Array.of(0.5, -1), rows: 2 };
    const training = { x: Float64Array.of(0, 0), y: Float64Array.of(0, 1), rows: 2 };
    const output = { name: 'y', scale: { kind: 'standard' as const, mean: 10, std: 2 } };
    const e = evaluate(layers, 1, 'regression', output, 'validation', rows, training);
    expect(e.actual).toEqual([11, 8]);
    expect(e.predicted).toEqual([12, 16]);
    // training targets 10 and 12: mean 11; |11-11| + |8-11| over 2 rows
    expect(e.baseline).toEqual({ mae: 1.5, answer: 11 });
  });

  it('multiclass: one probability row per evaluated row, actual = the hot column', () => {
    const layers = [{ units: 3, activation: 'softmax' as const, kernel: [[0, 0, 0]], bias: [0, Math.LN2, 0] }];
    const rows = { x: Float64Array.of(5, 6), y: Float64Array.of(0, 0, 1, 1, 0, 0), rows: 2 };
    const training = { x: Float64Array.of(0, 0, 0), y: Float64Array.of(0, 1, 0, 0, 1, 0, 1, 0, 0), rows: 3 };
    const e = evaluate(layers, 1, 'multiclass', { name: 'k', classes: ['a', 'b', 'c'] }, 'train', rows, training);
    expect(e.actual).toEqual([2, 0]);
    const p = e.probabilities as number[][];
    expect(p).toHaveLength(2);
    p.forEach((row) => [0.25, 0.5, 0.25].forEach((v, j) => expect(row[j]).toBeCloseTo(v, 12)));
    expect(e.baseline).toEqual({ accuracy: 0, answer: 'b' }); // "b" is most common in training, absent here
  });
});
