// Every CSV we write (the app's predictions, the CLI's --out) shows text that looks like a spreadsheet formula as
// text, and keeps numbers as numbers: checked by reading the written file back through the real importer.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv, cellValue, type Dataset } from '../../workers/data';
import type { Run } from '../../main/contract';
import { csvCell } from '../../main/services/csv-text';
import { predictCsv } from '../../main/services/predictions';
import { ROOT, runCli } from './cli-process';

const INPUT = path.join(ROOT, 'test/fixtures/csv/formula-cells.csv');
const WEIGHTS = path.join(ROOT, 'test/fixtures/weights/binary.json');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-formulas-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readBack(file: string): Promise<{ text: string; data: Dataset }> {
  const text = await readFile(file, 'utf8');
  return { text, data: parseCsv(new TextEncoder().encode(text), path.basename(file), { header: true }) };
}

function column(data: Dataset, name: string): (string | number | null)[] {
  const index = data.columns.findIndex((c) => c.name === name);
  return Array.from({ length: data.rowCount }, (_, r) => cellValue(data, r, index));
}

// regression: a predictions CSV carried "=1+1" and "@cmd" as they were, and a spreadsheet ran them as formulas
function expectFormulasAsText(text: string, data: Dataset): void {
  expect(column(data, 'note')).toEqual(["'=1+1", "'+SUM(A1)", "'-x", "'@cmd", 'plain']);
  expect(column(data, 'x')).toEqual([-3.5, 2, 0, 1, -1]);
  expect(data.columns.find((c) => c.name === 'x')?.numbers).toBeDefined();
  expect(text.split('\n')[1]).toMatch(/^'=1\+1,-3\.5,/);
}

describe('formula-safe CSV', () => {
  it('the app\'s predictions file', async () => {
    const weights = JSON.parse(await readFile(WEIGHTS, 'utf8'));
    const run = { id: 'r1', name: 'Run 1', status: 'completed', weights } as unknown as Run;
    const out = path.join(dir, 'app-predictions.csv');
    const result = await predictCsv(run, INPUT, out);
    expect(result.rows).toBe(5);
    const { text, data } = await readBack(out);
    expectFormulasAsText(text, data);
    expect(column(data, 'predicted answer')).toEqual(['no', 'yes', 'yes', 'yes', 'no']);
  });

  it("the CLI's predict --out", async () => {
    const out = path.join(dir, 'cli-predictions.csv');
    const r = await runCli(['predict', '--weights', WEIGHTS, '--csv', INPUT, '--out', out]);
    expect(r.code).toBe(0);
    const { text, data } = await readBack(out);
    expectFormulasAsText(text, data);
  });

  it('one cell at a time: numbers, missing values, quoting', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('-3.5')).toBe('-3.5');
    expect(csvCell('+7')).toBe('+7');
    expect(csvCell(null)).toBe('');
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a, b')).toBe('"a, b"');
  });
});
