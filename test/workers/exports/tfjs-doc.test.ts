// docs/export-tfjs.md: its JavaScript example, run by Node as written against an exported Pima folder, answers as
// Neuron Studio does, and its prepare and answer give the engine's encoding and answers for every exported model.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { encodeRows } from '../../../workers/engine/explain';
import { modelNetwork, predict, type Prediction } from '../../../workers/engine/predict';
import type { WeightsFile } from '../../../workers/engine/weights-file';
import { preparationFile } from '../../../workers/exports/preparation-file';
import { tfjsFiles } from '../../../workers/exports/tfjs';
import { diabetesModel, exportModels, rawRowsFor } from './models';
import { serveFolder } from './served-folder';

const doc = readFileSync(new URL('../../../docs/export-tfjs.md', import.meta.url), 'utf8');
const example = /## Using it in JavaScript[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)![1];
const EXAMPLE_FOLDER = "'https://example.org/diabetes-model/'";
const TFJS_IMPORT = "from '@tensorflow/tfjs'";
const TFJS_ENTRY = pathToFileURL(createRequire(import.meta.url).resolve('@tensorflow/tfjs')).href;

type Row = Record<string, string | number | null>;
/** The example's two functions, without its import and its last part (which loads and answers one case). */
const { prepare, answer } = new Function(`${example.slice(example.indexOf('\n'), example.indexOf('// Answer one case.'))}\nreturn { prepare, answer };`)() as {
  prepare: (preparation: unknown, row: Row) => number[];
  answer: (preparation: unknown, y: number[]) => Prediction;
};

const byName = (weights: WeightsFile, row: (string | number | null)[]): Row => Object.fromEntries(weights.inputs.map((input, i) => [input.name, row[i]]));

describe('the example in docs/export-tfjs.md', () => {
  it('run by Node as written, against an exported Pima folder, answers as Neuron Studio does', async () => {
    expect(example).toContain(EXAMPLE_FOLDER);
    expect(example).toContain(TFJS_IMPORT);
    const weights = diabetesModel();
    const folder = await serveFolder(tfjsFiles(weights));
    const dir = mkdtempSync(path.join(tmpdir(), 'neuron-example-'));
    try {
      const script = path.join(dir, 'example.mjs');
      writeFileSync(script, example.replace(EXAMPLE_FOLDER, JSON.stringify(folder.url)).replace(TFJS_IMPORT, `from ${JSON.stringify(TFJS_ENTRY)}`));
      const { stdout } = await promisify(execFile)(process.execPath, [script], { timeout: 60_000 });
      const theirs = JSON.parse(stdout.trim().split('\n').pop()!) as { label: string; probability: number };
      const row = new Function(`return ${/const row = (\{.*\});/.exec(example)![1]}`)() as Row;
      const ours = predict(weights, [weights.inputs.map((input) => row[input.name])]).predictions[0] as typeof theirs;
      expect(theirs.label).toBe(ours.label);
      expect(Math.abs(theirs.probability - ours.probability)).toBeLessThan(1e-6);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await folder.close();
    }
  });

  it.each(exportModels())('prepare and answer give the engine\'s encoding and answers: $name', ({ weights }) => {
    const preparation = JSON.parse(JSON.stringify(preparationFile(weights)));
    const rows = rawRowsFor(weights, 200, 3);
    const width = preparation.networkInputs.length;
    const encoded = encodeRows(weights, rows);
    const network = modelNetwork(weights);
    const outputs = new Float64Array(rows.length * network.outputs);
    network.predictInto(encoded, rows.length, outputs);
    const answers = predict(weights, rows).predictions;
    rows.forEach((row, r) => {
      expect(prepare(preparation, byName(weights, row))).toEqual(Array.from(encoded.subarray(r * width, (r + 1) * width)));
      expect(answer(preparation, Array.from(outputs.subarray(r * network.outputs, (r + 1) * network.outputs)))).toEqual(answers[r]);
    });
  });
});
