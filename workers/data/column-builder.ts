// Collects one column's cells while the file is read, into typed arrays on SharedArrayBuffers sized once for the
// whole file, then decides whether the column is numeric (with a few text entries kept aside) or categorical.

import type { Column } from './dataset';
import { formatNumber } from './dataset';

/** A column is numeric when at least this share of its non-missing cells are numbers. */
export const NUMERIC_SHARE = 0.8;
const EXAMPLES = 5;

export class ColumnBuilder {
  /** allocated on the first number (NaN elsewhere) */
  numbers: Float64Array | null = null;
  /** allocated on the first text cell (-1 elsewhere) */
  codes: Int32Array | null = null;
  readonly categories: string[] = [];
  private readonly dictionary = new Map<string, number>();
  numericCount = 0;
  textCount = 0;
  /** the first text cells: data row and value */
  readonly firstTexts: { row: number; value: string }[] = [];

  constructor(
    readonly name: string,
    readonly index: number,
    /** rows the arrays can hold: an upper bound on the file's records */
    private readonly capacity: number,
  ) {}

  setNumber(row: number, value: number): void {
    let numbers = this.numbers;
    if (numbers === null) {
      numbers = new Float64Array(new SharedArrayBuffer(this.capacity * 8));
      numbers.fill(NaN);
      this.numbers = numbers;
    }
    numbers[row] = value;
    this.numericCount++;
  }

  setText(row: number, text: string): void {
    let codes = this.codes;
    if (codes === null) {
      codes = new Int32Array(new SharedArrayBuffer(this.capacity * 4));
      codes.fill(-1);
      this.codes = codes;
    }
    codes[row] = this.codeOf(text);
    this.textCount++;
    if (this.firstTexts.length < EXAMPLES) this.firstTexts.push({ row, value: text });
  }

  private codeOf(text: string): number {
    let code = this.dictionary.get(text);
    if (code === undefined) {
      code = this.categories.length;
      this.categories.push(text);
      this.dictionary.set(text, code);
    }
    return code;
  }

  /** The finished column over rows [0, rowCount); `fileRow` turns a data row into the file row for examples. */
  finish(rowCount: number, fileRow: (row: number) => number): Column {
    const column: Column = { name: this.name, index: this.index };
    const present = this.numericCount + this.textCount;
    if (this.numbers !== null && this.numericCount >= NUMERIC_SHARE * present) {
      column.numbers = this.numbers.subarray(0, rowCount);
      if (this.codes !== null) {
        column.codes = this.codes.subarray(0, rowCount);
        column.categories = this.categories;
        column.nonNumeric = {
          count: this.textCount,
          examples: this.firstTexts.map((e) => ({ row: fileRow(e.row), value: e.value })),
        };
      }
      return column;
    }
    // Categorical. Numbers met on the way become their text (formatting like "1.50" comes back as "1.5").
    let codes = this.codes;
    if (codes === null) {
      codes = new Int32Array(new SharedArrayBuffer(Math.max(this.capacity, 1) * 4));
      codes.fill(-1);
    }
    const numbers = this.numbers;
    if (numbers !== null) {
      for (let row = 0; row < rowCount; row++) {
        const v = numbers[row];
        if (!Number.isNaN(v)) codes[row] = this.codeOf(formatNumber(v));
      }
    }
    column.codes = codes.subarray(0, rowCount);
    column.categories = this.categories;
    return column;
  }
}
