// The CLI's names for the one reader and writer (main/files): an option's name in front of every message about its
// file, and the output checked before a long run so it does not end in a refused write.

import path from 'node:path';
import { FileError, withPrefix } from '../files/file-error';
import { readFileBounded, type ReadKind } from '../files/read-file';
import { writeFileVerified, mustParseAsJson } from '../files/write-file';
import { writeTarget, type WriteKind } from '../files/write-target';

/** `work`'s FileError, if any, with the option's name in front. */
export async function forOption<T>(what: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw error instanceof FileError ? withPrefix(error, `${what}: `) : error;
  }
}

/** The file's bytes, or a FileError saying why not. `what` names the option, e.g. "--csv". */
export function readInputFile(file: string, what: string, kind: ReadKind): Promise<Uint8Array> {
  return forOption(what, readFileBounded(file, kind));
}

/** The path the output will be written to (a name without extension gets the kind's), or a FileError saying why not. */
export function checkOutputPath(file: string, what: string, kind: WriteKind): Promise<string> {
  return forOption(what, writeTarget(file, kind));
}

/** Writes an output file with the checked writer (JSON outputs are read back and parsed before they replace anything). */
export function writeOutputFile(file: string, text: string, what: string, kind: WriteKind): Promise<void> {
  const words = kind === 'weights' ? 'weights file' : kind === 'table' ? 'predictions file' : 'project file';
  return forOption(what, writeFileVerified(file, text, { what: words, verify: kind === 'weights' ? mustParseAsJson : undefined }));
}

/** The output's path as the user typed it, unless the checks changed it (an extension added, a link followed). */
export function shownPath(given: string, written: string): string {
  return path.resolve(given) === written ? given : written;
}
