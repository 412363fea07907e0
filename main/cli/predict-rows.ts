// The rows to predict, as raw values in the model's input order: one row from --input "3,4", or every row of a
// CSV whose header names the inputs (its other columns are kept for --out but not used).

import type { Dataset } from '../../workers/data/dataset';
import { cellText, cellValue } from '../../workers/data/dataset';
import { isMissingText, parseNumberText } from '../../workers/data/cells';
import { isUsableNumber, type InputSpec } from '../../workers/engine/weights-file';
import { UsageError } from './errors';

export type RawRow = (string | number | null)[];

export interface RowsToPredict {
  /** one raw value per model input, in the model's order */
  rows: RawRow[];
  /** the table as given (header and cells as text), for --out */
  table: { header: string[]; cells: (string | null)[][] };
}

export function rowsFromInput(text: string, inputs: InputSpec[]): RowsToPredict {
  const cells = text.split(',').map((cell) => cell.trim());
  const names = inputs.map((i) => i.name).join(', ');
  if (cells.length !== inputs.length) {
    throw new UsageError(
      `--input has ${cells.length} value${cells.length === 1 ? '' : 's'} but the model takes ${inputs.length}: ${names}. ` +
        `Give one value per input, in that order, separated by commas (leave a value empty if it is missing).`,
    );
  }
  const row = inputs.map((input, i) => {
    const cell = cells[i];
    if (isMissingText(cell)) return null;
    if (input.kind === 'categorical') return cell;
    const value = parseNumberText(cell, false);
    if (Number.isNaN(value)) {
      throw new UsageError(`--input: "${cell}" for ${input.name} (value ${i + 1}) is not a number. Give a number, or leave it empty if it is missing.`);
    }
    if (!isUsableNumber(value)) {
      throw new UsageError(`--input: "${cell}" for ${input.name} (value ${i + 1}) is a number too big to calculate with. Give a smaller number, or leave it empty if it is missing.`);
    }
    return value;
  });
  return { rows: [row], table: { header: inputs.map((i) => i.name), cells: [cells.map((c) => c)] } };
}

export function rowsFromDataset(dataset: Dataset, inputs: InputSpec[]): RowsToPredict {
  const positions = inputs.map((input) => columnOf(dataset, input.name));
  const missing = inputs.filter((_, i) => positions[i] < 0).map((input) => `"${input.name}"`);
  if (missing.length > 0) {
    const have = dataset.columns.map((c) => c.name).join(', ');
    throw new UsageError(
      `${dataset.fileName} has no column ${missing.join(', ')}, which the model needs. Its columns are: ${have}. ` +
        `The header row must name every input of the model: ${inputs.map((i) => i.name).join(', ')}.`,
    );
  }
  const rows: RawRow[] = [];
  const cells: (string | null)[][] = [];
  const width = dataset.columns.length;
  for (let r = 0; r < dataset.rowCount; r++) {
    rows.push(positions.map((column) => cellValue(dataset, r, column)));
    const line: (string | null)[] = [];
    for (let c = 0; c < width; c++) line.push(cellText(dataset, r, c));
    cells.push(line);
  }
  return { rows, table: { header: dataset.columns.map((c) => c.name), cells } };
}

/** Exact header name first, then a unique case-insensitive one; -1 when absent. */
function columnOf(dataset: Dataset, name: string): number {
  const exact = dataset.columns.findIndex((c) => c.name === name);
  if (exact >= 0) return exact;
  const lower = name.trim().toLowerCase();
  const loose = dataset.columns.filter((c) => c.name.trim().toLowerCase() === lower);
  return loose.length === 1 ? loose[0].index : -1;
}
