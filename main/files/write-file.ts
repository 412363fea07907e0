// The one writer of every file the app and the CLI write: every byte written (short writes looped over), fsynced,
// checked, and only then renamed over the target; a failure leaves the target as it was and says why in words.

import fs from 'node:fs/promises';
import path from 'node:path';
import { errnoOf, FileError } from './file-error';
import { removeStaleTemps, STALE_TEMP_MS, tempNameFor } from './temp-files';

/** The part of a file handle the writer uses; node's FileHandle is one. Tests hand in one that fails on purpose. */
export interface WritableHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesWritten: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  sync(): Promise<void>;
  stat(): Promise<{ size: number }>;
  chmod(mode: number): Promise<void>;
  close(): Promise<void>;
}

/** The file system calls the writer makes; node:fs/promises is one. */
export interface WriteFs {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(file: string): Promise<void>;
  link(existing: string, newName: string): Promise<void>;
  lstat(file: string): Promise<{ isFile(): boolean; mode: number; size: number }>;
}

export const nodeFs: WriteFs = fs;

export interface WriteOptions {
  /** what the file is for the person, in "Your … was not changed": 'project file', 'weights file' */
  what?: string;
  /** reads the written bytes back and hands them over; throws if they are not what they should be (e.g. JSON) */
  verify?: (written: Uint8Array) => void;
  fs?: WriteFs;
  staleTempMs?: number;
}

/** A temp file written, fsynced and checked, waiting to be renamed over its target. */
export interface StagedFile {
  readonly target: string;
  readonly temp: string;
  /** rename over the target, fsync the folder; throws FileError (the temp is removed) */
  commit(): Promise<void>;
  /** remove the temp file (nothing else was touched) */
  discard(): Promise<void>;
}

/** One write call writes at most this much: some systems refuse larger ones. */
const CHUNK_BYTES = 64 * 1024 * 1024;

function asBytes(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Why a write failed, and what to do, in words. `existed`: whether a file was there before. */
export function writeFailed(target: string, what: string, existed: boolean, error: unknown): FileError {
  if (error instanceof FileError) return error;
  const code = errnoOf(error);
  const folder = path.dirname(target);
  const [reason, todo, fileCode] =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? ['The disk is full', 'Free some space or choose another folder.', 'disk_full' as const]
      : code === 'EACCES' || code === 'EPERM'
        ? [`Neuron Studio may not write in ${folder} (permission denied)`, 'Choose another folder.', 'no_permission' as const]
        : code === 'ENOENT' || code === 'ENOTDIR'
          ? [`The folder ${folder} does not exist`, 'Choose a folder that exists.', 'no_folder' as const]
          : code === 'EROFS'
            ? ['The disk is read-only', 'Choose another folder.', 'read_only' as const]
            : code === 'ENOTVERIFIED'
              ? ['What was written did not read back the same', 'Try again, or choose another folder.', 'not_verified' as const]
              : [`Writing failed (${code ?? String(error)})`, 'Try again, or choose another folder.', 'write_failed' as const];
  const unchanged = existed ? `Your ${what} was not changed.` : 'No file was written.';
  return new FileError(fileCode, target, `${reason}, so ${target} could not be saved. ${unchanged}`, todo, { cause: error });
}

function failure(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** Writes all of `bytes`: a write may take fewer bytes than asked (a nearly full disk), so it loops until done. */
async function writeAll(handle: WritableHandle, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.byteLength) {
    const length = Math.min(CHUNK_BYTES, bytes.byteLength - written);
    const { bytesWritten } = await handle.write(bytes, written, length, written);
    // a regular file takes no bytes without an error only when there is no room for any
    if (bytesWritten <= 0) throw failure('ENOSPC', `no bytes written at offset ${written}`);
    written += bytesWritten;
  }
}

async function readBack(handle: WritableHandle, size: number): Promise<Uint8Array> {
  const bytes = new Uint8Array(size);
  let filled = 0;
  while (filled < size) {
    const { bytesRead } = await handle.read(bytes, filled, Math.min(CHUNK_BYTES, size - filled), filled);
    if (bytesRead <= 0) break;
    filled += bytesRead;
  }
  return filled === size ? bytes : bytes.subarray(0, filled);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
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

async function existingMode(io: WriteFs, target: string): Promise<number | null> {
  try {
    const stat = await io.lstat(target);
    return stat.isFile() ? stat.mode & 0o7777 : null;
  } catch {
    return null;
  }
}

/** A staged file whose commit renames `temp` over `target`. */
function staged(io: WriteFs, target: string, temp: string, what: string, existed: boolean, staleTempMs: number): StagedFile {
  let done = false;
  return {
    target,
    temp,
    async commit() {
      if (done) return;
      done = true;
      try {
        await io.rename(temp, target);
      } catch (error) {
        await io.unlink(temp).catch(() => undefined);
        throw writeFailed(target, what, existed, error);
      }
      await syncFolder(path.dirname(target));
      await removeStaleTemps(target, staleTempMs);
    },
    async discard() {
      if (done) return;
      done = true;
      await io.unlink(temp).catch(() => undefined);
    },
  };
}

/**
 * Writes `data` to a temp file beside `target` (every byte, then fsync), checks its size (and, with `verify`, reads
 * it back: the same bytes, and whatever `verify` asks), and hands back the staged file to commit. On any failure the
 * temp file is removed, `target` is untouched, and a FileError says why.
 */
export async function stageFile(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<StagedFile> {
  const io = options.fs ?? nodeFs;
  const what = options.what ?? 'file';
  const full = path.resolve(target);
  const bytes = asBytes(data);
  const mode = await existingMode(io, full);
  const temp = tempNameFor(full);
  let handle: WritableHandle | undefined;
  try {
    handle = await io.open(temp, 'wx+', 0o666);
    if (mode !== null) await handle.chmod(mode);
    await writeAll(handle, bytes);
    await handle.sync();
    const { size } = await handle.stat();
    if (size !== bytes.byteLength) {
      throw failure('ENOTVERIFIED', `${size} bytes on disk instead of ${bytes.byteLength}`);
    }
    if (options.verify) {
      const back = await readBack(handle, bytes.byteLength);
      if (!sameBytes(back, bytes)) throw failure('ENOTVERIFIED', 'the bytes read back differ');
      try {
        options.verify(back);
      } catch (error) {
        throw failure('ENOTVERIFIED', `the written file does not check: ${(error as Error).message}`);
      }
    }
    // close can report a failed write too (network disks report late)
    const closing = handle;
    handle = undefined;
    await closing.close();
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await io.unlink(temp).catch(() => undefined);
    throw writeFailed(full, what, mode !== null, error);
  }
  return staged(io, full, temp, what, mode !== null, options.staleTempMs ?? STALE_TEMP_MS);
}

/**
 * A staged copy of `existing` under the name `target`, made as a hard link (no bytes written, so it works on a full
 * disk); where links are not possible, by writing `fallbackBytes` with stageFile.
 */
export async function stageLinkOrCopy(
  existing: string,
  target: string,
  fallbackBytes: () => Promise<Uint8Array>,
  options: WriteOptions = {},
): Promise<StagedFile> {
  const io = options.fs ?? nodeFs;
  const what = options.what ?? 'file';
  const full = path.resolve(target);
  const temp = tempNameFor(full);
  try {
    await io.link(path.resolve(existing), temp);
  } catch {
    // FAT, some network disks, a file system that refuses links: copy the bytes instead
    return stageFile(full, await fallbackBytes(), options);
  }
  const existed = (await existingMode(io, full)) !== null;
  return staged(io, full, temp, what, existed, options.staleTempMs ?? STALE_TEMP_MS);
}

/** Writes `data` to `target` with stageFile, then renames it into place. Throws FileError; `target` is then as before. */
export async function writeFileVerified(target: string, data: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  const file = await stageFile(target, data, options);
  await file.commit();
}

/** For `verify`: the bytes are one JSON document. */
export function mustParseAsJson(written: Uint8Array): void {
  JSON.parse(Buffer.from(written.buffer, written.byteOffset, written.byteLength).toString('utf8'));
}
