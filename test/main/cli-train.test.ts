// `train` through the real CLI: the tutorial's Keras recipe on the Pima data, a multi-class and a regression table
// made here, and the bad inputs that must exit 2 with a plain message and write nothing.
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './cli-process';

interface TrainJson {
  epochs: number;
  importSeconds: number;
  trainSeconds: number;
  metrics: Record<string, number>;
  evaluation: { on: string; rows: number; accuracy?: number; r2?: number; mae?: number; baseline: Record<string, unknown> };
  rows: { train: number; validation: number; test: number };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-train-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (file: string) => access(file).then(() => true, () => false);

/** A small seeded generator (mulberry32) so the made-up tables are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('train: the Keras recipe', () => {
  it('reaches at least 0.76 training accuracy on the headerless Pima file (label at position 8, unscaled, seed 7)', async () => {
    const out = path.join(dir, 'pima.json');
    const r = await runCli([
      'train', '--csv', 'datasets/pima-indians-diabetes.csv', '--label', '8', '--layers', '16:relu,8:relu',
      '--init', 'random_uniform', '--optimizer', 'adam', '--l2', '0', '--loss', 'binary_crossentropy', '--epochs', '150',
      '--batch', '10', '--scale', 'none', '--seed', '7', '--out', out, '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = lastJsonLine<TrainJson>(r.stdout);
    expect(json.epochs).toBe(150);
    expect(json.metrics.accuracy).toBeGreaterThanOrEqual(0.76);
    expect(json.evaluation.on).toBe('train');
    expect(json.evaluation.rows).toBe(768);
    expect(json.rows).toEqual({ train: 768, validation: 0, test: 0 });
    // one Keras-like line per epoch, in order, none lost to the progress throttling
    const epochLines = r.stdout.split('\n').filter((line) => line.startsWith('Epoch '));
    expect(epochLines).toHaveLength(150);
    epochLines.forEach((line, i) => expect(line).toMatch(new RegExp(`^Epoch ${i + 1}/150 - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4}$`)));
    expect(r.stdout).toMatch(/Accuracy: \d+\.\d\d% on the 768 training rows/);

    const weights = JSON.parse(await readFile(out, 'utf8'));
    expect(weights.format).toBe('neuron-studio.weights');
    expect(weights.task).toBe('binary');
    expect(weights.inputs).toHaveLength(8);
    expect(weights.layers.map((l: { units: number; activation: string }) => `${l.units}:${l.activation}`)).toEqual([
      '16:relu', '8:relu', '1:sigmoid',
    ]);
    // unscaled: the inputs carry no scale
    expect(weights.inputs.every((i: { scale?: unknown }) => i.scale === undefined)).toBe(true);

    // the weights predict through `predict` (first Pima row: 6,148,72,35,0,33.6,0.627,50)
    const p = await runCli(['predict', '--weights', out, '--input', '6,148,72,35,0,33.6,0.627,50', '--json']);
    expect(p.code).toBe(0);
    const [prediction] = lastJsonLine<{ label: string; probability: number }[]>(p.stdout);
    expect(prediction.probability).toBeGreaterThan(0);
    expect(prediction.probability).toBeLessThan(1);
    expect(prediction.label).toBe(prediction.probability >= 0.5 ? '1' : '0');
    // a headerless CSV predicts too: its columns get the same names ("column 1".."column 8") as in training
    const all = await runCli(['predict', '--weights', out, '--csv', 'datasets/pima-indians-diabetes.csv', '--json']);
    expect(all.code).toBe(0);
    const rows = lastJsonLine<{ label: string; probability: number }[]>(all.stdout);
    expect(rows).toHaveLength(768);
    expect(rows[0]).toEqual(prediction);
  });

  it('with no options at all, trains the recipe on datasets/diabetes.csv and prints its log and accuracy', async () => {
    const r = await runCli(['train']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/diabetes\.csv \(768 rows\)/);
    expect(r.stdout).toMatch(/inputs -> 16 relu -> 8 relu -> output; adam, loss binary_crossentropy, 150 epochs, batch 10, scaling none, seed 7/);
    expect(r.stdout).toMatch(/^Epoch 1\/150 - loss: /m);
    expect(r.stdout).toMatch(/^Epoch 150\/150 - loss: /m);
    expect(r.stdout).toMatch(/^Accuracy: \d+\.\d\d% on the 768 training rows \(always answering "0" scores 65\.10%\)$/m);
  });
});

describe('train: the suggested model', () => {
  // Regression: --csv with no model options trained 300 epochs on every row and over-fitted to 65 % on held-out rows.
  it('holds back validation rows, stops early on them and beats the baseline on held-out Pima rows', async () => {
    const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--label', 'Outcome', '--test', '0.2', '--seed', '4', '--json']);
    expect(r.code).toBe(0);
    const json = lastJsonLine<TrainJson & { stopReason: string; evaluation: { accuracy: number; baseline: { accuracy: number } } }>(r.stdout);
    expect(json.rows.validation).toBeGreaterThan(100);
    expect(json.stopReason).toBe('early_stopping');
    expect(json.evaluation.on).toBe('test');
    expect(json.evaluation.accuracy).toBeGreaterThan(json.evaluation.baseline.accuracy + 0.05);
  });
});

describe('train: help', () => {
  it('--help lists the options and exits 0', async () => {
    const r = await runCli(['train', '--help']);
    expect(r.code).toBe(0);
    for (const option of ['--csv', '--label', '--layers', '--init', '--optimizer', '--lr', '--loss', '--epochs', '--batch', '--validation', '--scale', '--seed', '--out', '--json']) {
      expect(r.stdout).toContain(option);
    }
  });

  it('an unknown command exits 2 and names the three commands', async () => {
    const r = await runCli(['fit']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown command "fit". Use "train", "predict" or "export"/);
  });
});

describe('train: tables the test makes', () => {
  it('learns three string classes from numbers and a categorical column (accuracy well above chance)', async () => {
    const rand = random(11);
    const species = ['alpha', 'beta', 'gamma'];
    const colors = ['red', 'green', 'blue'];
    const lines = ['width,height,color,species'];
    for (let i = 0; i < 300; i++) {
      const k = i % 3;
      // each class sits at its own centre; its colour agrees with the class 70% of the time
      const width = (k - 1) * 2 + (rand() - 0.5) * 2;
      const height = (k === 1 ? 1 : -1) * 1.5 + (rand() - 0.5) * 2;
      const color = rand() < 0.7 ? colors[k] : colors[Math.floor(rand() * 3)];
      lines.push(`${width.toFixed(3)},${height.toFixed(3)},${color},${species[k]}`);
    }
    const csv = path.join(dir, 'species.csv');
    await writeFile(csv, `${lines.join('\n')}\n`);
    const out = path.join(dir, 'species.json');
    const r = await runCli([
      'train', '--csv', csv, '--label', 'species', '--test', '0.2', '--validation', '0.2', '--epochs', '60', '--seed', '3',
      '--out', out, '--json',
    ]);
    expect(r.code).toBe(0);
    const json = lastJsonLine<TrainJson>(r.stdout);
    expect(json.rows).toEqual({ train: 180, validation: 60, test: 60 });
    expect(json.metrics.val_accuracy).toBeGreaterThan(0.33);
    expect(r.stdout).toMatch(/^Epoch 60\/60 - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}$/m);
    expect(json.evaluation.on).toBe('test');
    expect(json.evaluation.accuracy).toBeGreaterThan(0.85); // chance is 0.33
    const weights = JSON.parse(await readFile(out, 'utf8'));
    expect(weights.task).toBe('multiclass');
    expect(weights.output.classes).toEqual(species);
    expect(weights.layers[weights.layers.length - 1]).toMatchObject({ units: 3, activation: 'softmax' });
    const color = weights.inputs.find((i: { name: string }) => i.name === 'color');
    expect(color.kind).toBe('categorical');
    expect([...color.categories].sort()).toEqual(['blue', 'green', 'red']);
  });

  it('fits a smooth function (R² above 0.9 on held-out rows)', async () => {
    const rand = random(5);
    const lines = ['a,b,y'];
    for (let i = 0; i < 500; i++) {
      const a = rand() * 4 - 2;
      const b = rand() * 4 - 2;
      lines.push(`${a.toFixed(4)},${b.toFixed(4)},${(10 + 3 * Math.sin(a) + b * b).toFixed(4)}`);
    }
    const csv = path.join(dir, 'smooth.csv');
    await writeFile(csv, `${lines.join('\n')}\n`);
    const r = await runCli([
      'train', '--csv', csv, '--label', 'y', '--layers', '32:tanh,16:tanh', '--epochs', '200', '--batch', '16',
      '--lr', '0.01', '--test', '0.2', '--validation', '0.1', '--seed', '1', '--json',
    ]);
    expect(r.code).toBe(0);
    const json = lastJsonLine<TrainJson>(r.stdout);
    expect(json.metrics.val_r2).toBeDefined();
    expect(json.evaluation.on).toBe('test');
    expect(json.evaluation.r2).toBeGreaterThan(0.9);
    expect(r.stdout).toMatch(/^Epoch \d+\/200 - loss: [\d.]+ - mae: [\d.]+ - rmse: [\d.]+ - r2: [\d.-]+ - val_loss: /m);
  });
});

describe('train: a run that diverges', () => {
  it('exits 2 with advice on the learning rate and writes nothing', async () => {
    const lines = ['a,y'];
    for (let i = 1; i <= 50; i++) lines.push(`${i * 100},${i * i * 1000}.5`);
    const csv = path.join(dir, 'diverges.csv');
    await writeFile(csv, `${lines.join('\n')}\n`);
    const out = path.join(dir, 'diverges.json');
    const r = await runCli(['train', '--csv', csv, '--label', 'y', '--optimizer', 'sgd', '--lr', '1000000', '--scale', 'none', '--epochs', '50', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Training went wrong in epochs? [\d–]+: the loss (became infinite|stopped being a number|swung far above where it started).*Try a learning rate of 0\.01 \(SGD's usual rate\) instead of 1000000\./);
    expect(r.stderr).toMatch(/No file was written/);
    expect(await exists(out)).toBe(false);
  });
});

describe('train: bad input exits 2 with a plain message and writes nothing', () => {
  const cases: [string, string | Buffer | null, string[], RegExp][] = [
    ['an empty file', '', ['--label', 'y'], /empty/i],
    ['a header only', 'a,b,y\n', ['--label', 'y'], /header|no rows/i],
    ['ragged rows', 'a,b,y\n1,2,0\n3,4\n5,6,1\n', ['--label', 'y'], /row 3/i],
    ['a label with one class', 'a,b,y\n1,2,0\n3,4,0\n5,6,0\n', ['--label', 'y'], /only one value/],
    ['an unknown column', 'a,b,y\n1,2,0\n3,4,1\n5,6,0\n', ['--label', 'outcome'], /no column named "outcome"/],
    ['an unknown feature', 'a,b,y\n1,2,0\n3,4,1\n5,6,0\n', ['--label', 'y', '--features', 'a,c'], /no column named "c"/],
    ['a binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3]), ['--label', 'y'], /not a CSV text file/],
    ['a missing file', null, ['--label', 'y'], /^--csv: There is no file at .*a-missing-file\.csv\.\nCheck the path, or choose the file again\./],
    ['a bad option', 'a,b,y\n1,2,0\n3,4,1\n', ['--label', 'y', '--epoch', '3'], /Unknown option '--epoch'/],
    ['a bad value', 'a,b,y\n1,2,0\n3,4,1\n', ['--label', 'y', '--batch', '0'], /--batch "0" must be a whole number/],
    ['a loss that does not fit', 'a,b,y\n1,2,0.5\n3,4,1.7\n5,6,2.2\n', ['--label', 'y', '--loss', 'binary_crossentropy'], /binary_crossentropy needs a yes\/no label/],
  ];
  it.each(cases)('%s', async (name, content, args, message) => {
    const csv = path.join(dir, `${name.replace(/\W+/g, '-')}.csv`);
    if (content !== null) await writeFile(csv, content);
    const out = path.join(dir, `${name.replace(/\W+/g, '-')}.json`);
    const r = await runCli(['train', '--csv', csv, ...args, '--epochs', '2', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await exists(out)).toBe(false);
  });
});

describe('train: outputs only where the file rule allows', () => {
  // Regression: --out wrote a weights file under any name, a shell script's included.
  it('refuses --out with another extension before training, and leaves the file there untouched', async () => {
    const script = path.join(dir, 'startup.sh');
    await writeFile(script, '#!/bin/sh\n');
    const r = await runCli(['train', '--epochs', '2', '--out', script]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      '--out: Neuron Studio writes weights only to a file whose name ends in .json, and startup.sh does not. Nothing was written.\n' +
        'Choose a name ending in .json.',
    );
    expect(r.stdout).not.toMatch(/Epoch 1/);
    expect(await readFile(script, 'utf8')).toBe('#!/bin/sh\n');
  });

  it('gives --out and --save without an extension their own', async () => {
    const r = await runCli(['train', '--epochs', '1', '--out', path.join(dir, 'bare'), '--save', path.join(dir, 'bare')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Weights written to ${path.join(dir, 'bare.json')}`);
    expect(r.stdout).toContain(`Project saved to ${path.join(dir, 'bare.neuron')}`);
    expect(JSON.parse(await readFile(path.join(dir, 'bare.json'), 'utf8')).format).toBe('neuron-studio.weights');
    expect(await exists(path.join(dir, 'bare'))).toBe(false);
  });
});
