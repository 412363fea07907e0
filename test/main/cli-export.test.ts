// `npm run export` through the real CLI: every format from a weights file and from a project's run, each answering
// as `predict` does (ONNX checked by onnxruntime itself), and every bad input refused with exit 2 and nothing written.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './cli-process';

let dir = '';
const at = (name: string) => path.join(dir, name);
const INPUTS = ['Pregnancies', 'Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI', 'DiabetesPedigreeFunction', 'Age'];
// Insulin 0 is "not measured" in this table: the exported models must fill it as the app does
const PATIENT = [2, 160, 70, 30, 0, 33, 0.5, 25];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-export-'));
  const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--label', 'Outcome', '--epochs', '20', '--seed', '5', '--out', at('w.json'), '--save', at('p.neuron')]);
  expect(r.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function predicted(): Promise<{ label: string; probability: number }> {
  const r = await runCli(['predict', '--weights', at('w.json'), '--input', PATIENT.join(','), '--json']);
  expect(r.code).toBe(0);
  return lastJsonLine<{ label: string; probability: number }[]>(r.stdout)[0]!;
}

async function onnxAnswer(file: string, precision: 32 | 64): Promise<{ label: string; probability: number }> {
  const session = await ort.InferenceSession.create(readFileSync(file));
  const feeds: Record<string, ort.Tensor> = {};
  INPUTS.forEach((name, i) => {
    feeds[name] = new ort.Tensor(precision === 64 ? 'float64' : 'float32', precision === 64 ? Float64Array.of(PATIENT[i]!) : Float32Array.of(PATIENT[i]!), [1, 1]);
  });
  const out = await session.run(feeds);
  return { label: String(out.label!.data[0]), probability: Number(out.probability!.data[0]) };
}

describe('export from a weights file', () => {
  it('writes an ONNX model that onnxruntime answers with as predict does, in 32 and 64 bits', async () => {
    const want = await predicted();
    const r = await runCli(['export', '--weights', at('w.json'), '--onnx', at('m32.onnx')]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`ONNX model saved to ${at('m32.onnx')}.`);
    const got32 = await onnxAnswer(at('m32.onnx'), 32);
    expect(got32.label).toBe(want.label);
    expect(Math.abs(got32.probability - want.probability)).toBeLessThan(1e-5);

    const r64 = await runCli(['export', '--weights', at('w.json'), '--onnx', at('m64'), '--precision', '64']);
    expect(r64.code).toBe(0);
    // a name without an ending gets the format's
    const got64 = await onnxAnswer(at('m64.onnx'), 64);
    expect(Math.abs(got64.probability - want.probability)).toBeLessThan(1e-12);
  });

  it('writes the TensorFlow.js folder and the calculator page (with --background for its "why")', async () => {
    const r = await runCli(['export', '--weights', at('w.json'), '--tfjs', at('tfjs'), '--html', at('page.html'), '--background', 'datasets/diabetes.csv']);
    expect(r.stderr).toContain('docs/export-tfjs.md');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      `TensorFlow.js model saved in the folder ${at('tfjs')} (model.json, weights.bin, preparation.json).`,
      `Calculator page saved to ${at('page.html')}: open it in any browser, no network needed.`,
    ]);
    expect(readdirSync(at('tfjs')).sort()).toEqual(['model.json', 'preparation.json', 'weights.bin']);
    const manifest = JSON.parse(readFileSync(at('tfjs/model.json'), 'utf8')).weightsManifest[0];
    const floats = manifest.weights.reduce((n: number, w: { shape: number[] }) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    expect(readFileSync(at('tfjs/weights.bin')).byteLength).toBe(floats * 4);
    const page = readFileSync(at('page.html'), 'utf8');
    for (const input of INPUTS) expect(page).toContain(`name="${input}"`);

    // an earlier export's folder is written over; its files are replaced, not added to
    const again = await runCli(['export', '--weights', at('w.json'), '--tfjs', at('tfjs')]);
    expect(again.code).toBe(0);
    expect(readdirSync(at('tfjs')).sort()).toEqual(['model.json', 'preparation.json', 'weights.bin']);
  });
});

describe('export from a project', () => {
  it("writes its run's weights, the same as train --out wrote", async () => {
    const r = await runCli(['export', '--project', at('p.neuron'), '--out', at('again.json'), '--html', at('run.html')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(at('again.json'), 'utf8'))).toEqual(JSON.parse(readFileSync(at('w.json'), 'utf8')));
    // the page is titled after the project's run and names the table it learned from
    const page = readFileSync(at('run.html'), 'utf8');
    expect(page).toContain('diabetes.csv');
    expect(page).toMatch(/Run 1/);
  });
});

describe('bad input: exit 2, a message, nothing written', () => {
  const refused = async (args: string[], message: RegExp) => {
    const before = readdirSync(dir).sort();
    const r = await runCli(['export', ...args]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(before);
  };

  it('without a model, with two, or with nothing to export', async () => {
    await refused(['--onnx', at('x.onnx')], /Give the model with --weights FILE\.json or --project FILE\.neuron/);
    await refused(['--weights', at('w.json'), '--project', at('p.neuron'), '--onnx', at('x.onnx')], /one of the two/);
    await refused(['--weights', at('w.json')], /Say what to export: --tfjs FOLDER/);
    await refused(['--weights', at('w.json'), '--onnx', at('x.onnx'), '--precision', '16'], /--precision is 32 or 64/);
    await refused(['--weights', at('missing.json'), '--onnx', at('x.onnx')], /^--weights: /);
  });

  it('a calculator page from weights alone without --background says why it needs one', async () => {
    await refused(['--weights', at('w.json'), '--html', at('x.html')], /--html with --weights needs --background FILE\.csv/);
    await refused(['--weights', at('w.json'), '--onnx', at('x.onnx'), '--background', 'datasets/diabetes.csv'], /--background goes with --html/);
  });

  it('never writes over a file of another kind, nor into a folder of other files', async () => {
    writeFileSync(at('notes.txt'), 'mine');
    await refused(['--weights', at('w.json'), '--onnx', at('notes.txt')], /writes an ONNX model only to a file whose name ends in \.onnx, and notes\.txt does not/);
    expect(readFileSync(at('notes.txt'), 'utf8')).toBe('mine');
    mkdirSync(at('photos'));
    writeFileSync(at('photos/holiday.jpg'), 'jpeg');
    await refused(['--weights', at('w.json'), '--tfjs', at('photos')], /already holds other files \(holiday\.jpg\), so the TensorFlow\.js model was not written there/);
    expect(readdirSync(at('photos'))).toEqual(['holiday.jpg']);
  });

  it('refuses a model 32-bit numbers cannot hold, naming the weight, and exports it in 64 bits', async () => {
    const model = JSON.parse(readFileSync(at('w.json'), 'utf8'));
    model.layers[0].kernel[1][2] = 1e39;
    writeFileSync(at('huge.json'), JSON.stringify(model));
    await refused(['--weights', at('huge.json'), '--onnx', at('huge.onnx')], /layer 1's weight from input 2 to unit 3 \(1e\+39\).*Nothing was written/);
    await refused(['--weights', at('huge.json'), '--tfjs', at('huge-tfjs')], /TensorFlow\.js stores numbers in 32 bits/);
    expect(existsSync(at('huge-tfjs'))).toBe(false);
    const r = await runCli(['export', '--weights', at('huge.json'), '--onnx', at('huge64.onnx'), '--precision', '64']);
    expect(r.code).toBe(0);
  });
});
