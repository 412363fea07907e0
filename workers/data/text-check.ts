// Is this file UTF-8 text? Refuses binary files and other encodings with a message that names what the file
// seems to be (an Excel workbook, UTF-16, Windows-1252, ...) and how to save it as a UTF-8 CSV.

import { dataError } from './errors';

export interface TextCheck {
  /** where the text starts (after a UTF-8 byte-order mark) */
  start: number;
  /** every byte is below 0x80, so bytes and characters line up one to one */
  ascii: boolean;
  /** offset of the first byte that is not valid UTF-8 (the caller names the row and column, then throws notUtf8Error) */
  invalidAt?: number;
}

const SAVE_AS_UTF8 = 'Save it again as "CSV UTF-8" (in Excel: File > Save As > CSV UTF-8) and open that file.';
const SAVE_AS_CSV = 'Open it in the program that made it and save or export it as "CSV UTF-8", then open that file.';

/** Known file signatures, so the message can say what the file is instead of "binary". */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or another zip archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip-compressed file' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** 1-based line of a byte offset. */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  let at = bytes.indexOf(10);
  while (at !== -1 && at < offset) {
    line++;
    at = bytes.indexOf(10, at + 1);
  }
  return line;
}

/** Throws a DataError for binary files and UTF-16; returns where the text starts and any invalid UTF-8 byte. */
export function checkText(bytes: Uint8Array, fileName: string): TextCheck {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const order = bytes[0] === 0xff ? 'little-endian' : 'big-endian';
    throw dataError('not_utf8', fileName, `${fileName} is saved as UTF-16 text (${order}), not UTF-8.`, SAVE_AS_UTF8);
  }
  for (const signature of SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      throw dataError('binary_file', fileName, `${fileName} is not a CSV text file: it looks like ${signature.what}.`, SAVE_AS_CSV);
    }
  }
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;

  // NUL bytes never occur in UTF-8 text. Many zeros on one side of each byte pair is UTF-16 without a mark.
  const probeEnd = Math.min(bytes.length, start + 65536);
  if (bytes.indexOf(0, start) !== -1) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = start; i < probeEnd; i++) {
      if (bytes[i] === 0) {
        if ((i - start) % 2 === 0) evenZeros++;
        else oddZeros++;
      }
    }
    const pairs = (probeEnd - start) / 2;
    if (oddZeros > 0.4 * pairs && evenZeros < 0.05 * pairs) {
      throw dataError('not_utf8', fileName, `${fileName} is saved as UTF-16 text (little-endian), not UTF-8.`, SAVE_AS_UTF8);
    }
    if (evenZeros > 0.4 * pairs && oddZeros < 0.05 * pairs) {
      throw dataError('not_utf8', fileName, `${fileName} is saved as UTF-16 text (big-endian), not UTF-8.`, SAVE_AS_UTF8);
    }
    throw dataError('binary_file', fileName, `${fileName} is not a text file: it was saved in a program's own format (like a workbook, a database or an image), not as text.`, SAVE_AS_CSV);
  }
  // Control characters other than tab, line feed, carriage return and form feed: a text file has (almost) none.
  let control = 0;
  for (let i = start; i < probeEnd; i++) {
    const b = bytes[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (control > 0 && control >= 0.01 * (probeEnd - start)) {
    throw dataError('binary_file', fileName, `${fileName} is not a text file: many of its characters are invisible codes that text does not hold, so it was probably saved in a program's own format.`, SAVE_AS_CSV);
  }

  const invalid = firstInvalidUtf8(bytes, start);
  if (invalid === -2) return { start, ascii: true };
  if (invalid === -1) return { start, ascii: false };
  return { start, ascii: false, invalidAt: invalid };
}

/** -2: all ASCII; -1: valid UTF-8 with some non-ASCII characters; else the offset of the first invalid byte. */
export function firstInvalidUtf8(bytes: Uint8Array, start: number): number {
  const n = bytes.length;
  let i = start;
  let ascii = true;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    ascii = false;
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) return i;
    let code = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return ascii ? -2 : -1;
}

// Windows-1252's characters for 0x80..0x9F (undefined ones empty); 0xA0..0xFF equal Latin-1 and Unicode.
const CP1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** The error for a file that is not UTF-8, naming the row (and column when the caller knows it) of the first bad byte. */
export function notUtf8Error(bytes: Uint8Array, fileName: string, offset: number, column?: string) {
  // Name the likely 8-bit encoding: bytes 0x80-0x9F used as characters (€, curly quotes, dashes) are Windows-1252;
  // with only 0xA0-0xFF it could be either Windows-1252 or Latin-1 (they agree there).
  let high = 0;
  let c1 = 0;
  let undefinedInCp1252 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    high++;
    if (b < 0xa0) {
      c1++;
      if (CP1252_UNDEFINED.has(b)) undefinedInCp1252++;
    }
  }
  const byte = bytes[offset];
  const shown = byte >= 0xa0 ? String.fromCharCode(byte) : CP1252_HIGH[byte - 0x80];
  const row = lineAt(bytes, offset);
  let encoding: string;
  if (undefinedInCp1252 > 0) encoding = 'an 8-bit encoding such as Latin-1 (ISO-8859-1)';
  else if (c1 > 0) encoding = 'Windows-1252 (Western European)';
  else encoding = 'Windows-1252 or Latin-1 (ISO-8859-1)';
  const character = shown && shown !== '\u0000' ? `, which is "${shown}" in Windows-1252` : '';
  const where = column === undefined ? `row ${row}` : `row ${row}, column ${column},`;
  const what =
    `${fileName} is not UTF-8 text: ${where} has the byte 0x${byte.toString(16).toUpperCase()}${character}. ` +
    `It was probably saved as ${encoding}` + (high > 1 ? `; the file has ${high} such bytes.` : '.');
  return dataError('not_utf8', fileName, what, SAVE_AS_UTF8, column === undefined ? { row } : { row, column });
}
