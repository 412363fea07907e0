// The reader for files with double quotes: papaparse handles quoted fields with delimiters, doubled quotes and line
// breaks inside; each record's cells go to the table as strings. Its cursor gives each record's file row.

import Papa from 'papaparse';
import { isUsableNumber } from '../engine/weights-file';
import { isMissingText, parseNumberText } from './cells';
import { dataError } from './errors';
import type { TableBuilder } from './table-builder';

export interface QuotedInput {
  text: string;
  fileName: string;
  newline: '\n' | '\r';
  delimiter: string;
  decimalComma: boolean;
  skipHeader: boolean;
}

export function readQuoted(input: QuotedInput, table: TableBuilder): void {
  const { text, decimalComma } = input;
  const width = table.width;
  const columns = table.columns;
  let headerPending = input.skipHeader;
  let recordStart = 0;
  let line = 1; // file row at recordStart
  let unclosedAt = -1;
  Papa.parse<string[]>(text, {
    delimiter: input.delimiter,
    newline: input.newline,
    quoteChar: '"',
    escapeChar: '"',
    fastMode: false,
    skipEmptyLines: false,
    step(results) {
      const record = results.data;
      const recordLine = line;
      const cursor = results.meta.cursor;
      for (let at = text.indexOf(input.newline, recordStart); at !== -1 && at < cursor; at = text.indexOf(input.newline, at + 1)) line++;
      recordStart = cursor;
      if (unclosedAt === -1 && results.errors.some((e) => e.code === 'MissingQuotes')) unclosedAt = recordLine;
      if (record.length === 1 && record[0].trim() === '') return; // blank line
      if (headerPending) {
        headerPending = false;
        return;
      }
      if (!table.fits(record.length, () => record[width].trim() === '')) {
        table.badRow(recordLine, record.length);
        return;
      }
      const row = table.rowCount;
      for (let k = 0; k < width; k++) {
        const cell = record[k].trim();
        if (cell === '') continue;
        const value = parseNumberText(cell, decimalComma);
        if (value === value) {
          if (isUsableNumber(value)) columns[k].setNumber(row, value);
          else table.tooBigNumber(recordLine, k, cell); // 1e309, 400 digits, 1.7e308
        } else if (!isMissingText(cell)) columns[k].setText(row, cell);
      }
      table.endRow(recordLine);
    },
  });
  if (unclosedAt !== -1) throw unclosedQuote(input.fileName, unclosedAt);
}

export function unclosedQuote(fileName: string, row: number) {
  return dataError(
    'unclosed_quote',
    fileName,
    `Row ${row} of ${fileName} opens a quote (") that is never closed, so the rest of the file would become one cell.`,
    'Close the quote or remove it, then open the file again.',
    { row },
  );
}
