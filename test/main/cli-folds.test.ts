// `train --folds K --workers N` through the real CLI: K models scored on rows they never saw, a line for each as it
// ends, the mean and spread in figures and words, the JSON's "cv"; bad counts and tables too small are refused.
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pricesCsv } from '../e2e/made-up-tables';
import { lastJsonLine, runCli } from './cli-process';

interface FoldsJson {
  evaluation: { on: string; rows: number; accuracy?: number };
  cv: { metric: string; folds: number[]; mean: number; sd: number };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-folds-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + (x - mean(xs)) ** 2, 0) / (xs.length - 1));

describe('train --folds', () => {
  it('cross-validates the Pima plan over 5 folds on 2 threads: a line per fold, the mean ± sd, and "cv" last in the JSON', async () => {
    const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--label', 'Outcome', '--folds', '5', '--workers', '2', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = lastJsonLine<FoldsJson>(r.stdout);
    expect(Object.keys(json).at(-1)).toBe('cv');
    expect(Object.keys(json.cv)).toEqual(['metric', 'folds', 'mean', 'sd']);
    expect(json.cv.metric).toBe('accuracy');
    expect(json.cv.folds).toHaveLength(5);
    expect(json.cv.mean).toBeCloseTo(mean(json.cv.folds), 12);
    expect(json.cv.sd).toBeCloseTo(sd(json.cv.folds), 12);
    // well above always answering "no" (65 %), below perfect
    expect(json.cv.mean).toBeGreaterThan(0.7);
    expect(json.cv.mean).toBeLessThan(0.85);

    expect(r.stdout).toMatch(/^Cross-validation: 5 more models beside the run, 2 trainings at a time \(--workers\)\.$/m);
    // each fold's line says the score the JSON holds for it, every fold once
    const lines = [...r.stdout.matchAll(/^Fold (\d)\/5: accuracy (\d\.\d{4})$/gm)];
    expect(lines.map((m) => Number(m[1])).sort()).toEqual([1, 2, 3, 4, 5]);
    for (const [, fold, score] of lines) expect(Number(score)).toBeCloseTo(json.cv.folds[Number(fold) - 1]!, 4);
    expect(r.stdout).toContain(`Cross-validation: accuracy ${json.cv.mean.toFixed(4)} ± ${json.cv.sd.toFixed(4)} over 5 folds (mean ± sd)`);
    const percent = (x: number) => `${Math.round(x * 100)} %`;
    expect(r.stdout).toContain(
      `Over 5 folds: ${percent(json.cv.mean)} on average, from ${percent(Math.min(...json.cv.folds))} to ${percent(Math.max(...json.cv.folds))}`,
    );
    // the run's own score, with its Wilson range (the run is trained as without --folds)
    expect(json.evaluation.on).toBe('validation');
    expect(r.stdout).toMatch(new RegExp(`^Accuracy ${percent(json.evaluation.accuracy!)} \\(likely between \\d+ % and \\d+ %\\) on 154 rows$`, 'm'));
  });

  it('with --workers 1 trains one model at a time, and the same seed gives the same folds', async () => {
    const args = ['train', '--csv', 'datasets/diabetes.csv', '--label', 'Outcome', '--layers', 'none', '--epochs', '20', '--folds', '3', '--json'];
    const [one, two] = await Promise.all([runCli([...args, '--workers', '1']), runCli([...args, '--workers', '2'])]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/3 more models beside the run, 1 training at a time/);
    expect(lastJsonLine<FoldsJson>(one.stdout).cv).toEqual(lastJsonLine<FoldsJson>(two.stdout).cv);
  });

  it('scores a number to predict by R² over the folds', async () => {
    const csv = path.join(dir, 'prices.csv');
    await writeFile(csv, pricesCsv());
    const r = await runCli(['train', '--csv', csv, '--label', 'price', '--folds', '3', '--json']);
    expect(r.code).toBe(0);
    const json = lastJsonLine<FoldsJson>(r.stdout);
    expect(json.cv.metric).toBe('r2');
    expect(json.cv.folds).toHaveLength(3);
    expect(r.stdout).toMatch(/^Fold [123]\/3: r2 -?\d\.\d{4}$/m);
    expect(r.stdout).toMatch(/^Over 3 folds: R² -?\d\.\d\d on average/m);
  });

  it.each([
    [['--folds', '1'], /^--folds "1" must be a whole number from 2 to 100: the parts cross-validation splits the rows into, e\.g\. --folds 5\.$/m],
    [['--folds', 'five'], /^--folds "five" is not a number/m],
    [['--workers', '0'], /^--workers "0" must be a whole number from 1 to 256: how many trainings run at once/m],
  ])('refuses %j with a plain message and exit 2', async (extra, message) => {
    const r = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--label', 'Outcome', ...(extra as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\bat \w+ \(|\.ts:\d+/);
    expect(r.stdout).toBe('');
  });

  it('refuses more folds than the table has rows for, names the file, and writes no weights', async () => {
    const csv = path.join(dir, 'tiny.csv');
    await writeFile(csv, 'a,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n');
    const out = path.join(dir, 'tiny.json');
    const r = await runCli(['train', '--csv', csv, '--label', 'y', '--epochs', '5', '--folds', '5', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/5 folds of .*tiny\.csv would leave a fold with 1 row to score\.\nUse fewer folds/);
    expect(r.stderr).not.toMatch(/\bat \w+ \(|\.ts:\d+/);
    await expect(access(out)).rejects.toThrow();
  });
});

describe('train: how sure the score is', () => {
  it('says a small test set may be far off, and how to get a steadier figure', async () => {
    // 300 rows, 15 % for testing: 45 test rows
    const csv = path.join(dir, 'prices-small-test.csv');
    await writeFile(csv, pricesCsv());
    const r = await runCli(['train', '--csv', csv, '--label', 'price', '--test', '0.15', '--json']);
    expect(r.code).toBe(0);
    expect(lastJsonLine<FoldsJson>(r.stdout).evaluation).toMatchObject({ on: 'test', rows: 45 });
    expect(r.stdout).toMatch(/^R² \d\.\d\d \(likely between -?\d\.\d\d and \d\.\d\d\) on 45 rows$/m);
    expect(r.stdout).toMatch(
      /^Only 45 rows were kept for testing; the score could easily be \d\.\d\d off\. Cross-validation gives a steadier figure\. Add --folds 5 to see it\.$/m,
    );
  });
});
