// The TensorFlow.js export loaded by the real @tensorflow/tfjs over HTTP: its predictions on our prepared inputs
// equal our network's for every model of exportModels(), and a model tfjs cannot hold is refused.

import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeRows } from '../../../workers/engine/explain';
import { modelNetwork, parseWeightsFile, predict } from '../../../workers/engine/predict';
import { ACTIVATIONS } from '../../../workers/engine/spec';
import { featureWidth, type WeightsFile } from '../../../workers/engine/weights-file';
import { ExportRefusal, type ExportedFile } from '../../../workers/exports/formats';
import { tfjsFiles } from '../../../workers/exports/tfjs';
import { TFJS_ACTIVATIONS } from '../../../workers/exports/tfjs-activations';
import { diabetesModel, exportModels, rawRowsFor } from './models';
import { serveFolder } from './served-folder';

const ROWS = 300;
const largest: Record<string, number> = {};

beforeAll(() => {
  tf.env().set('IS_TEST', true); // silences the "install tfjs-node" hint (and checks kernels for leaks); no arithmetic changes
});

afterAll(() => {
  console.info(`largest difference between tfjs and our network, per model (${ROWS} rows each):\n${
    Object.entries(largest).map(([name, d]) => `  ${name}: ${d.toExponential(2)}`).join('\n')}`);
});

const fileOf = (files: ExportedFile[], name: string) => files.find((f) => f.name === name)!;
const jsonOf = (files: ExportedFile[], name: string) => JSON.parse(new TextDecoder().decode(fileOf(files, name).bytes));

/** tfjs' outputs for prepared inputs, loaded from the files as a web page would. */
async function tfjsOutputs(files: ExportedFile[], x: Float64Array, rows: number, width: number): Promise<Float32Array> {
  const folder = await serveFolder(files);
  try {
    const model = await tf.loadLayersModel(`${folder.url}model.json`);
    const input = tf.tensor2d(Float32Array.from(x), [rows, width]);
    const output = model.predict(input) as tf.Tensor;
    const values = output.dataSync() as Float32Array;
    tf.dispose([input, output]);
    model.dispose();
    return values;
  } finally {
    await folder.close();
  }
}

/** Our network's outputs for the same prepared inputs. */
function ourOutputs(weights: WeightsFile, x: Float64Array, rows: number): Float64Array {
  const network = modelNetwork(weights);
  const out = new Float64Array(rows * network.outputs);
  network.predictInto(x, rows, out);
  return out;
}

const maxDifference = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};

describe('tfjsFiles loaded by @tensorflow/tfjs', () => {
  it.each(exportModels())('answers as our network does: $name', async ({ name, weights }) => {
    const rows = rawRowsFor(weights, ROWS, 7);
    const x = encodeRows(weights, rows);
    const width = featureWidth(weights.inputs);
    const theirs = await tfjsOutputs(tfjsFiles(weights), x, ROWS, width);
    const ours = ourOutputs(weights, x, ROWS);
    expect(theirs.length).toBe(ours.length);
    const difference = maxDifference(theirs, ours);
    largest[name] = difference;
    expect(difference).toBeLessThan(1e-6);

    const answers = predict(weights, rows).predictions;
    const { scale, threshold = 0.5 } = weights.output;
    if (weights.task === 'regression') {
      // the value in the target's units, relative to its spread
      const std = scale?.std ?? 1, mean = scale?.mean ?? 0;
      const values = Array.from(theirs, (v) => v * std + mean);
      const ourValues = answers.map((a) => (a as { value: number }).value);
      largest[`${name}, value in the target's units / its std`] = maxDifference(values, ourValues) / std;
      expect(maxDifference(values, ourValues) / std).toBeLessThan(1e-6);
    } else if (weights.task === 'binary') {
      const clear = answers.flatMap((_, r) => (Math.abs(ours[r] - threshold) > 1e-6 ? [r] : [])); // a label on the threshold may flip in 32 bits
      expect(clear.length).toBeGreaterThan(ROWS * 0.9);
      const classes = weights.output.classes!;
      for (const r of clear) expect(theirs[r] >= threshold ? classes[1] : classes[0]).toBe((answers[r] as { label: string }).label);
    }
  });

  // tfjs' own formulas (softplus switches to x and e^x beyond about ±13.9, elu, softmax's shift) far from zero, where
  // the made-up models' weighted sums rarely go; a float32 value of 14 is itself only good to about 1e-6 of 14
  it.each(ACTIVATIONS)('computes %s as ours does for weighted sums from -30 to 30', async (activation) => {
    const units = activation === 'softmax' ? 3 : 1;
    const weights = parseWeightsFile({
      format: 'neuron-studio.weights', version: 1, task: 'regression', output: { name: 'y' },
      inputs: [{ name: 'z', kind: 'numeric' }],
      layers: [{ units, activation, kernel: [[1, -0.5, 0.25].slice(0, units)], bias: [0, 1, -2].slice(0, units) }],
    });
    const rows = Array.from({ length: 241 }, (_, i) => [-30 + i / 4]);
    const x = encodeRows(weights, rows);
    const theirs = await tfjsOutputs(tfjsFiles(weights), x, rows.length, 1);
    const ours = ourOutputs(weights, x, rows.length);
    ours.forEach((v, i) => expect(Math.abs(theirs[i] - v)).toBeLessThan(1e-6 * Math.max(1, Math.abs(v))));
  });

  // guards the leaky_relu mapping: tfjs has no 'leaky_relu' string, and a Dense(linear) alone answers differently
  it('would catch leaky_relu exported as a plain linear layer', async () => {
    const { weights } = exportModels().find((m) => m.name === 'binary, hidden leaky_relu')!;
    const files = tfjsFiles(weights);
    const modelJson = jsonOf(files, 'model.json');
    const layers = modelJson.modelTopology.config.layers as { class_name: string }[];
    expect(layers.filter((l) => l.class_name === 'LeakyReLU')).toHaveLength(1);
    modelJson.modelTopology.config.layers = layers.filter((l) => l.class_name !== 'LeakyReLU');
    const linear = files.map((f) => (f.name === 'model.json' ? { name: f.name, bytes: new TextEncoder().encode(JSON.stringify(modelJson)) } : f));
    const rows = rawRowsFor(weights, ROWS, 7);
    const x = encodeRows(weights, rows);
    const theirs = await tfjsOutputs(linear, x, ROWS, featureWidth(weights.inputs));
    expect(maxDifference(theirs, ourOutputs(weights, x, ROWS))).toBeGreaterThan(1e-3);
  });
});

describe('the files', () => {
  it.each(exportModels())('weights.bin holds exactly the manifest\'s weights: $name', ({ weights }) => {
    const files = tfjsFiles(weights);
    expect(files.map((f) => f.name)).toEqual(['model.json', 'weights.bin', 'preparation.json']);
    const manifest = jsonOf(files, 'model.json').weightsManifest as { paths: string[]; weights: { shape: number[]; dtype: string }[] }[];
    expect(manifest.map((group) => group.paths)).toEqual([['weights.bin']]);
    const count = manifest[0].weights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
    const ourCount = weights.layers.reduce((sum, l) => sum + l.kernel.length * l.units + (l.bias?.length ?? 0), 0);
    expect(count).toBe(ourCount);
    expect(fileOf(files, 'weights.bin').bytes.byteLength).toBe(count * 4);
  });

  it('preparation.json carries the weights file\'s inputs and output as they are, and the columns by name', () => {
    const { weights } = exportModels().find((m) => m.name === 'multiclass, two hidden layers')!;
    const preparation = jsonOf(tfjsFiles(weights), 'preparation.json');
    expect(preparation).toEqual({
      format: 'neuron-studio.preparation', version: 1, task: 'multiclass',
      inputs: JSON.parse(JSON.stringify(weights.inputs)),
      networkInputs: ['Glucose', 'Body mass index', 'Dose (g)', 'Smoker = no', 'Smoker = yes', 'Smoker = former', 'Region = north', 'Region = south'],
      output: { name: 'kind', classes: ['cat', 'dog', 'fox'] },
    });
  });

  it('refuses a weight beyond 32 bits, naming the layer and the weight, and returns no files', () => {
    const weights = diabetesModel();
    weights.layers[1].kernel[2][0] = 1e39;
    let files: ExportedFile[] | undefined;
    let refusal: unknown;
    try {
      files = tfjsFiles(weights);
    } catch (error) {
      refusal = error;
    }
    expect(files).toBeUndefined();
    expect(refusal).toBeInstanceOf(ExportRefusal);
    expect((refusal as ExportRefusal).format).toBe('tfjs');
    expect((refusal as Error).message).toContain('layer 2\'s weight from input 3 to unit 1 (1e+39)');
  });

  it('refuses an activation tfjs cannot compute as we do, naming it and why, and returns no files', () => {
    const { weights } = exportModels().find((m) => m.name === 'regression with an output scale')!;
    const without = { ...TFJS_ACTIVATIONS, tanh: { refuse: 'its tanh is made up for this test' } };
    let files: ExportedFile[] | undefined;
    expect(() => { files = tfjsFiles(weights, without); }).toThrow(ExportRefusal);
    expect(files).toBeUndefined();
    expect(() => tfjsFiles(weights, without)).toThrow('layer 1\'s activation "tanh" as Neuron Studio does: its tanh is made up for this test. Nothing was written.');
  });
});
