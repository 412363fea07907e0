// Reading the user's files and writing ours: plain messages for missing or unreadable files, and outputs written
// atomically (a temporary file renamed over the target) so a failed run never leaves a half-written file.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { UsageError } from './errors';

/** The file's bytes, or a UsageError saying why it cannot be read. `what` names the option, e.g. "--csv". */
export async function readInputFile(file: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new UsageError(`${what}: the file ${file} does not exist (looked in ${path.resolve(file)}). Check the path.`);
    }
    if (code === 'EISDIR') throw new UsageError(`${what}: ${file} is a folder, not a file. Give the path of a file.`);
    if (code === 'EACCES' || code === 'EPERM') {
      throw new UsageError(`${what}: ${file} cannot be read (permission denied). Check the file's permissions.`);
    }
    throw new UsageError(`${what}: ${file} cannot be read (${(error as Error).message}).`);
  }
}

/** Check early that an output can be written where asked, so a long run does not end in a failed write. */
export async function checkOutputPath(file: string, what: string): Promise<void> {
  const { stat } = await import('node:fs/promises');
  const folder = path.dirname(path.resolve(file));
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) throw new Error('not a folder');
  } catch {
    throw new UsageError(`${what}: the folder ${folder} does not exist. Create it or choose another path.`);
  }
  try {
    if ((await stat(file)).isDirectory()) throw new UsageError(`${what}: ${file} is a folder. Give a file name.`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
  }
}

/** Write the whole file atomically. */
export async function writeOutputFile(file: string, text: string): Promise<void> {
  await writeFileAtomic(file, text, { encoding: 'utf8' });
}
