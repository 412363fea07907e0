// The one row of --input "3,4" as raw values in the model's input order, checked value by value.

import { isMissingText, parseNumberText } from '../../workers/data/cells';
import { isUsableNumber, type InputSpec } from '../../workers/engine/weights-file';
import type { RawRow } from '../services/predictions';
import { UsageError } from './errors';

/** The table --out writes (the inputs' names, the values as typed) and the row the model reads. */
export function rowsFromInput(text: string, inputs: InputSpec[]): [{ columns: string[]; cells: RawRow[] }, RawRow[]] {
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
  return [{ columns: inputs.map((i) => i.name), cells: [cells] }, [row]];
}
