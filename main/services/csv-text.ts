// CSV text as we write it (predictions from the app and from the CLI): RFC 4180 quoting, and text that a spreadsheet
// would run as a formula written so that it shows as text.

import { parseNumberText } from '../../workers/data/cells';

/** A spreadsheet reads a cell starting with one of these as a formula (or, for tab and CR, strips them first). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Text that starts like a formula ("=1+1", "+SUM(A1)", "-x", "@cmd") gets a leading apostrophe, which
 * spreadsheets take as "this is text" (OWASP's advice against CSV injection); a number, even a negative one written
 * as text ("-3.5"), stays as it is. Then quotes only when the cell holds a comma, quote or line break.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text) && Number.isNaN(parseNumberText(text.trim(), false))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: the header line, then one line per row, each ending in a line feed. */
export function csvText(header: readonly string[], rows: Iterable<readonly (string | number | null | undefined)[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${lines.join('\n')}\n`;
}
