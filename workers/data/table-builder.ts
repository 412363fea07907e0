// The table while it is read: checks each record's field count against the header, skips blank lines, tracks
// file rows, and hands cells to the column builders. Both readers (plain and quoted) feed it.

import { ColumnBuilder } from './column-builder';
import type { Dataset } from './dataset';

export interface BadRow {
  /** file row (1-based line) */
  row: number;
  fields: number;
}

/** A cell holding a number too big to calculate with (1e309, a 400-digit number, 1.7e308): see LARGEST_USABLE_NUMBER. */
export interface TooBigCell {
  /** file row (1-based line) */
  row: number;
  column: string;
  text: string;
}

export class TableBuilder {
  readonly columns: ColumnBuilder[];
  rowCount = 0;
  badRowCount = 0;
  readonly badRows: BadRow[] = [];
  tooBigCount = 0;
  readonly tooBig: TooBigCell[] = [];
  private lines: Int32Array | null = null;

  constructor(
    names: string[],
    readonly capacity: number,
    readonly hasHeader: boolean,
  ) {
    this.columns = names.map((name, j) => new ColumnBuilder(name, j, capacity));
  }

  get width(): number {
    return this.columns.length;
  }

  /** A record has the header's number of fields, or one more that is empty (a trailing delimiter). */
  fits(fields: number, lastFieldEmpty: () => boolean): boolean {
    return fields === this.width || (fields === this.width + 1 && lastFieldEmpty());
  }

  /** Counts a record with the wrong number of fields; the first few are kept for the message. */
  badRow(row: number, fields: number): void {
    this.badRowCount++;
    if (this.badRows.length < 5) this.badRows.push({ row, fields });
  }

  /** Counts a cell whose number is too big to compute with; the first few are kept for the message. */
  tooBigNumber(row: number, column: number, text: string): void {
    this.tooBigCount++;
    if (this.tooBig.length < 3) this.tooBig.push({ row, column: this.columns[column].name, text });
  }

  /** Called after a record's cells were set at data row `rowCount`: it came from file row `fileRow`. */
  endRow(fileRow: number): void {
    const row = this.rowCount;
    const expected = row + (this.hasHeader ? 2 : 1);
    if (this.lines !== null) this.lines[row] = fileRow;
    else if (fileRow !== expected) {
      // first row that moved: from here on, keep every row's line
      this.lines = new Int32Array(new SharedArrayBuffer(Math.max(this.capacity, 1) * 4));
      for (let r = 0; r < row; r++) this.lines[r] = r + (this.hasHeader ? 2 : 1);
      this.lines[row] = fileRow;
    }
    this.rowCount++;
  }

  fileRow(row: number): number {
    return this.lines !== null ? this.lines[row] : row + (this.hasHeader ? 2 : 1);
  }

  finish(fileName: string, delimiter: string, decimalComma: boolean): Dataset {
    const rowCount = this.rowCount;
    const dataset: Dataset = {
      fileName,
      rowCount,
      hasHeader: this.hasHeader,
      delimiter,
      columns: this.columns.map((c) => c.finish(rowCount, (row) => this.fileRow(row))),
    };
    if (decimalComma) dataset.decimalComma = true;
    if (this.lines !== null) dataset.lines = this.lines.subarray(0, rowCount);
    if (this.badRowCount > 0) dataset.skippedRows = { count: this.badRowCount, rows: this.badRows.map((b) => b.row) };
    return dataset;
  }
}
