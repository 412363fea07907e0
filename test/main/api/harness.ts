// A whole app core over the in-memory pair, in a temporary data folder, with results checked against the contract.

import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { ApiError, type Api } from '../../../main/contract';
import { createCore, type Core, type CoreOptions } from '../../../main/handlers/index';
import { createMemoryClient } from '../../../main/transport/memory';

export const ROOT = path.resolve(__dirname, '../../..');
export const DIABETES = path.join(ROOT, 'datasets', 'diabetes.csv');

export interface Harness {
  api: Api;
  core: Core;
  dir: string;
  logged: unknown[];
  close(): Promise<void>;
}

export function tempDir(prefix = 'ns-api-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function startHarness(options: Partial<CoreOptions> = {}, dir = tempDir()): Harness {
  const logged: unknown[] = [];
  const core = createCore({
    mode: 'web',
    dataDir: path.join(dir, 'app-data'),
    checkResults: true,
    log: (e) => logged.push(e),
    training: { poolOptions: { maxThreads: 2 } },
    ...options,
  });
  return { api: createMemoryClient(core.dispatch, core.hub), core, dir, logged, close: () => core.close() };
}

/** One core for a whole test file: started before its tests, closed after them, and no internal error logged on the
 * way. Read `.h` inside the tests. */
export function useHarness(options: Partial<CoreOptions> = {}): { readonly h: Harness } {
  let current: Harness | undefined;
  beforeAll(() => {
    current = startHarness(options);
  });
  afterAll(async () => {
    await current?.close();
    expect(current?.logged).toEqual([]);
  });
  return {
    get h() {
      if (!current) throw new Error('useHarness: the harness starts in beforeAll');
      return current;
    },
  };
}

/** The error a request was refused with (it must be refused, in the contract's words). */
export async function refusal(work: Promise<unknown>): Promise<ApiError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}
