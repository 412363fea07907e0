// Big CSVs are parsed in a pool worker (workers/tasks/import-task.ts), so a 40 MB file never blocks the window or the
// browser-mode server; small ones are parsed at once in this thread, where a worker's start-up would cost more.

import path from 'node:path';
import type { Piscina } from 'piscina';
import { DataError } from '../../workers/data/errors';
import type { ImportTaskInput, ImportTaskOutcome } from '../../workers/tasks/import-task';
import { createPool } from './pool';
import { parseInThisThread, type CsvParser } from './datasets';

export const DEFAULT_IMPORT_WORKER = path.resolve(__dirname, '..', '..', 'workers', 'tasks', 'import-task.ts');
/** above this many bytes a file goes to the worker */
export const WORKER_ABOVE_BYTES = 4 * 1024 * 1024;

export interface PoolParser {
  parser: CsvParser;
  close(): Promise<void>;
}

export function createPoolParser(options: { workerFile?: string; aboveBytes?: number } = {}): PoolParser {
  let pool: Piscina | null = null;
  const aboveBytes = options.aboveBytes ?? WORKER_ABOVE_BYTES;
  const parser: CsvParser = async (bytes, fileName, parse) => {
    if (bytes.byteLength <= aboveBytes) return parseInThisThread(bytes, fileName, parse);
    // one thread is enough: imports are one at a time, and training keeps the other cores
    pool ??= createPool({ workerFile: options.workerFile ?? DEFAULT_IMPORT_WORKER, maxThreads: 1 });
    const input: ImportTaskInput = { bytes, fileName, options: { header: parse.header, skipBadRows: parse.skipBadRows } };
    const outcome = (await pool.run(input)) as ImportTaskOutcome;
    if (!outcome.ok) throw DataError.fromJSON(outcome.error);
    return outcome.result;
  };
  return {
    parser,
    async close() {
      await pool?.destroy();
      pool = null;
    },
  };
}
