// Opening a `.neuron` file: read, recognise, migrate, validate; every failure is a ProjectFileError in plain words.
// Nothing here writes to disk: a file that cannot be opened is left exactly as it was.

import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { FileError } from '../files/file-error';
import { readFileBounded } from '../files/read-file';
import { WEIGHTS_FORMAT } from '../../workers/engine/weights-file';
import { issueInWords, ProjectFileError, shownName } from './errors';
import { migrate, OLDEST_READABLE_VERSION } from './migrate';
import { projectWeightsProblem } from './run-weights';
import { PROJECT_FORMAT, PROJECT_VERSION, ProjectFileSchema, type ProjectDataset, type ProjectFile } from './schema';

const NOT_CHANGED = 'It was not changed.';

/** The reader's words for a project file that cannot be read, as a ProjectFileError. */
export function projectReadFailed(file: string, error: unknown): ProjectFileError {
  if (!(error instanceof FileError)) {
    return new ProjectFileError('unreadable', file, `${shownName(file)} could not be read (${String(error)}). ${NOT_CHANGED}`, { cause: error });
  }
  if (error.code === 'not_found') {
    return new ProjectFileError('not_found', file, `${error.message} It may have been moved, renamed or deleted.`, { cause: error, hint: error.hint });
  }
  return new ProjectFileError('unreadable', file, `${error.message} ${NOT_CHANGED}`, { cause: error, hint: error.hint });
}

/** A sentence pointing at the .bak copy, when there is one. */
async function backupHint(file: string): Promise<string> {
  if (file.toLowerCase().endsWith('.bak')) return '';
  try {
    const stat = await fs.stat(`${file}.bak`);
    if (stat.isFile()) return ` The previous save is kept in ${shownName(file)}.bak: open that instead.`;
  } catch {
    // no backup
  }
  return '';
}

/**
 * True when `text` is the start of JSON that was cut off: every bracket and string opened so far is still open and
 * nothing before the end was wrong. A JSON error elsewhere (a stray character, a wrong bracket) is not truncation.
 */
export function looksCutOff(text: string): boolean {
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') closers.push('}');
    else if (c === '[') closers.push(']');
    else if (c === '}' || c === ']') {
      if (closers.pop() !== c) return false;
      if (closers.length === 0) return false; // the top level closed: whatever is wrong is not a missing end
    }
  }
  return inString || closers.length > 0;
}

export interface OpenOptions {
  /**
   * Unpack the embedded CSV and check it against its checksum now (the default), rather than later on the Data
   * screen. predict --project, which needs only a run's weights, leaves the data packed.
   */
  checkDataset?: boolean;
}

/** Turns the text of a file into a validated project at the current version, or throws ProjectFileError. */
export async function projectFromText(text: string, file: string, byteLength: number, options: OpenOptions = {}): Promise<ProjectFile> {
  const name = shownName(file);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    const start = body.trimStart();
    if ((start.startsWith('{') || start.startsWith('[')) && looksCutOff(start)) {
      throw new ProjectFileError(
        'truncated',
        file,
        `${name} is cut off: its ${byteLength} bytes end in the middle of the project, probably because a save was ` +
          `interrupted. ${NOT_CHANGED}${await backupHint(file)}`,
      );
    }
    throw new ProjectFileError('not_json', file, `${name} is not a Neuron Studio project (it is not JSON). ${NOT_CHANGED}`);
  }

  return projectFromJson(json, file, options);
}

/** Recognises, migrates and validates parsed JSON as a project at the current version, or throws ProjectFileError. */
export async function projectFromJson(json: unknown, file: string, options: OpenOptions = {}): Promise<ProjectFile> {
  const name = shownName(file);
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const what = Array.isArray(json) ? 'a list' : json === null ? 'null' : `a single ${typeof json}`;
    throw new ProjectFileError(
      'wrong_format',
      file,
      `${name} is not a Neuron Studio project (it is JSON, but ${what}, not a project). ${NOT_CHANGED}`,
    );
  }
  const record = json as Record<string, unknown>;

  if (record.format !== PROJECT_FORMAT) {
    const message =
      record.format === WEIGHTS_FORMAT
        ? `${name} is a Neuron Studio weights file (a trained model exported from a run), not a project. ` +
          `Open a .neuron project instead, or use this file to make predictions. ${NOT_CHANGED}`
        : typeof record.format === 'string'
          ? `${name} is not a Neuron Studio project (its format is "${record.format}"). ${NOT_CHANGED}`
          : `${name} is not a Neuron Studio project (it is JSON, but has no "format": "${PROJECT_FORMAT}"). ${NOT_CHANGED}`;
    throw new ProjectFileError('wrong_format', file, message);
  }

  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new ProjectFileError(
      'invalid',
      file,
      `${name} could not be opened: its "version" should be a whole number but is ${JSON.stringify(version) ?? 'missing'}. ` +
        `${NOT_CHANGED}${await backupHint(file)}`,
    );
  }
  if (version > PROJECT_VERSION) {
    throw new ProjectFileError(
      'newer_version',
      file,
      `${name} was saved by a newer Neuron Studio (version ${version}); update the app to open it. ` +
        `This version reads project files up to version ${PROJECT_VERSION}. ${NOT_CHANGED}`,
    );
  }
  if (version < OLDEST_READABLE_VERSION) {
    throw new ProjectFileError(
      'invalid',
      file,
      `${name} could not be opened: it says it is version ${version}, which no Neuron Studio ever wrote. ${NOT_CHANGED}`,
    );
  }

  const current = migrate(record);
  const parsed = ProjectFileSchema.safeParse(current);
  if (!parsed.success) {
    throw new ProjectFileError(
      'invalid',
      file,
      `${name} could not be opened. ${issueInWords(parsed.error.issues[0], current)}. ` +
        `The file may have been edited by hand or by another program. ${NOT_CHANGED}${await backupHint(file)}`,
    );
  }
  const project = parsed.data;
  const weightsProblem = projectWeightsProblem(project);
  if (weightsProblem) {
    const backup = await backupHint(file);
    throw new ProjectFileError(
      'invalid',
      file,
      `${name} could not be opened: ${weightsProblem.replace(/\.$/, '')}. ` +
        `The file may have been edited by hand or by another program. ${NOT_CHANGED}` +
        (backup || ' To go on, import the table again and train a new model.'),
    );
  }
  if (project.dataset && options.checkDataset !== false) decodeDataset(project, file);
  return project;
}

/** Opens and checks a project file. Throws ProjectFileError; never writes. */
export async function openProject(file: string, options: OpenOptions = {}): Promise<ProjectFile> {
  const name = shownName(file);
  let bytes: Buffer;
  try {
    const read = await readFileBounded(file, 'project');
    bytes = Buffer.from(read.buffer, read.byteOffset, read.byteLength);
  } catch (error) {
    throw projectReadFailed(file, error);
  }

  if (bytes.length === 0) {
    throw new ProjectFileError(
      'truncated',
      file,
      `${name} is empty (0 bytes), probably because a save was interrupted. ${NOT_CHANGED}${await backupHint(file)}`,
    );
  }
  // A NUL byte never appears in JSON text: this is an image, an archive, a database...
  if (bytes.includes(0)) {
    throw new ProjectFileError(
      'not_json',
      file,
      `${name} is not a Neuron Studio project (it is not a text file: it was saved in another program's own format). ${NOT_CHANGED}`,
    );
  }
  return projectFromText(bytes.toString('utf8'), file, bytes.length, options);
}

/**
 * The largest CSV a project holds: a dropped file travels to browser mode in one message of at most this size, and
 * it is about the longest text Node can make of it (512 MiB). Also the unpacking limit of files that declare no size.
 */
export const MAX_STORED_CSV_BYTES = 512 * 1024 * 1024;

const MEGABYTE = 1024 * 1024;

/** The CSV's bytes from a stored dataset, or why they cannot be had (in words). Never unpacks past its size. */
export function datasetBytesOrProblem(dataset: ProjectDataset): Uint8Array | string {
  const { encoding, data, sha256, bytes: declared } = dataset.content;
  const damaged = (why: string) => `the copy of ${dataset.fileName} inside it is damaged (${why})`;
  if (declared !== undefined && declared > MAX_STORED_CSV_BYTES) {
    return `the copy of ${dataset.fileName} inside it says it is ${Math.round(declared / MEGABYTE)} MB, more than the ` +
      `${MAX_STORED_CSV_BYTES / MEGABYTE} MB a project can hold`;
  }
  let bytes: Buffer;
  if (encoding === 'utf8') {
    bytes = Buffer.from(data, 'utf8');
  } else {
    const limit = declared ?? MAX_STORED_CSV_BYTES;
    try {
      bytes = gunzipSync(Buffer.from(data, 'base64'), { maxOutputLength: Math.max(1, limit) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') return damaged('its compressed data cannot be unpacked');
      return damaged(
        declared !== undefined
          ? `its compressed data unpacks to more than the ${declared} bytes it says it holds`
          : `its compressed data unpacks to more than ${MAX_STORED_CSV_BYTES / MEGABYTE} MB, more than a project can hold`,
      );
    }
  }
  if (declared !== undefined && bytes.byteLength !== declared) {
    return damaged(`it holds ${bytes.byteLength} bytes but says it holds ${declared}`);
  }
  if (createHash('sha256').update(bytes).digest('hex') !== sha256) return damaged('its checksum does not match');
  // A plain Uint8Array that owns its whole ArrayBuffer: small Buffers share Node's pool, which must never be
  // transferred to a worker or written through.
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? new Uint8Array(bytes.buffer, 0, bytes.byteLength)
    : new Uint8Array(bytes);
}

/** The CSV's own bytes, checked against the stored sha256. Throws ProjectFileError ('invalid') if they differ. */
export function decodeDataset(project: ProjectFile, file: string = `${project.name}.neuron`): Uint8Array {
  if (!project.dataset) throw new ProjectFileError('invalid', file, `${shownName(file)} has no dataset yet: import a CSV first.`);
  const result = datasetBytesOrProblem(project.dataset);
  if (typeof result === 'string') {
    throw new ProjectFileError('invalid', file, `${shownName(file)} could not be opened: ${result}. ${NOT_CHANGED}`);
  }
  return result;
}
