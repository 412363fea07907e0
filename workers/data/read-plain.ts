// The fast reader for files without any double quote: scans the bytes once per record and parses numbers straight
// from the bytes, so a million-row numeric file makes no strings at all. Files with quotes go to read-quoted.ts.

import { isUsableNumber } from '../engine/weights-file';
import { isMissingText, parseNumberBytes } from './cells';
import type { TableBuilder } from './table-builder';

const SPACE = 32;
const TAB = 9;
const CR = 13;

const utf8 = new TextDecoder('utf-8');

// Local names for the cell readers: the compiled module would otherwise reach them through an export getter on
// every one of millions of calls, which also stops them being inlined.
const readNumber = parseNumberBytes;
const isMissing = isMissingText;
const isUsable = isUsableNumber;

/** Text of bytes[start, end): char codes directly when the file is ASCII, else UTF-8 decoding. */
function decodeCell(bytes: Uint8Array, start: number, end: number, ascii: boolean): string {
  if (ascii && end - start <= 32) {
    let text = '';
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }
  return utf8.decode(bytes.subarray(start, end));
}

export interface PlainInput {
  bytes: Uint8Array;
  start: number;
  /** the line-ending byte: \n (a \r before it is dropped), or \r for old Mac files */
  newline: number;
  delimiter: number;
  decimalComma: boolean;
  ascii: boolean;
  /** skip the first non-blank record (the header) */
  skipHeader: boolean;
}

export function readPlain(input: PlainInput, table: TableBuilder): void {
  const { bytes, newline, delimiter, decimalComma, ascii } = input;
  const n = bytes.length;
  const width = table.width;
  const columns = table.columns;
  // starts[k] = first byte of field k; starts[fields] = one past the record's end + 1 (sentinel)
  const starts = new Int32Array(width + 2);
  const tabIsSpace = delimiter !== TAB;
  let headerPending = input.skipHeader;
  let pos = input.start;
  let line = 0;
  while (pos < n) {
    let lineEnd = bytes.indexOf(newline, pos);
    if (lineEnd === -1) lineEnd = n;
    line++;
    let end = lineEnd;
    if (end > pos && bytes[end - 1] === CR) end--;
    let p = pos;
    while (p < end && (bytes[p] === SPACE || (tabIsSpace && bytes[p] === TAB))) p++;
    if (p === end) {
      pos = lineEnd + 1;
      continue; // blank line
    }
    if (headerPending) {
      headerPending = false;
      pos = lineEnd + 1;
      continue;
    }
    let fields = 1;
    starts[0] = pos;
    for (let i = pos; i < end; i++) {
      if (bytes[i] === delimiter) {
        if (fields <= width + 1) starts[fields] = i + 1;
        fields++;
      }
    }
    if (fields <= width + 1) starts[fields] = end + 1;
    // the header's field count, or one more that is empty (a trailing delimiter)
    if (fields !== width && !(fields === width + 1 && isBlank(bytes, starts[width], end, tabIsSpace))) {
      table.badRow(line, fields);
      pos = lineEnd + 1;
      continue;
    }
    const row = table.rowCount;
    for (let k = 0; k < width; k++) {
      let s = starts[k];
      let e = starts[k + 1] - 1;
      while (s < e && (bytes[s] === SPACE || (tabIsSpace && bytes[s] === TAB))) s++;
      while (e > s && (bytes[e - 1] === SPACE || bytes[e - 1] === CR || (tabIsSpace && bytes[e - 1] === TAB))) e--;
      if (s === e) continue; // empty: missing (the arrays start as missing)
      const value = readNumber(bytes, s, e, decimalComma);
      if (value === value) {
        if (isUsable(value)) columns[k].setNumber(row, value);
        else table.tooBigNumber(line, k, decodeCell(bytes, s, e, ascii)); // 1e309, 400 digits, 1.7e308
        continue;
      }
      const text = decodeCell(bytes, s, e, ascii);
      if (!isMissing(text)) columns[k].setText(row, text);
    }
    table.endRow(line);
    pos = lineEnd + 1;
  }
}

function isBlank(bytes: Uint8Array, start: number, end: number, tabIsSpace: boolean): boolean {
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b !== SPACE && b !== CR && !(tabIsSpace && b === TAB)) return false;
  }
  return true;
}
