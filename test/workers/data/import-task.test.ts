// The import task: called directly, and in a real piscina worker (loaded from TypeScript through tsx), where the
// Dataset comes back with its columns on SharedArrayBuffers and a DataError comes back as a value.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { afterAll, describe, expect, it } from 'vitest';
import importTask, { type ImportTaskOutcome } from '../../../workers/tasks/import-task';
import { DataError } from '../../../workers/data';
import { datasetFile, fixture } from './helpers';

describe('importTask', () => {
  it('returns the Dataset', () => {
    const outcome = importTask({ bytes: datasetFile('diabetes.csv'), fileName: 'diabetes.csv' });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.result.rowCount).toBe(768);
  });

  it('returns a DataError as a value that can be rebuilt', () => {
    const outcome = importTask({ bytes: fixture('ragged.csv'), fileName: 'ragged.csv' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('ragged_rows');
      expect(DataError.fromJSON(outcome.error).row).toBe(31);
    }
  });

  it('passes options through', () => {
    const outcome = importTask({ bytes: fixture('ragged.csv'), fileName: 'ragged.csv', options: { skipBadRows: true } });
    expect(outcome.ok && outcome.result.skippedRows?.count).toBe(3);
  });
});

describe('importTask in a piscina worker', () => {
  const pool = new Piscina({
    filename: path.resolve(__dirname, '../../../workers/tasks/import-task.ts'),
    execArgv: ['--import', pathToFileURL(require.resolve('tsx')).href],
    maxThreads: 1,
  });
  afterAll(() => pool.destroy());

  it('reads Pima off the main thread; the numbers arrive on shared memory', async () => {
    const bytes = datasetFile('diabetes.csv');
    const outcome = (await pool.run({ bytes, fileName: 'diabetes.csv' }, { transferList: [bytes.buffer as ArrayBuffer] })) as ImportTaskOutcome;
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const glucose = outcome.result.columns[1];
    expect(glucose.name).toBe('Glucose');
    expect(glucose.numbers!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(glucose.numbers![0]).toBe(148);
    expect(bytes.byteLength).toBe(0); // transferred, not copied
  });

  it('reports a bad file with its fields intact', async () => {
    const outcome = (await pool.run({ bytes: fixture('header-only.csv'), fileName: 'header-only.csv' })) as ImportTaskOutcome;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'header_only', file: 'header-only.csv', row: 1 } });
  });
});
