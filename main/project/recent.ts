// The recent projects list: the last ten opened or saved, newest first, kept in a small JSON file.

import fs from 'node:fs/promises';
import path from 'node:path';
import { readFileBounded } from '../files/read-file';
import { mustParseAsJson, writeFileVerified } from '../files/write-file';
import { projectName } from './new-project';

export const RECENT_FORMAT = 'neuron-studio.recent';
export const RECENT_LIMIT = 10;

export interface RecentProject {
  path: string;
  name: string;
  /** false when the file has been moved or deleted since: shown greyed, not dropped */
  exists: boolean;
}

export interface RecentList {
  list(): Promise<RecentProject[]>;
  /** puts `file` first (once), keeps the newest ten */
  add(file: string): Promise<RecentProject[]>;
  remove(file: string): Promise<RecentProject[]>;
}

// The same file spelled twice is one entry; Windows and macOS paths are usually case-insensitive.
function sameFile(a: string, b: string): boolean {
  return process.platform === 'linux' ? a === b : a.toLowerCase() === b.toLowerCase();
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.stat(file)).isFile();
  } catch {
    return false;
  }
}

export function createRecentList(storeFile: string, limit = RECENT_LIMIT): RecentList {
  let chain: Promise<unknown> = Promise.resolve();
  /** one operation at a time, so two quick adds cannot lose one another */
  function serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = chain.then(operation, operation);
    chain = result.catch(() => undefined);
    return result;
  }

  async function readPaths(): Promise<{ paths: string[]; damaged: Buffer | null }> {
    let bytes: Buffer;
    try {
      const read = await readFileBounded(storeFile, 'settings');
      bytes = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
    } catch {
      return { paths: [], damaged: null };
    }
    try {
      const body = JSON.parse(bytes.toString('utf8')) as { format?: unknown; projects?: unknown };
      if (body.format !== RECENT_FORMAT || !Array.isArray(body.projects)) throw new Error('not a recent list');
      const paths = body.projects.filter((p): p is string => typeof p === 'string');
      return { paths, damaged: null };
    } catch {
      return { paths: [], damaged: bytes };
    }
  }

  async function describe(paths: string[]): Promise<RecentProject[]> {
    return Promise.all(paths.map(async (p) => ({ path: p, name: projectName(p), exists: await isFile(p) })));
  }

  async function update(change: (paths: string[]) => string[]): Promise<RecentProject[]> {
    const { paths, damaged } = await readPaths();
    // A damaged list is kept aside rather than overwritten without a trace.
    if (damaged) await writeFileVerified(`${storeFile}.damaged`, damaged, { what: 'damaged list' });
    const next = change(paths).slice(0, limit);
    await fs.mkdir(path.dirname(storeFile), { recursive: true });
    await writeFileVerified(storeFile, JSON.stringify({ format: RECENT_FORMAT, version: 1, projects: next }, null, 2), {
      what: 'list of recent files',
      verify: mustParseAsJson,
    });
    return describe(next);
  }

  return {
    list: () => serial(async () => describe((await readPaths()).paths.slice(0, limit))),
    add: (file) =>
      serial(() =>
        update((paths) => {
          const full = path.resolve(file);
          return [full, ...paths.filter((p) => !sameFile(p, full))];
        }),
      ),
    remove: (file) =>
      serial(() =>
        update((paths) => {
          const full = path.resolve(file);
          return paths.filter((p) => !sameFile(p, full));
        }),
      ),
  };
}
