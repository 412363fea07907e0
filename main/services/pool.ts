// The one piscina pool that runs training (and other heavy) tasks off the main thread.

import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';

export interface PoolOptions {
  /** the worker entry; defaults to workers/tasks/train-task.ts (the Electron build passes its built .js via ?modulePath) */
  workerFile?: string;
  /** defaults to loading TypeScript through tsx when workerFile is a .ts file, nothing otherwise */
  execArgv?: string[];
  /** defaults to the number of cores */
  maxThreads?: number;
  /** called with errors the pool itself raises (not a task's own failure, which rejects that task) */
  onError?: (error: Error) => void;
}

/** The train task's source, found from this file's place in the tree (main/services/ -> workers/). */
export const DEFAULT_WORKER_FILE = path.resolve(__dirname, '..', '..', 'workers', 'tasks', 'train-task.ts');

/** Worker flags that let a .ts entry load; tsx is resolved to an absolute URL so the cwd does not matter. */
export function execArgvFor(workerFile: string): string[] {
  if (!/\.[cm]?ts$/.test(workerFile)) return [];
  return ['--import', pathToFileURL(require.resolve('tsx')).href];
}

export function createPool(options: PoolOptions = {}): Piscina {
  const workerFile = path.resolve(options.workerFile ?? DEFAULT_WORKER_FILE);
  const maxThreads = Math.max(1, options.maxThreads ?? os.availableParallelism());
  const pool = new Piscina({
    filename: workerFile,
    execArgv: options.execArgv ?? execArgvFor(workerFile),
    maxThreads,
    minThreads: 0,
    // A finished run's thread stays a while for the next run, then leaves so an idle app holds no threads.
    idleTimeout: 30_000,
  });
  const onError =
    options.onError ??
    ((error: Error) => {
      console.error(`Neuron Studio worker pool: ${error.message}`);
    });
  pool.on('error', onError);
  return pool;
}
