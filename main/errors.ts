// Turns anything a handler throws into the contract's plain-words error object; stacks stay in the log.

import { withoutHint } from '../workers/data/errors';
import { ApiError, type ErrorInfo } from './contract';

/** Fields a DataError (workers/data) or ProjectFileError (main/project) carries; read structurally. */
interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  file?: unknown;
  row?: unknown;
  column?: unknown;
  hint?: unknown;
}

const NODE_FILE_ERRORS: Record<string, string> = {
  ENOENT: 'There is no file at this path',
  EACCES: 'This file cannot be opened: permission denied',
  EPERM: 'This file cannot be opened: permission denied',
  EISDIR: 'This path is a folder, not a file',
  ENOTDIR: 'A part of this path is not a folder',
  EEXIST: 'A file already exists at this path',
  ENOSPC: 'The disk is full',
  EROFS: 'This place is read-only',
};

/** A user-facing error of our own making. */
export function userError(code: string, message: string, extra: Omit<ErrorInfo, 'code' | 'message'> = {}): ApiError {
  return new ApiError({ code, message, ...extra });
}

export function toErrorInfo(error: unknown, log: (error: unknown) => void = defaultLog): ErrorInfo {
  if (error instanceof ApiError) return error.toInfo();
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike & { path?: unknown };
  // Our own error classes (DataError, ProjectFileError, ...) already speak plain words.
  if (typeof e.name === 'string' && OWN_ERRORS.has(e.name) && typeof e.message === 'string' && e.message) {
    const info: ErrorInfo = { code: typeof e.code === 'string' ? e.code : codeFromName(e.name), message: withoutHint(e.message, e.hint) };
    if (typeof e.file === 'string') info.file = e.file;
    if (typeof e.row === 'number') info.row = e.row;
    if (typeof e.column === 'string') info.column = e.column;
    else if (typeof e.column === 'number') info.column = String(e.column);
    if (typeof e.hint === 'string') info.hint = e.hint;
    return info;
  }
  const nodeCode = typeof e.code === 'string' ? e.code : '';
  if (NODE_FILE_ERRORS[nodeCode]) {
    const file = typeof e.path === 'string' ? e.path : undefined;
    return {
      code: 'io',
      message: `${NODE_FILE_ERRORS[nodeCode]}${file ? `: ${file}` : ''}.`,
      ...(file ? { file } : {}),
      hint: 'Check the path and try again.',
    };
  }
  log(error);
  return {
    code: 'internal',
    message: 'Something went wrong inside Neuron Studio; your work is unchanged.',
    hint: 'Try again; if it keeps happening, save your project and restart the app.',
  };
}

const OWN_ERRORS = new Set(['DataError', 'ProjectFileError', 'PlanError', 'WeightsFileError', 'FileError']);

function codeFromName(name: string): string {
  if (name === 'ProjectFileError') return 'project_file';
  if (name === 'DataError') return 'data_error';
  return 'error';
}

function defaultLog(error: unknown): void {
  console.error('[neuron-studio] unexpected error in a request:', error);
}
