// The one rule on where the app and the CLI may write: only names ending in our extensions, only into a folder that
// exists, and never over something that is not a regular file (a folder, a device, a pipe).

import fs from 'node:fs/promises';
import path from 'node:path';
import { FileError } from './file-error';

export type WriteKind = 'project' | 'weights' | 'table' | 'report' | 'onnx' | 'page';

export const WRITE_EXTENSIONS: Record<WriteKind, string> = {
  project: '.neuron', weights: '.json', table: '.csv', report: '.pdf', onnx: '.onnx', page: '.html',
};
const WORDS: Record<WriteKind, string> = {
  project: 'a project', weights: 'weights', table: 'a table', report: 'a report', onnx: 'an ONNX model', page: 'a calculator page',
};

function extensionRule(file: string, kind: WriteKind, shown = file): void {
  const extension = WRITE_EXTENSIONS[kind];
  if (path.extname(file).toLowerCase() === extension) return;
  throw new FileError(
    'wrong_extension',
    shown,
    `Neuron Studio writes ${WORDS[kind]} only to a file whose name ends in ${extension}, and ${path.basename(file)} does not${
      file === shown ? '' : ` (${path.basename(shown)} points to it)`
    }. Nothing was written.`,
    `Choose a name ending in ${extension}.`,
  );
}

/**
 * The full path to write `kind` to, or a FileError saying why not. A name with no extension gets the kind's; any
 * other extension is refused (so a .sh, a .bashrc, a file of another program is never replaced). A symbolic link is
 * followed and its target must pass the same rule.
 */
export async function writeTarget(file: string, kind: WriteKind): Promise<string> {
  let full = path.resolve(file);
  if (path.extname(full) === '') full += WRITE_EXTENSIONS[kind];
  extensionRule(full, kind);

  const folder = path.dirname(full);
  const folderStat = await fs.stat(folder).catch(() => null);
  if (!folderStat?.isDirectory()) {
    throw new FileError('no_folder', full, `The folder ${folder} does not exist, so ${path.basename(full)} was not written.`, 'Choose a folder that exists.');
  }

  const here = await fs.lstat(full).catch(() => null);
  if (!here) return full;
  let real = full;
  if (here.isSymbolicLink()) {
    real = await fs.realpath(full).catch(() => full);
    if (real !== full) extensionRule(real, kind, full);
  }
  const stat = real === full && !here.isSymbolicLink() ? here : await fs.stat(real).catch(() => null);
  if (stat && !stat.isFile()) {
    const what = stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a pipe' : stat.isSocket() ? 'a socket' : 'a device';
    throw new FileError(
      'other_kind',
      full,
      `${full} is ${what}, not a file, so Neuron Studio does not write over it. Nothing was written.`,
      'Choose another name.',
    );
  }
  return real;
}
