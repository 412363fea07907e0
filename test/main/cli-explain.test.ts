// `predict --explain` through the real CLI: with --project the answers are explained against the run's own training
// rows, the JSON rows carry "base" and "contributions" adding up to the answer, the text says what moved it most;
// with --weights the rows come from --background, and without them it exits 2 saying so.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './cli-process';

let dir = '';
const weights = () => path.join(dir, 'model.json');
const project = () => path.join(dir, 'diabetes.neuron');
const PATIENT = '2,160,70,30,0,33,0.5,25';
const INPUTS = ['Pregnancies', 'Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI', 'DiabetesPedigreeFunction', 'Age'];

interface ExplainedRow {
  label: string;
  probability: number;
  base: number;
  contributions: Record<string, number>;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-explain-'));
  const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--label', 'Outcome', '--epochs', '30', '--seed', '3', '--out', weights(), '--save', project()]);
  expect(r.code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function addsUp(row: ExplainedRow): void {
  expect(Object.keys(row.contributions)).toEqual(INPUTS);
  const sum = Object.values(row.contributions).reduce((a, b) => a + b, 0);
  expect(sum).toBeCloseTo(row.probability - row.base, 9);
}

describe('predict --explain with --project', () => {
  it("adds base and contributions to each JSON row, against the run's training rows", async () => {
    const plain = await runCli(['predict', '--project', project(), '--input', PATIENT, '--json']);
    const r = await runCli(['predict', '--project', project(), '--input', PATIENT, '--explain', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [row] = lastJsonLine<ExplainedRow[]>(r.stdout);
    // the answer itself is the plain prediction's
    expect(lastJsonLine<unknown[]>(plain.stdout)).toEqual([{ label: row!.label, probability: row!.probability }]);
    addsUp(row!);
    // the average chance over the training rows is near the share of diabetes among them (35 %)
    expect(row!.base).toBeGreaterThan(0.2);
    expect(row!.base).toBeLessThan(0.5);
    expect(row!.contributions.Glucose).toBeGreaterThan(0.05);
  });

  it('says in the text what moved the answer most, under its line', async () => {
    const r = await runCli(['predict', '--project', project(), '--input', PATIENT, '--explain']);
    expect(r.code).toBe(0);
    const [answer, why, ...rest] = r.stdout.trimEnd().split('\n');
    expect(answer).toMatch(/^[01] \(probability of 1: 0\.\d{4}\)$/);
    expect(why).toMatch(/^ {2}Glucose 160 raised the chance most \(\+\d+ points\); .+, compared with the average answer of \d+ % over the training rows\.$/);
    expect(rest).toEqual([]);
  });

  it('explains every row of a CSV, in order', async () => {
    const csv = path.join(dir, 'patients.csv');
    await writeFile(csv, `${INPUTS.join(',')}\n${PATIENT}\n1,85,66,29,0,26.6,0.351,31\n8,183,64,0,0,23.3,0.672,32\n`);
    const r = await runCli(['predict', '--project', project(), '--csv', csv, '--explain', '--json']);
    expect(r.code).toBe(0);
    const rows = lastJsonLine<ExplainedRow[]>(r.stdout);
    expect(rows).toHaveLength(3);
    rows.forEach(addsUp);
    // the same background for every row: one average answer
    expect(new Set(rows.map((x) => x.base)).size).toBe(1);
    expect(rows[1]!.probability).toBeLessThan(rows[0]!.probability);
  });
});

describe('predict --explain with --weights', () => {
  it('exits 2 without --background, saying what to give', async () => {
    const r = await runCli(['predict', '--weights', weights(), '--input', PATIENT, '--explain']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      '--explain with --weights needs --background FILE.csv: rows like the ones the model learned from (its training CSV, say), ' +
        'because each answer is explained against the average answer over them, and a weights file holds no rows. ' +
        "Or give --project FILE.neuron instead of --weights: its run's own training rows are used.",
    );
  });

  it('explains against 100 rows of --background, and says so', async () => {
    const r = await runCli(['predict', '--weights', weights(), '--background', 'datasets/diabetes.csv', '--input', PATIENT, '--explain']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(/, compared with the average answer of \d+ % over 100 rows of datasets\/diabetes\.csv\.$/);
    const json = await runCli(['predict', '--weights', weights(), '--background', 'datasets/diabetes.csv', '--input', PATIENT, '--explain', '--json']);
    addsUp(lastJsonLine<ExplainedRow[]>(json.stdout)[0]!);
  });

  it('exits 2 for a background that lacks an input, naming the file and the column', async () => {
    const r = await runCli(['predict', '--weights', weights(), '--background', 'test/fixtures/csv/string-labels.csv', '--input', PATIENT, '--explain']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^test\/fixtures\/csv\/string-labels\.csv has no column "Pregnancies", "Glucose", .*"Age", which the model needs\./);
  });

  it('refuses --background without --explain, and with --project', async () => {
    const alone = await runCli(['predict', '--weights', weights(), '--background', 'datasets/diabetes.csv', '--input', PATIENT]);
    expect(alone.code).toBe(2);
    expect(alone.stderr.trim()).toBe('--background goes with --explain: it gives the rows the answers are explained against. Add --explain, or leave out --background.');
    const both = await runCli(['predict', '--project', project(), '--background', 'datasets/diabetes.csv', '--input', PATIENT, '--explain']);
    expect(both.code).toBe(2);
    expect(both.stderr.trim()).toBe("--background cannot go with --project: the run's own training rows are what its answers are explained against. Leave out --background.");
  });
});
