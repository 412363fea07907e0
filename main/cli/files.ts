// The CLI's words about the user's files: an option's name in front of every message about its file, and the path
// as the user typed it (the reading and writing is the services' and main/files').

import path from 'node:path';
import { FileError, withPrefix } from '../files/file-error';

/** `work`'s error about the user's file, if any, with the option's name in front. */
export async function forOption<T>(what: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FileError) throw withPrefix(error, `${what}: `);
    if (error instanceof Error && PREFIXED.has(error.name)) error.message = `${what}: ${error.message}`;
    throw error;
  }
}

// the errors of a file that was read (a FileError is made again, keeping its fields)
const PREFIXED = new Set(['WeightsFileError', 'ProjectFileError', 'ApiError']);

/** The output's path as the user typed it, unless the checks changed it (an extension added, a link followed). */
export function shownPath(given: string, written: string): string {
  return path.resolve(given) === written ? given : written;
}
