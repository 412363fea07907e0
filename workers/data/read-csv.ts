// parseCsv: the one importer. Bytes in (the caller reads the file), a Dataset of typed columns out, or a DataError
// that names the file, row and column and says what to do.

import Papa from 'papaparse';
import { LARGEST_USABLE_NUMBER } from '../engine/weights-file';
import { dataError, shortened } from './errors';
import type { Dataset } from './dataset';
import { checkText, notUtf8Error } from './text-check';
import { columnNames, detectDelimiter, detectHeader, renamedColumns } from './sniff';
import { TableBuilder, type TooBigCell } from './table-builder';
import { readPlain } from './read-plain';
import { readQuoted, unclosedQuote } from './read-quoted';

export interface ParseOptions {
  /** 'auto' (default): row 1 is a header when it is text above numbers */
  header?: 'auto' | boolean;
  /** default: detected among , ; tab | */
  delimiter?: string;
  /** leave out rows with too many or too few values (counted in dataset.skippedRows) instead of refusing the file */
  skipBadRows?: boolean;
}

/** Excel's limit: a wider table is not a table a person made, and a million columns took 2 GB and 40 s to refuse. */
export const MAX_COLUMNS = 16_384;
const SAMPLE_LINES = 200;
const SAMPLE_BYTES = 512 * 1024;
const LF = 10;
const CR = 13;
const QUOTE = 34;

export function parseCsv(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Dataset {
  // A Buffer or a view on shared memory becomes a plain Uint8Array view (same bytes, no copy).
  const data = Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = checkText(data, fileName);
  const start = check.start;
  if (isBlankText(data, start)) {
    const what = data.length > start ? `${fileName} holds only blank lines: it has no rows at all.` : `${fileName} is empty: it has no rows at all.`;
    throw dataError('empty_file', fileName, what, 'Choose a CSV file with a header row and rows of data.');
  }
  const newline = data.indexOf(LF, start) === -1 && data.indexOf(CR, start) !== -1 ? CR : LF;

  // The first lines decide the delimiter, the header and the number of columns.
  const sample = readSample(data, start, newline);
  const delimiter = options.delimiter ?? detectDelimiter(sample.text, sample.complete);
  const decimalComma = delimiter === ';';
  const sampled = Papa.parse<string[]>(sample.text, {
    delimiter,
    newline: newline === CR ? '\r' : '\n',
    quoteChar: '"',
    skipEmptyLines: 'greedy',
  });
  const parsed = sampled.data;
  const records = sample.complete ? parsed : parsed.slice(0, -1);
  if (records.length === 0 && parsed.length > 0) records.push(parsed[0]); // one record longer than the sample
  if (records.length === 0) {
    // Lines that are all separators, empty quotes or a lone quote: not blank, yet no record holds a value.
    if (sampled.errors.some((e) => e.code === 'MissingQuotes')) throw unclosedQuote(fileName, 1);
    const where = sample.complete ? `${fileName} holds no values` : `The first lines of ${fileName} hold no values`;
    throw dataError('empty_file', fileName, `${where}: only separators, quotes or spaces.`, 'Choose a CSV file with a header row and rows of data.');
  }
  const hasHeader = options.header === undefined || options.header === 'auto' ? detectHeader(records, decimalComma) : options.header;
  const first = records[0];
  let width = first.length;
  // A trailing delimiter on row 1 makes an empty last field: not a column unless some row has a value there.
  if (width > 1 && first[width - 1].trim() === '' && records.slice(1).every((r) => (r[width - 1] ?? '').trim() === '')) width--;
  if (width > MAX_COLUMNS) {
    throw dataError(
      'too_many_columns',
      fileName,
      `Row 1 of ${fileName} has ${width} values, so the table would have ${width} columns; Neuron Studio reads tables of up to ` +
        `${MAX_COLUMNS} columns, as many as a spreadsheet holds.`,
      'Keep the columns you need (delete the others in a spreadsheet), save it as CSV, then open that file.',
      { row: 1 },
    );
  }
  const names = columnNames(hasHeader ? first : null, width);

  if (check.invalidAt !== undefined) throw notUtf8Error(data, fileName, check.invalidAt, columnAt(data, check.invalidAt, newline, delimiter, names));

  const capacity = countLines(data, start, newline);
  const table = new TableBuilder(names, capacity, hasHeader);
  if (data.indexOf(QUOTE, start) === -1 && delimiter.length === 1) {
    readPlain(
      { bytes: data, start, newline, delimiter: delimiter.charCodeAt(0), decimalComma, ascii: check.ascii, skipHeader: hasHeader },
      table,
    );
  } else {
    const text = new TextDecoder('utf-8').decode(data.subarray(start));
    readQuoted({ text, fileName, newline: newline === CR ? '\r' : '\n', delimiter, decimalComma, skipHeader: hasHeader }, table);
  }

  if (table.badRowCount > 0 && !options.skipBadRows) throw raggedRows(fileName, table, hasHeader);
  if (table.tooBigCount > 0) throw numbersTooBig(fileName, table);
  if (table.rowCount === 0) {
    if (table.badRowCount > 0) {
      throw dataError('no_rows', fileName, `None of the rows of ${fileName} has ${width} values like ${hasHeader ? 'the header' : 'the first row'}.`, 'Check that the file is a table with one record per line.');
    }
    const shown = names.slice(0, 8).map((name) => shortened(name)).join(', ') + (names.length > 8 ? ', ...' : '');
    throw dataError('header_only', fileName, `${fileName} has a header row (${shown}) but no rows of data below it.`, 'Add rows of data, or choose another file.', { row: 1 });
  }
  const dataset = table.finish(fileName, delimiter, decimalComma);
  const renamed = hasHeader ? renamedColumns(first, names) : [];
  if (renamed.length > 0) dataset.renamedColumns = renamed;
  return dataset;
}

function raggedRows(fileName: string, table: TableBuilder, hasHeader: boolean) {
  const width = table.width;
  const reference = hasHeader ? 'the header has' : 'the first row has';
  const first = table.badRows[0];
  let what: string;
  if (table.badRowCount === 1) {
    what = `Row ${first.row} of ${fileName} has ${first.fields} values but ${reference} ${width}.`;
  } else {
    const listed = table.badRows.map((b) => `row ${b.row} has ${b.fields}`).join(', ');
    const more = table.badRowCount > table.badRows.length ? `, and ${table.badRowCount - table.badRows.length} more` : '';
    what = `${table.badRowCount} rows of ${fileName} do not have ${width} values as ${reference.replace(' has', '')} does: ${listed}${more}.`;
  }
  return dataError('ragged_rows', fileName, what, "Fix the file or choose 'skip bad rows'.", { row: first.row });
}

/**
 * A number too big to calculate with is refused rather than read as missing: no instrument measures 1e309, so it is
 * a typing or export error the person can fix at the place named, and a guess would change their data unseen.
 */
function numbersTooBig(fileName: string, table: TableBuilder) {
  const [first, ...others] = table.tooBig;
  const place = (cell: TooBigCell) => `row ${cell.row}, column ${cell.column}`;
  let what = `Row ${first.row} of ${fileName}, column ${first.column}, holds ${shortened(first.text)}: a number too big to ` +
    `calculate with (the limit is 1 followed by ${Math.log10(LARGEST_USABLE_NUMBER)} zeros).`;
  const more = table.tooBigCount - 1;
  if (more > 0) {
    const listed = others.map(place).join('; ');
    const unlisted = more - others.length;
    what += ` ${more} more cell${more === 1 ? ' is' : 's are'} like it: ${listed}${unlisted > 0 ? `, and ${unlisted} more` : ''}.`;
  }
  const hint = more > 0
    ? 'Correct these values, or empty the cells if they are not known, then open the file again.'
    : 'Correct the value, or empty the cell if it is not known, then open the file again.';
  return dataError('number_too_big', fileName, what, hint, { row: first.row, column: first.column });
}

function isBlankText(bytes: Uint8Array, start: number): boolean {
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 32 && b !== 9 && b !== LF && b !== CR) return false;
  }
  return true;
}

/** Records in the file are at most its lines. */
function countLines(bytes: Uint8Array, start: number, newline: number): number {
  let lines = 1;
  for (let at = bytes.indexOf(newline, start); at !== -1; at = bytes.indexOf(newline, at + 1)) lines++;
  return lines;
}

/** The first few hundred lines (up to about half a megabyte, but at least three lines), decoded. */
function readSample(bytes: Uint8Array, start: number, newline: number): { text: string; complete: boolean } {
  let end = start;
  let lines = 0;
  while (lines < SAMPLE_LINES) {
    const at = bytes.indexOf(newline, end);
    if (at === -1) {
      end = bytes.length;
      break;
    }
    end = at + 1;
    lines++;
    if (end - start > SAMPLE_BYTES && lines >= 3) break;
  }
  const complete = end >= bytes.length;
  return { text: new TextDecoder('utf-8').decode(bytes.subarray(start, end)), complete };
}

/** The column a byte falls in (counting delimiters on its line, ignoring quotes: good enough for a message). */
function columnAt(bytes: Uint8Array, offset: number, newline: number, delimiter: string, names: string[]): string | undefined {
  let lineStart = offset;
  while (lineStart > 0 && bytes[lineStart - 1] !== newline) lineStart--;
  const code = delimiter.charCodeAt(0);
  let field = 0;
  for (let i = lineStart; i < offset; i++) if (bytes[i] === code) field++;
  return names[field];
}
