// The temp files a save writes beside its target (`<target>.<number>`), and clearing those a killed process left.

import { randomInt } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * A temp file older than this is taken as left behind by a process that died mid-save. A live save rewrites its temp
 * file within a second or two (one write, one fsync), so 10 s leaves room for slow disks; if another process's save
 * were ever slower, its rename would fail and it would report "not saved" with the old file intact: nothing is lost.
 */
export const STALE_TEMP_MS = 10_000;

/** A fresh temp name beside `target`: `<target>.<a 32-bit number in decimal>` (the form write-file-atomic used). */
export function tempNameFor(target: string): string {
  return `${target}.${randomInt(0, 2 ** 32 - 1)}`;
}

function isTempName(target: string, candidate: string): boolean {
  const base = path.basename(target);
  if (!candidate.startsWith(`${base}.`)) return false;
  const suffix = candidate.slice(base.length + 1);
  return /^\d{1,10}$/.test(suffix) && Number(suffix) <= 0xffffffff;
}

/** Temp files of `target` in its folder (full paths), e.g. to show what a killed save left. */
export async function tempFilesOf(target: string): Promise<string[]> {
  const dir = path.dirname(path.resolve(target));
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  return names.filter((name) => isTempName(target, name)).map((name) => path.join(dir, name));
}

/** Removes `target`'s temp files older than staleTempMs; returns how many were removed. Errors are ignored. */
export async function removeStaleTemps(target: string, staleTempMs = STALE_TEMP_MS): Promise<number> {
  let removed = 0;
  const now = Date.now();
  for (const temp of await tempFilesOf(target)) {
    try {
      const stat = await fs.lstat(temp);
      if (!stat.isFile() || now - stat.mtimeMs < staleTempMs) continue;
      await fs.unlink(temp);
      removed += 1;
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}
