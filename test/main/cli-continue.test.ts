// `train --from FILE.json` and `train --project P.neuron --run NAME` through the real CLI: the run goes on where the
// weights left off, weights that do not fit the table exit 2 naming the file and what differs, and `predict --run`
// answers with the run it names.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './cli-process';

let dir = '';
const weights = () => path.join(dir, 'first.json');
const project = () => path.join(dir, 'first.neuron');
/** the loss of each epoch line the first run printed */
let firstLosses: number[] = [];

function losses(stdout: string): number[] {
  return stdout.split('\n').filter((line) => line.startsWith('Epoch ')).map((line) => Number(/loss: (\d+\.\d+)/.exec(line)![1]));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-continue-'));
  const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--label', 'Outcome', '--epochs', '30', '--seed', '3', '--out', weights(), '--save', project()]);
  expect(r.code).toBe(0);
  firstLosses = losses(r.stdout);
  expect(firstLosses).toHaveLength(30);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('train --from', () => {
  it('goes on from the weights file: its first epoch starts at the loss where the first run ended', async () => {
    const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--from', weights(), '--epochs', '5', '--seed', '3', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Going on from ${weights()}: its inputs are prepared (filled, scaled) as they were when it learned.`);
    const next = losses(r.stdout);
    expect(next).toHaveLength(5);
    const [untrained, last] = [firstLosses[0]!, firstLosses.at(-1)!];
    // hand-checked: the first run fell from about 0.6 to about 0.42; one more epoch moves it by a few thousandths
    expect(untrained - last).toBeGreaterThan(0.1);
    expect(Math.abs(next[0]! - last)).toBeLessThan(0.01);
    expect(lastJsonLine<{ continuedFrom: unknown }>(r.stdout).continuedFrom).toEqual({ name: weights() });
  });

  it('exits 2 when the layers given do not fit the weights, naming the file and what differs', async () => {
    const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--from', weights(), '--layers', '32:relu', '--epochs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${weights()} cannot be continued: its network has 16 hidden units and the plan now has 32.\n` +
        'Train a new run instead, or set the model back to the one these weights were trained with.\n',
    );
    expect(r.stdout).not.toMatch(/Epoch 1/);
  });

  it('exits 2 when the table lacks the columns the weights learned from', async () => {
    const other = path.join(dir, 'other.csv');
    await writeFile(other, 'Glucose,BMI,Outcome\n148,33.6,1\n85,26.6,0\n183,23.3,1\n89,28.1,0\n');
    const r = await runCli(['train', '--csv', other, '--from', weights(), '--epochs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(`^${escape(weights())} cannot be continued: it learned from Pregnancies, BloodPressure, SkinThickness, Insulin, DiabetesPedigreeFunction and Age, which ${escape(other)} does not have\\.\\n`),
    );
  });

  it('exits 2 when the task differs', async () => {
    const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--from', weights(), '--task', 'regression', '--epochs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be continued: it predicts Outcome as a yes\/no answer and the plan now predicts it as a number\.\n/);
  });

  it('exits 2 for a file that is not a weights file', async () => {
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, '{"format": 1}');
    const r = await runCli(['train', '--from', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`--from: ${bad}: This is not a Neuron Studio weights file: its "format" is 1, expected "neuron-studio.weights".\n`);
  });
});

describe('train --project --run', () => {
  it('goes on from a run of the project, on its table and plan, and --save keeps both runs', async () => {
    const saved = path.join(dir, 'continued.neuron');
    const r = await runCli(['train', '--project', project(), '--run', 'Run 1', '--epochs', '4', '--save', saved, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Going on from "Run 1" of ${project()} (the weights of its epoch 30).`);
    expect(Math.abs(losses(r.stdout)[0]! - firstLosses.at(-1)!)).toBeLessThan(0.01);
    const file = JSON.parse(readFileSync(saved, 'utf8')) as { runs: { name: string; continuedFrom?: unknown; history: unknown[] }[] };
    expect(file.runs.map((run) => run.name)).toEqual(['Run 1', 'Run 2']);
    expect(file.runs[1]!.continuedFrom).toMatchObject({ name: 'Run 1', epoch: 30 });
    expect(file.runs[1]!.history).toHaveLength(4);

    // predict --run answers with the run it names: the two runs' weights answer differently
    const answer = async (run: string) => {
      const p = await runCli(['predict', '--project', saved, '--run', run, '--input', '6,148,72,35,0,33.6,0.627,50', '--json']);
      expect(p.code).toBe(0);
      return (JSON.parse(p.stdout) as { probability: number }[])[0]!.probability;
    };
    expect(await answer('Run 1')).not.toBe(await answer('Run 2'));
  });

  it('exits 2 naming the runs when the one asked for is not there', async () => {
    const r = await runCli(['train', '--project', project(), '--run', 'Run 9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--project: first.neuron has no run named "Run 9". Its runs are "Run 1".\nGive the name of one of its runs, as the Train screen lists them.\n');
  });

  it('exits 2 for options that would change the project\'s model', async () => {
    const r = await runCli(['train', '--project', project(), '--lr', '0.1', '--layers', '4:relu']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--layers, --lr cannot go with --project: the run goes on with the project's own table and model\./);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
