// Saving a project: validate, keep the previous file as NAME.neuron.bak, then replace the file atomically.
// A kill at any moment leaves a file that opens (old or new) and a .bak that opens.

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeAtomic, type AtomicWriteOptions } from './atomic-write';
import { issueInWords, ProjectFileError, shownName } from './errors';
import { datasetBytesOrProblem } from './open';
import { ProjectFileSchema, type ParseOptions, type ProjectDataset, type ProjectFile } from './schema';

/** CSVs larger than this are stored gzip'd (base64); smaller ones as plain text, readable in the file. */
export const GZIP_ABOVE_BYTES = 256 * 1024;

/** The CSV's bytes as they go into the project file. */
export function encodeDataset(
  bytes: Uint8Array,
  fileName: string,
  originalPath: string | null,
  parse: ParseOptions,
): ProjectDataset {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string | null = null;
  if (bytes.byteLength <= GZIP_ABOVE_BYTES) {
    try {
      // ignoreBOM keeps a leading byte-order mark in the text, so the bytes come back identical
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      text = null; // not UTF-8 (e.g. Latin-1): stored as bytes
    }
  }
  const content =
    text !== null
      ? { encoding: 'utf8' as const, data: text, sha256, bytes: bytes.byteLength }
      : { encoding: 'gzip-base64' as const, data: gzipSync(bytes).toString('base64'), sha256, bytes: bytes.byteLength };
  return { fileName, originalPath, parse: { ...parse }, content };
}

export function backupPath(file: string): string {
  return `${file}.bak`;
}

/** Dataset contents already checked against their checksum (the same object is saved again and again). */
const checkedContents = new WeakSet<object>();

/** One chain of saves per file, so two saves of the same file never interleave (bak of one, file of the other). */
const queues = new Map<string, Promise<void>>();

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeWithBackup(file: string, text: string, options: AtomicWriteOptions): Promise<void> {
  const previous = await readIfExists(file);
  // Saving unchanged bytes again must not overwrite the .bak with them: it would lose the version before.
  if (previous && !previous.equals(Buffer.from(text, 'utf8'))) {
    await writeAtomic(backupPath(file), previous, options);
  }
  await writeAtomic(file, text, options);
}

function writeFailed(file: string, error: unknown): ProjectFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'ENOENT'
          ? `the folder ${path.dirname(file)} does not exist`
          : code === 'EROFS'
            ? 'the disk is read-only'
            : code ?? String(error);
  return new ProjectFileError(
    'write_failed',
    file,
    `${shownName(file)} could not be saved (${reason}). The file on disk was not changed; try Save As… another folder.`,
    { cause: error },
  );
}

/**
 * Validates `project`, then saves it to `file` (previous file copied to `file.bak` first, both written atomically).
 * Writes exactly what is given (savedAt included): set savedAt before calling. Saves to the same file queue.
 * Throws ProjectFileError: 'invalid' (nothing written) or 'write_failed'.
 */
export async function saveProject(file: string, project: ProjectFile, options: AtomicWriteOptions = {}): Promise<void> {
  // Checked and turned into text now, so later changes to `project` cannot reach a save still waiting in the queue.
  const parsed = ProjectFileSchema.safeParse(project);
  if (!parsed.success) {
    throw new ProjectFileError(
      'invalid',
      file,
      `${shownName(file)} was not saved: ${issueInWords(parsed.error.issues[0], project)}. The file on disk was not changed.`,
    );
  }
  // A dataset whose bytes do not match their checksum would make a file that refuses to open: refuse to write it.
  const dataset = parsed.data.dataset;
  if (dataset && !checkedContents.has(project.dataset!.content)) {
    const problem = datasetBytesOrProblem(dataset);
    if (typeof problem === 'string') {
      throw new ProjectFileError('invalid', file, `${shownName(file)} was not saved: ${problem}. The file on disk was not changed.`);
    }
    checkedContents.add(project.dataset!.content);
  }
  const text = JSON.stringify(parsed.data);

  const key = path.resolve(file);
  const job = (queues.get(key) ?? Promise.resolve())
    .catch(() => undefined) // an earlier failed save does not block this one
    .then(() => writeWithBackup(key, text, options));
  queues.set(key, job);
  try {
    await job;
  } catch (error) {
    throw error instanceof ProjectFileError ? error : writeFailed(file, error);
  } finally {
    if (queues.get(key) === job) queues.delete(key);
  }
}
