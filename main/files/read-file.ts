// The one reader of the user's files: regular files only, never more than a stated size, never blocking on a pipe.

import { constants, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { errnoOf, FileError } from './file-error';

export type ReadKind = 'table' | 'project' | 'weights' | 'settings';

export interface ReadLimit {
  bytes: number;
  /** the limit as the message states it */
  words: string;
  /** what such a file is, in the message: "the most Neuron Studio reads for a table" */
  what: string;
  /** what to do when a file is too large */
  tooLargeHint: string;
}

const MB = 1000 * 1000;

/**
 * Tables: a typed column per CSV column fits easily; 2 GB is far beyond any table the app trains on in reasonable
 * time. Projects: the whole text goes through JSON.parse, and a string in V8 holds at most about 536 million
 * characters, so 500 MB stays below it. Weights: a few kilobytes for the networks the app builds.
 */
export const READ_LIMITS: Record<ReadKind, ReadLimit> = {
  table: { bytes: 2000 * MB, words: '2 GB', what: 'a table', tooLargeHint: 'Use a smaller file: a sample of the rows, or fewer columns.' },
  project: { bytes: 500 * MB, words: '500 MB', what: 'a project', tooLargeHint: 'Check that this is a Neuron Studio project file.' },
  weights: { bytes: 100 * MB, words: '100 MB', what: 'a weights file', tooLargeHint: 'Check that this is a weights file exported by Neuron Studio.' },
  settings: { bytes: 10 * MB, words: '10 MB', what: 'a settings file', tooLargeHint: 'Move the file away; Neuron Studio starts a new one.' },
};

/** O_NONBLOCK makes opening a FIFO return at once instead of holding a thread until a writer appears. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Bytes read per call: one request never holds a thread for long. */
const CHUNK_BYTES = 16 * 1024 * 1024;

function whatItIs(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

function openFailed(file: string, error: unknown): FileError {
  const code = errnoOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new FileError('not_found', file, `There is no file at ${file}.`, 'Check the path, or choose the file again.', { cause: error });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return new FileError('no_permission', file, `${file} cannot be read (permission denied).`, "Check the file's permissions, or copy it somewhere you can read it.", { cause: error });
  }
  if (code === 'EISDIR') {
    return new FileError('not_a_file', file, `${file} is a folder, not a file.`, 'Choose a file inside it.', { cause: error });
  }
  if (code === 'ENXIO' || code === 'EOPNOTSUPP') {
    return new FileError('not_a_file', file, `${file} is not a file on disk (it is a socket or a device), so it was not read.`, 'Choose a file saved on disk.', { cause: error });
  }
  return new FileError('unreadable', file, `${file} cannot be read (${code ?? String(error)}).`, 'Check the path and try again.', { cause: error });
}

/**
 * The bytes of `file`, as a Uint8Array that owns its whole ArrayBuffer (so it may be handed to a worker). Throws
 * FileError when the file is missing, a folder, a device, a pipe or a socket, or larger than the kind's limit.
 */
export async function readFileBounded(file: string, kind: ReadKind): Promise<Uint8Array> {
  const limit = READ_LIMITS[kind];
  const shown = path.resolve(file);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (error) {
    throw openFailed(shown, error);
  }
  try {
    // fstat on the open file: what was checked is what is read (a path could be swapped between a stat and an open)
    const stat = await handle.stat();
    if (stat.isDirectory()) {
      throw new FileError('not_a_file', shown, `${shown} is a folder, not a file.`, 'Choose a file inside it.');
    }
    if (!stat.isFile()) {
      throw new FileError(
        'not_a_file',
        shown,
        `${shown} is ${whatItIs(stat)}, not a file on disk, so it was not read.`,
        'Choose a file saved on disk.',
      );
    }
    if (stat.size > limit.bytes) {
      throw new FileError(
        'too_large',
        shown,
        `${shown} is larger than ${limit.words}, the most Neuron Studio reads for ${limit.what}.`,
        limit.tooLargeHint,
      );
    }
    // Only the size fstat gave is read: a file still growing is not followed past it.
    const bytes = new Uint8Array(stat.size);
    let filled = 0;
    while (filled < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, filled, Math.min(CHUNK_BYTES, bytes.byteLength - filled), filled);
      if (bytesRead === 0) break; // shrank while read
      filled += bytesRead;
    }
    return filled === bytes.byteLength ? bytes : bytes.slice(0, filled);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw openFailed(shown, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The bytes of `file`, or null when there is no file there; any other problem throws FileError. */
export async function readFileIfPresent(file: string, kind: ReadKind): Promise<Uint8Array | null> {
  try {
    return await readFileBounded(file, kind);
  } catch (error) {
    if (error instanceof FileError && error.code === 'not_found') return null;
    throw error;
  }
}
