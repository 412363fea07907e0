// The CLI's predict --out and the app's predict.csv write the same file (headers and values) for the same model and rows.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHarness, type Harness } from './api/harness';
import { runCli } from './cli-process';

let dir = '';
let h: Harness;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-same-predictions-'));
  h = startHarness({}, dir);
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

it('predict --project --csv --out and the app predicting the same run write byte-identical files', async () => {
  // Regression: the CLI wrote its own CSV, headed predicted_Outcome, probability_1 where the app says predicted Outcome.
  const project = path.join(dir, 'pima.neuron');
  const trained = await runCli(['train', '--epochs', '3', '--save', project]);
  expect(trained.code).toBe(0);
  // a few rows with a missing cell, a formula-like text, a decimal and a quoted comma beside the inputs
  const rows = path.join(dir, 'patients.csv');
  const diabetes = (await readFile('datasets/diabetes.csv', 'utf8')).split('\n');
  const header = diabetes[0]!.trim();
  await writeFile(
    rows,
    `note,${header}\n"=1+1",${diabetes[1]}\n"a, b",${diabetes[2]!.replace(/^6,/, ',')}\nplain,${diabetes[3]!.replace(/,0\.\d+,/, ',0.50,')}\n`,
  );

  const fromCli = path.join(dir, 'cli.csv');
  const predicted = await runCli(['predict', '--project', project, '--csv', rows, '--out', fromCli]);
  expect(predicted.code).toBe(0);

  const state = await h.api.project.open({ path: project });
  const fromApp = path.join(dir, 'app.csv');
  await h.api.predict.csv({ runId: state.runs[0]!.id, inputPath: rows, outputPath: fromApp });

  const cliText = await readFile(fromCli, 'utf8');
  expect(cliText.split('\n')[0]).toBe(`note,${header},predicted Outcome,probability of Outcome = 1`);
  expect(cliText.split('\n')).toHaveLength(5);
  expect(await readFile(fromCli)).toEqual(await readFile(fromApp));
}, 120_000);
