// The imported table: each column's values held once in a typed array on a SharedArrayBuffer (never row objects),
// so a Dataset can be posted to pool workers without copying the numbers.

import { dataError } from './errors';

export interface NonNumericEntries {
  /** how many cells of a numeric-looking column are text */
  count: number;
  /** the first few, with the file row (1-based line, header = row 1) */
  examples: { row: number; value: string }[];
}

export interface Column {
  name: string;
  index: number;
  /** numeric column: one value per row, NaN = missing (or a non-numeric entry, then `codes` holds its text) */
  numbers?: Float64Array;
  /**
   * categorical column: the category of each row, -1 = missing.
   * On a numeric column (beside `numbers`): the text of its non-numeric entries, -1 elsewhere.
   */
  codes?: Int32Array;
  /** the texts `codes` point into, in order of first appearance */
  categories?: string[];
  /** numeric-looking column with a few text entries */
  nonNumeric?: NonNumericEntries;
}

/** A header cell the importer had to rename (empty, or the same as an earlier one). */
export interface RenamedColumn {
  /** 0-based position */
  index: number;
  /** the header cell as written (trimmed), '' when empty */
  header: string;
  name: string;
  /** 0-based position of the earlier column with the same header */
  sameAs?: number;
}

export interface Dataset {
  fileName: string;
  rowCount: number;
  hasHeader: boolean;
  delimiter: string;
  columns: Column[];
  /** decimal commas ("1,5") were read as numbers (;-separated files) */
  decimalComma?: boolean;
  /**
   * The file line of each data row, only when it is not simply row + (hasHeader ? 2 : 1): blank lines, cells
   * spanning lines or skipped bad rows moved them.
   */
  lines?: Int32Array;
  /** rows left out with the option skipBadRows: how many, and the first few file rows */
  skippedRows?: { count: number; rows: number[] };
  /** header cells left empty or repeated, and the names those columns got instead */
  renamedColumns?: RenamedColumn[];
}

/** The file row (1-based line as an editor or spreadsheet shows it; the header is row 1) of a data row. */
export function fileRow(dataset: Dataset, row: number): number {
  if (dataset.lines) return dataset.lines[row];
  return row + (dataset.hasHeader ? 2 : 1);
}

/** How a number is shown in the table: as JavaScript writes it (1.5, 0.627, 1e-7). */
export function formatNumber(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** The cell as text for the app's table; null when missing. */
export function cellText(dataset: Dataset, row: number, column: number): string | null {
  const value = cellValue(dataset, row, column);
  if (value === null) return null;
  return typeof value === 'number' ? formatNumber(value) : value;
}

/** The cell's value: a number (numeric column), a string (category or a non-numeric entry), or null when missing. */
export function cellValue(dataset: Dataset, row: number, column: number): string | number | null {
  const col = dataset.columns[column];
  if (row < 0 || row >= dataset.rowCount || col === undefined) return null;
  if (col.numbers) {
    const v = col.numbers[row];
    if (!Number.isNaN(v)) return v;
  }
  if (col.codes && col.categories) {
    const code = col.codes[row];
    if (code >= 0) return col.categories[code];
  }
  return null;
}

/**
 * The column a user named. Exact name first, then a unique case-insensitive match; for a file without a header,
 * a 0-based position ("8") also works (the CLI's --label). Otherwise a DataError listing the columns.
 */
export function findColumn(dataset: Dataset, name: string): Column {
  const exact = dataset.columns.find((c) => c.name === name);
  if (exact) return exact;
  const lower = name.trim().toLowerCase();
  const loose = dataset.columns.filter((c) => c.name.toLowerCase() === lower);
  if (loose.length === 1) return loose[0];
  if (/^\d+$/.test(name.trim()) && !dataset.hasHeader) {
    const position = Number(name.trim());
    if (position < dataset.columns.length) return dataset.columns[position];
  }
  throw unknownColumn(dataset, name);
}

export function unknownColumn(dataset: Dataset, name: string) {
  const names = dataset.columns.map((c) => c.name);
  const shown = names.length > 30 ? `${names.slice(0, 30).join(', ')} and ${names.length - 30} more` : names.join(', ');
  const position = dataset.hasHeader ? '' : ` (or a position from 0 to ${names.length - 1})`;
  return dataError(
    'unknown_column',
    dataset.fileName,
    `${dataset.fileName} has no column named "${name}". Its columns are: ${shown}.`,
    `Use one of these names${position}.`,
    { column: name },
  );
}
