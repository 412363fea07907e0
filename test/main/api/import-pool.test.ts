// Big files are parsed in a pool worker: the same table, and the same DataError fields, as parsing in this thread.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/contract';
import { createPoolParser } from '../../../main/services/import-pool';
import { DIABETES, startHarness, tempDir } from './harness';

// every file above 1 kB goes to the worker
const pool = createPoolParser({ aboveBytes: 1000 });
const inWorker = startHarness({ parser: pool.parser });
const inThread = startHarness({ parser: createPoolParser({ aboveBytes: Infinity }).parser });
afterAll(async () => {
  await inWorker.close();
  await inThread.close();
  await pool.close();
});

describe('import in a pool worker', () => {
  it('reads the Pima file to the same table and descriptions', async () => {
    const a = await inWorker.api.dataset.import({ path: DIABETES });
    const b = await inThread.api.dataset.import({ path: DIABETES });
    expect({ ...a, importSeconds: 0 }).toEqual({ ...b, importSeconds: 0 });
    expect(await inWorker.api.dataset.rows({ start: 0, count: 768 })).toEqual(await inThread.api.dataset.rows({ start: 0, count: 768 }));
    expect(await inWorker.api.dataset.describe()).toEqual(await inThread.api.dataset.describe());
  });

  it('brings back a DataError with its file, row and hint', async () => {
    const file = path.join(tempDir(), 'long-and-ragged.csv');
    const good = readFileSync(DIABETES, 'utf8').trimEnd().split('\n');
    good.splice(40, 0, '1,2,3'); // file row 41: 3 values where the header has 9
    writeFileSync(file, `${good.join('\n')}\n`);
    const e = (await inWorker.api.dataset.import({ path: file }).catch((x) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.code).toBe('ragged_rows');
    expect(e.file).toBe('long-and-ragged.csv');
    expect(e.row).toBe(41);
    expect(e.hint).toBeTruthy();
  });
});
