// The write rule for an export that is a folder of files (TensorFlow.js: model.json, weights.bin, preparation.json):
// a new folder inside one that exists, or a folder holding nothing but an earlier export of the same files, so a
// person's own folder is never filled or overwritten by mistake; then every file staged and checked before any is
// put in place.

import fs from 'node:fs/promises';
import path from 'node:path';
import { FileError } from './file-error';
import { stageFile, type StagedFile, type WriteOptions } from './write-file';

/** Left by an earlier write of ours (a temp file `model.json.123`) or by the system (.DS_Store): never in the way. */
function ignorable(entry: string, names: readonly string[]): boolean {
  return entry.startsWith('.') || names.some((name) => entry.startsWith(`${name}.`) && /^\d+$/.test(entry.slice(name.length + 1)));
}

/**
 * The full path of the folder to write `names` into, made if missing (`made`); or a FileError saying why not, before
 * anything is written. `what` names the export for the messages ("the TensorFlow.js model").
 */
export async function folderTarget(dir: string, names: readonly string[], what: string): Promise<{ path: string; made: boolean }> {
  const full = path.resolve(dir);
  const parent = path.dirname(full);
  if (!(await fs.stat(parent).catch(() => null))?.isDirectory()) {
    throw new FileError('no_folder', full, `The folder ${parent} does not exist, so ${what} was not written.`, 'Choose a folder that exists.');
  }
  const here = await fs.stat(full).catch(() => null);
  if (!here) {
    await fs.mkdir(full).catch((error: NodeJS.ErrnoException) => {
      // made by someone else in the meantime: checked below like any existing folder
      if (error.code !== 'EEXIST') throw new FileError('write_failed', full, `The folder ${full} could not be made (${error.code ?? error.message}), so ${what} was not written.`, 'Choose another place.');
    });
    return { path: full, made: true };
  }
  if (!here.isDirectory()) {
    throw new FileError('other_kind', full, `${full} is a file, not a folder: ${what} is a folder of files, so Neuron Studio does not write over it. Nothing was written.`, 'Choose a new folder name.');
  }
  const others = (await fs.readdir(full)).filter((entry) => !names.includes(entry) && !ignorable(entry, names));
  if (others.length > 0) {
    const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
    throw new FileError(
      'other_kind',
      full,
      `The folder ${full} already holds other files (${shown}), so ${what} was not written there: its files (${names.join(', ')}) could be mistaken for them or replace them.`,
      'Choose a new folder name, or an empty folder.',
    );
  }
  return { path: full, made: false };
}

/**
 * Writes every file into the folder `dir` (by folderTarget's rule) and gives its full path: all staged and checked
 * first, so a full disk leaves an earlier export as it was, and a folder made for this write is taken away again.
 */
export async function writeFolderVerified(
  dir: string,
  files: readonly { name: string; bytes: Uint8Array }[],
  what: string,
  options: (name: string) => WriteOptions,
): Promise<string> {
  const folder = await folderTarget(dir, files.map((f) => f.name), what);
  const staged: StagedFile[] = [];
  try {
    for (const file of files) staged.push(await stageFile(path.join(folder.path, file.name), file.bytes, options(file.name)));
  } catch (error) {
    await Promise.all(staged.map((s) => s.discard().catch(() => undefined)));
    if (folder.made) await fs.rmdir(folder.path).catch(() => undefined);
    throw error;
  }
  for (const file of staged) await file.commit();
  return folder.path;
}
