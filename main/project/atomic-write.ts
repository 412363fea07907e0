// Writing a file so a crash leaves either the old or the new bytes (write-file-atomic: temp file, fsync, rename),
// and clearing the temp files that a killed process left behind.

import fs from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/**
 * A temp file older than this is taken as left behind by a process that died mid-save. A live save rewrites its temp
 * file within a second or two (one write, one fsync), so 10 s leaves room for slow disks; if another process's save
 * were ever slower, its rename would fail and it would report "not saved" with the old file intact: nothing is lost.
 */
export const STALE_TEMP_MS = 10_000;

export interface AtomicWriteOptions {
  /** how old a left-behind temp file must be before it is removed (default STALE_TEMP_MS) */
  staleTempMs?: number;
}

/** write-file-atomic names its temp file `<target>.<murmurhash>`: a 32-bit number in decimal. */
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
      const stat = await fs.stat(temp);
      if (!stat.isFile() || now - stat.mtimeMs < staleTempMs) continue;
      await fs.unlink(temp);
      removed += 1;
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

/**
 * The rename is only durable once the folder itself is flushed (a kill cannot undo it, a power cut can). Folders
 * cannot be opened for this on Windows; there the rename is left to the file system.
 */
async function syncFolder(dir: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // not supported here
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Writes `data` to `target` atomically (temp file beside it, fsync, rename, fsync of the folder), then clears stale
 * temps of `target`.
 * write-file-atomic queues writes to the same path within this process.
 */
export async function writeAtomic(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  await writeFileAtomic(target, typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength), {
    fsync: true,
  });
  await syncFolder(path.dirname(path.resolve(target)));
  await removeStaleTemps(target, options.staleTempMs);
}
