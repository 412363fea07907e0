// `train --search` through the real CLI: a quick search on a small XOR table printed as it goes, the winner's weights
// written, the --json line with the winner's settings and its cross-validation; options the search chooses refused.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWeightsFile } from '../../workers/engine/predict';
import { lastJsonLine, runCli, runCliHere } from './cli-process';

interface SearchJson {
  evaluation: { on: string; rows: number; accuracy: number };
  rows: { train: number; validation: number; test: number };
  search: { budget: string; seed: number; status: string; candidates: number; scored: number; seconds: number };
  winner: { id: number; network: string; hidden: { units: number; activation: string }[]; learningRate: number; l2: number; batchSize: number; classWeights: string; weights: number };
  cv: { metric: string; folds: number[]; mean: number; sd: number };
  baseline: { cv: { metric: string; folds: number[]; mean: number; sd: number } };
}

let dir = '';
let table = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-search-'));
  table = path.join(dir, 'xor.csv');
  const lines = ['a,b,y'];
  for (let i = 0; i < 160; i++) {
    const a = Math.sin(i * 12.9898) * 2;
    const b = Math.cos(i * 78.233) * 2;
    lines.push(`${a.toFixed(3)},${b.toFixed(3)},${a * b > 0 ? 1 : 0}`);
  }
  await writeFile(table, `${lines.join('\n')}\n`);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('train --search', () => {
  it('prints the leaderboard as it goes, writes the winner\'s weights and sums it up in JSON', async () => {
    const out = path.join(dir, 'winner.json');
    const r = await runCli(['train', '--csv', table, '--label', 'y', '--search', 'quick', '--seed', '3', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`Training a yes/no classifier for "y" from 2 columns of ${table} (160 rows, 20% for validation and 20% for test).`);
    expect(lines[1]).toMatch(/^Searching for a good network \(quick, about 10 seconds for a table the size of the diabetes example\) on \d+ threads?: 73 candidates, 105 scorings\.$/);
    const scored = lines.filter((line) => line.startsWith('scored #'));
    expect(scored).toHaveLength(105);
    expect(scored.filter((line) => line.startsWith('scored #1 ') && line.includes('[baseline]'))).toHaveLength(3);

    const json = lastJsonLine<SearchJson>(r.stdout);
    expect(json.search).toMatchObject({ budget: 'quick', seed: 3, status: 'done', candidates: 73, scored: 73 });
    expect(json.cv.metric).toBe('accuracy');
    expect(json.cv.folds).toHaveLength(5);
    expect(json.cv.mean).toBeGreaterThan(json.baseline.cv.mean + 0.25);
    expect(Object.keys(json.winner).sort()).toEqual(['batchSize', 'classWeights', 'epochs', 'hidden', 'id', 'l2', 'learningRate', 'network', 'weights']);
    // the test rows (20 % of 160) were kept out of the search and score the retrained winner
    expect(json.rows.test).toBe(32);
    expect(json.evaluation.on).toBe('test');

    const board = lines.slice(lines.findIndex((line) => line.startsWith('Leaderboard (73 of 73 candidates scored')));
    expect(board[1]).toMatch(new RegExp(`^  1\\. +#${json.winner.id} +\\d+\\.\\d % ± \\d+\\.\\d +${escape(json.winner.network)}; `));
    expect(r.stdout).toContain(`Winner: #${json.winner.id} ${json.winner.network}, learning rate ${json.winner.learningRate}`);

    const weights = parseWeightsFile(JSON.parse(await readFile(out, 'utf8')));
    expect(weights.layers.map((l) => l.units)).toEqual([...json.winner.hidden.map((l) => l.units), 1]);
    expect(weights.layers.slice(0, -1).map((l) => l.activation)).toEqual(json.winner.hidden.map((l) => l.activation));
  });

  it('refuses the options a search chooses itself, and budgets it does not know', async () => {
    const withLayers = await runCliHere(['train', '--csv', table, '--label', 'y', '--search', 'quick', '--layers', '4:relu', '--epochs', '5']);
    expect(withLayers.code).toBe(2);
    expect(withLayers.stderr).toBe('--search chooses the layers and how they learn, so --layers, --epochs cannot be given with it. Leave them out, or train without --search.\n');
    const unknown = await runCliHere(['train', '--csv', table, '--label', 'y', '--search', 'fast']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('--search "fast" is not known. Use one of: quick, thorough.\n');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
