// The CLI's two kinds of failure: the user's input (exit 2, a plain message saying what and where and what to do)
// and our own fault (exit 1).

/** Bad arguments or bad input the user can fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const EXIT_OK = 0;
export const EXIT_OUR_FAULT = 1;
export const EXIT_BAD_INPUT = 2;

// Errors thrown by the data, engine, project and file modules for input the user gave us (a full disk included: the
// user can fix it, it is not our fault). Matched by name so the CLI does not need to know which file each class
// lives in.
const INPUT_ERROR_NAMES = new Set(['UsageError', 'DataError', 'PlanError', 'WeightsFileError', 'ProjectFileError', 'FileError']);

export function isInputError(error: unknown): boolean {
  return error instanceof Error && INPUT_ERROR_NAMES.has(error.name);
}

/** The text shown for an error: its message, with a hint line when the error carries one. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const hint = (error as { hint?: unknown }).hint;
  if (typeof hint === 'string' && hint && !error.message.includes(hint)) return `${error.message}\n${hint}`;
  return error.message;
}
