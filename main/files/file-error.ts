// FileError: why one of the user's files could not be read or written, in plain words, with what to do next.

export type FileErrorCode =
  // reading
  | 'not_found'
  | 'not_a_file'
  | 'too_large'
  | 'no_permission'
  | 'unreadable'
  // writing
  | 'disk_full'
  | 'no_folder'
  | 'read_only'
  | 'not_verified'
  | 'write_failed'
  // the "may we write here" rule
  | 'wrong_extension'
  | 'other_kind';

/** Read structurally by the transports (name 'FileError'), like DataError and ProjectFileError. */
export class FileError extends Error {
  readonly code: FileErrorCode;
  /** the full path of the file concerned */
  readonly file: string;
  readonly hint: string;
  constructor(code: FileErrorCode, file: string, message: string, hint: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FileError';
    this.code = code;
    this.file = file;
    this.hint = hint;
  }
}

/** The same error with words in front, e.g. the CLI's "--csv: ". */
export function withPrefix(error: FileError, prefix: string): FileError {
  return new FileError(error.code, error.file, `${prefix}${error.message}`, error.hint, { cause: error.cause });
}

export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
