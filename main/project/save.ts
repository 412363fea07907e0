// Saving a project: validate, write and check the new file, keep the previous one as NAME.neuron.bak, then replace.
// A kill at any moment leaves a file that opens (old or new) and a .bak that opens; a failed save changes neither.

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileBounded } from '../files/read-file';
import { stageFile, stageLinkOrCopy, writeFailed, type StagedFile, type WriteFs } from '../files/write-file';
import { writeTarget } from '../files/write-target';
import { issueInWords, ProjectFileError, shownName } from './errors';
import { datasetBytesOrProblem } from './open';
import { PROJECT_FORMAT, ProjectFileSchema, type ParseOptions, type ProjectDataset, type ProjectFile } from './schema';

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

export interface SaveOptions {
  /** the file system calls (tests inject short writes and full disks) */
  fs?: WriteFs;
  staleTempMs?: number;
}

/** For the writer: a project's temp file must parse as a project before it replaces anything. */
function mustBeProjectJson(written: Uint8Array): void {
  const json = JSON.parse(Buffer.from(written.buffer, written.byteOffset, written.byteLength).toString('utf8')) as { format?: unknown };
  if (json?.format !== PROJECT_FORMAT) throw new Error('it is not a project');
}

async function sameAsOnDisk(file: string, bytes: Buffer): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile() || stat.size !== bytes.byteLength) return false;
  const previous = await readFileBounded(file, 'project');
  return Buffer.from(previous.buffer, previous.byteOffset, previous.byteLength).equals(bytes);
}

/**
 * The new file is written and checked, and the previous one staged as the next .bak (a hard link: no bytes, so it
 * works on a full disk; or a checked copy), before anything is renamed. So a failure leaves the file and its .bak as
 * they were, and a kill at any moment leaves both opening (old or new).
 */
async function writeWithBackup(file: string, text: string, options: SaveOptions): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  const writeOptions = { what: 'project file', fs: options.fs, staleTempMs: options.staleTempMs };
  const next = await stageFile(file, bytes, { ...writeOptions, verify: mustBeProjectJson });
  let backup: StagedFile | null = null;
  try {
    // Saving unchanged bytes again must not overwrite the .bak with them: it would lose the version before.
    const previousExists = await fs.stat(file).then((s) => s.isFile(), () => false);
    if (previousExists && !(await sameAsOnDisk(file, bytes))) {
      backup = await stageLinkOrCopy(file, backupPath(file), () => readFileBounded(file, 'project'), writeOptions);
    }
    await next.commit();
  } catch (error) {
    await backup?.discard();
    await next.discard();
    throw writeFailed(file, 'project file', true, error);
  }
  // The project is saved now. Should this rename fail (it is in the same folder as the one that just worked), the
  // .bak keeps the version before: still a good file, so the save is not reported as failed.
  await backup?.commit().catch(() => undefined);
}

/**
 * Validates `project`, then saves it to `file` (the previous file kept as `file.bak`), every byte checked before it
 * replaces anything. Writes exactly what is given (savedAt included): set savedAt before calling. Saves to the same
 * file queue. Throws ProjectFileError 'invalid' (nothing written), or FileError (the name is refused, or the write
 * failed: the file and its .bak are as they were).
 */
export async function saveProject(file: string, project: ProjectFile, options: SaveOptions = {}): Promise<void> {
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

  // Queued at once (no await before), so saves of one file run in the order they were asked for.
  const key = path.resolve(file);
  const job = (queues.get(key) ?? Promise.resolve())
    .catch(() => undefined) // an earlier failed save does not block this one
    .then(async () => writeWithBackup(await writeTarget(key, 'project'), text, options));
  queues.set(key, job);
  try {
    await job;
  } finally {
    if (queues.get(key) === job) queues.delete(key);
  }
}
