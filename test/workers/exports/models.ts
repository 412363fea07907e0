// Models every exporter is checked on: the real Pima model, and made-up ones that reach every activation, every
// kind of input preparation (missing markers, both scalings, one-hot with and without a fill), a layer without
// bias, multi-class and regression with an output scale; and raw rows for them, with missing and unseen values.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseWeightsFile } from '../../../workers/engine/predict';
import { Rng } from '../../../workers/engine/rng';
import { ACTIVATIONS, type ActivationName } from '../../../workers/engine/spec';
import type { InputSpec, WeightsFile, WeightsLayer } from '../../../workers/engine/weights-file';
import type { RawRow } from '../../../workers/engine/explain';

export const DIABETES_WEIGHTS = path.resolve(__dirname, '../engine/fixtures/diabetes-binary.weights.json');

export function diabetesModel(): WeightsFile {
  return parseWeightsFile(JSON.parse(readFileSync(DIABETES_WEIGHTS, 'utf8')));
}

const MIXED_INPUTS: InputSpec[] = [
  { name: 'Glucose', kind: 'numeric', missing: { values: [0], fill: 117 }, scale: { kind: 'standard', mean: 121.6, std: 30.4 } },
  { name: 'Body mass index', kind: 'numeric', missing: { values: [0, -1], fill: 32 }, scale: { kind: 'minmax', min: 18, max: 67 } },
  { name: 'Dose (g)', kind: 'numeric' },
  { name: 'Smoker', kind: 'categorical', categories: ['no', 'yes', 'former'], missing: { values: ['?', 'unknown'], fill: 'no' } },
  { name: 'Region', kind: 'categorical', categories: ['north', 'south'] },
];

function layer(rng: Rng, fanIn: number, units: number, activation: ActivationName, bias = true): WeightsLayer {
  const kernel = Array.from({ length: fanIn }, () => Array.from({ length: units }, () => rng.normal() * 0.6));
  return { units, activation, kernel, ...(bias ? { bias: Array.from({ length: units }, () => rng.normal() * 0.3) } : {}) };
}

function model(task: WeightsFile['task'], inputs: InputSpec[], layers: WeightsLayer[], output: WeightsFile['output']): WeightsFile {
  return parseWeightsFile({ format: 'neuron-studio.weights', version: 1, task, inputs, layers, output });
}

/** Width of MIXED_INPUTS' network input: 3 numbers and 3 + 2 one-hot columns. */
const MIXED_WIDTH = 8;

/** Named models: one binary model per activation in its hidden layer, plus the real Pima model, a deep multi-class
 * model, a regression with an output scale, and a network with no hidden layer. */
export function exportModels(): { name: string; weights: WeightsFile }[] {
  const rng = new Rng(2026);
  const models: { name: string; weights: WeightsFile }[] = [{ name: 'Pima (trained)', weights: diabetesModel() }];
  for (const activation of ACTIVATIONS) {
    models.push({
      name: `binary, hidden ${activation}`,
      weights: model('binary', MIXED_INPUTS, [layer(rng, MIXED_WIDTH, 5, activation), layer(rng, 5, 1, 'sigmoid', activation !== 'relu')], {
        name: 'Outcome', classes: ['0', '1'], threshold: 0.4,
      }),
    });
  }
  models.push({
    name: 'multiclass, two hidden layers',
    weights: model('multiclass', MIXED_INPUTS, [layer(rng, MIXED_WIDTH, 6, 'softplus'), layer(rng, 6, 4, 'leaky_relu', false), layer(rng, 4, 3, 'softmax')], {
      name: 'kind', classes: ['cat', 'dog', 'fox'],
    }),
  });
  models.push({
    name: 'regression with an output scale',
    weights: model('regression', MIXED_INPUTS, [layer(rng, MIXED_WIDTH, 4, 'tanh'), layer(rng, 4, 1, 'linear')], {
      name: 'Price', scale: { kind: 'standard', mean: 250_000, std: 80_000 },
    }),
  });
  models.push({
    name: 'no hidden layer',
    weights: model('binary', MIXED_INPUTS, [layer(rng, MIXED_WIDTH, 1, 'sigmoid')], { name: 'Outcome', classes: ['healthy', 'ill'] }),
  });
  return models;
}

/**
 * `n` raw rows for a model, seeded: numbers around each input's scale, a listed "not measured" marker or an empty
 * cell now and then where the input has a fill, every category, and a category never seen in training.
 */
export function rawRowsFor(weights: WeightsFile, n: number, seed = 1): RawRow[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () =>
    weights.inputs.map((input): string | number | null => {
      const roll = rng.next();
      if (input.kind === 'categorical') {
        if (input.missing && roll < 0.1) return roll < 0.05 ? '' : input.missing.values[rng.int(input.missing.values.length)];
        if (roll > 0.93) return 'never seen';
        return input.categories[rng.int(input.categories.length)];
      }
      if (input.missing && roll < 0.1) return roll < 0.05 ? null : input.missing.values[rng.int(input.missing.values.length)];
      const s = input.scale;
      const centre = !s ? 0.5 : s.kind === 'standard' ? s.mean : (s.min + s.max) / 2;
      const spread = !s ? 0.7 : s.kind === 'standard' ? s.std : (s.max - s.min) / 4;
      return Math.round((centre + rng.normal() * spread * 1.5) * 100) / 100;
    }),
  );
}
