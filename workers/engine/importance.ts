// Permutation importance: how much a score drops when one input's values are shuffled among the rows (so it can no
// longer tell the rows apart), repeated with other shuffles for a spread. An input the model ignores costs nothing.
// An input is a group of network columns (a categorical input's one-hot columns move together, as one input).

import { Rng } from './rng';
import type { InputGroup } from './shapley';

/** Scores `rows` rows of `x` (rows × columns) against their true answers; higher is better. */
export type RowsScore = (x: Float64Array, rows: number) => number;

export interface InputImportance {
  /** the score lost when this input is shuffled, averaged over the repeats (negative: shuffling happened to help) */
  mean: number;
  /** the spread of that loss over the repeats (sample standard deviation; 0 for one repeat) */
  sd: number;
  drops: number[];
}

export interface PermutationImportance {
  /** the score with nothing shuffled */
  score: number;
  /** one per input group, in order */
  inputs: InputImportance[];
}

export function permutationImportance(
  score: RowsScore,
  x: Float64Array,
  rows: number,
  groups: readonly InputGroup[],
  options: { repeats?: number; seed?: number } = {},
): PermutationImportance {
  const columns = rows > 0 ? x.length / rows : 0;
  const repeats = Math.max(1, options.repeats ?? 5);
  const rng = new Rng(options.seed ?? 7);
  const base = score(x, rows);
  const shuffled = new Float64Array(x.length);
  const order = new Int32Array(rows);
  const inputs = groups.map(({ start, width }) => {
    const drops: number[] = [];
    for (let k = 0; k < repeats; k++) {
      shuffled.set(x);
      for (let r = 0; r < rows; r++) order[r] = r;
      rng.shuffle(order);
      for (let r = 0; r < rows; r++) {
        const from = order[r] * columns + start, to = r * columns + start;
        for (let c = 0; c < width; c++) shuffled[to + c] = x[from + c];
      }
      drops.push(base - score(shuffled, rows));
    }
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    const sd = repeats > 1 ? Math.sqrt(drops.reduce((a, d) => a + (d - mean) ** 2, 0) / (repeats - 1)) : 0;
    return { mean, sd, drops };
  });
  return { score: base, inputs };
}
