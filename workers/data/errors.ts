// DataError: a problem with the user's file or choices, told in plain words (file, row, column, what to do).
// It crosses the worker boundary and the api as plain JSON (toJSON / fromJSON), never as a stack trace.

export type DataErrorCode =
  | 'empty_file'
  | 'header_only'
  | 'ragged_rows'
  | 'unclosed_quote'
  | 'number_too_big'
  | 'too_many_columns'
  | 'binary_file'
  | 'not_utf8'
  | 'single_class'
  | 'no_features'
  | 'unknown_column'
  | 'no_rows'
  | 'label_not_numeric';

export interface DataErrorInfo {
  code: DataErrorCode;
  message: string;
  file: string;
  /** the file's line as a person sees it in an editor or spreadsheet: 1-based, the header is row 1 */
  row?: number;
  /** the column's name as the user knows it */
  column?: string;
  /** what to do next, in one sentence */
  hint: string;
}

export class DataError extends Error {
  readonly code: DataErrorCode;
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly hint: string;

  constructor(info: Omit<DataErrorInfo, 'message'> & { message: string }) {
    super(info.message);
    this.name = 'DataError';
    this.code = info.code;
    this.file = info.file;
    if (info.row !== undefined) this.row = info.row;
    if (info.column !== undefined) this.column = info.column;
    this.hint = info.hint;
  }

  toJSON(): DataErrorInfo {
    const info: DataErrorInfo = { code: this.code, message: this.message, file: this.file, hint: this.hint };
    if (this.row !== undefined) info.row = this.row;
    if (this.column !== undefined) info.column = this.column;
    return info;
  }

  static fromJSON(info: DataErrorInfo): DataError {
    return new DataError(info);
  }
}

/** A cell or header as quoted in a message: a 20 MB header or a 400-digit number by its start and its length. */
export function shortened(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max / 2)}… (${text.length} characters)`;
}

/** The usual way to make one: the message is what went wrong followed by what to do. */
export function dataError(
  code: DataErrorCode,
  file: string,
  what: string,
  hint: string,
  where: { row?: number; column?: string } = {},
): DataError {
  return new DataError({ code, file, message: `${what} ${hint}`, hint, ...where });
}

/**
 * The message without the hint it ends with. Our errors' messages say what went wrong and then what to do; an
 * ErrorInfo (the api's errors, a failed run) carries the two apart, so a face that shows both says the hint once.
 */
export function withoutHint(message: string, hint: unknown): string {
  if (typeof hint !== 'string' || hint === '') return message;
  const text = message.trimEnd();
  return text.length > hint.length && text.endsWith(hint) ? text.slice(0, -hint.length).trimEnd() : message;
}
