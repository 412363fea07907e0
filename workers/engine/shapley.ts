// Shapley values: how much each input moved one answer away from the average answer over a background sample.
//
// The value of a set S of inputs is the mean answer over the background rows with the inputs of S set to the case's
// values (the "interventional" form: the other inputs keep each background row's own values). The Shapley value of
// an input is its marginal contribution averaged over every order in which the inputs could join. The contributions
// add up exactly to (the case's answer − the mean answer over the background), whatever the model.
//
// Up to `exactUpTo` inputs (default 12: 4,096 sets) every set is evaluated once. Beyond, orders are sampled, each
// with its reverse (antithetic pairs halve the variance on near-additive models); along one order the marginal
// contributions telescope to the same total, so the sampled values add up exactly too.
//
// An input is a group of network columns (a categorical input is all its one-hot columns), moved together.

import { Rng } from './rng';

/** Answers `rows` rows of `x` (rows × columns), one number per row into `out`. */
export type ScalarModel = (x: Float64Array, rows: number, out: Float64Array) => void;

export interface InputGroup {
  /** first network column of the input */
  start: number;
  /** its columns (1 for a number, one per category for a categorical input) */
  width: number;
}

export interface ShapleyOptions {
  /** inputs up to which every set is evaluated (2^inputs sets); default 12 */
  exactUpTo?: number;
  /** orders sampled beyond that, counted with their reverses; default 256 */
  orders?: number;
  seed?: number;
}

export interface ShapleyValues {
  /** the mean answer over the background rows */
  base: number;
  /** the case's own answer */
  value: number;
  /** one per input group, in order; they add up to value − base */
  contributions: number[];
  /** 'exact': every set; 'sampled': `orders` random orders */
  method: 'exact' | 'sampled';
}

export function shapleyValues(
  model: ScalarModel,
  caseRow: Float64Array,
  background: Float64Array,
  backgroundRows: number,
  groups: readonly InputGroup[],
  options: ShapleyOptions = {},
): ShapleyValues {
  const columns = caseRow.length;
  if (backgroundRows < 1 || background.length < backgroundRows * columns) throw new RangeError('shapleyValues needs at least one background row of the case\'s width');
  const inputs = groups.length;
  const mixed = new Float64Array(backgroundRows * columns);
  const answers = new Float64Array(backgroundRows);
  // v(S): the background with the columns of S's groups taken from the case
  const valueOf = (inSet: (g: number) => boolean): number => {
    mixed.set(background.subarray(0, backgroundRows * columns));
    for (let g = 0; g < inputs; g++) {
      if (!inSet(g)) continue;
      const { start, width } = groups[g];
      for (let r = 0; r < backgroundRows; r++) {
        const at = r * columns + start;
        for (let c = 0; c < width; c++) mixed[at + c] = caseRow[start + c];
      }
    }
    model(mixed, backgroundRows, answers);
    let sum = 0;
    for (let r = 0; r < backgroundRows; r++) sum += answers[r];
    return sum / backgroundRows;
  };
  const base = valueOf(() => false);
  const one = new Float64Array(1);
  model(caseRow, 1, one);
  const value = one[0];
  if (inputs === 0) return { base, value, contributions: [], method: 'exact' };

  if (inputs <= (options.exactUpTo ?? 12)) {
    const sets = 1 << inputs;
    const v = new Float64Array(sets);
    // every input from the case: every background row is the case, so v is the case's answer
    for (let mask = 0; mask < sets; mask++) v[mask] = mask === 0 ? base : mask === sets - 1 ? value : valueOf((g) => (mask & (1 << g)) !== 0);
    // weight of a set of size s not holding the input: s! (n − s − 1)! / n!
    const weight = new Float64Array(inputs);
    for (let s = 0; s < inputs; s++) weight[s] = Math.exp(logFactorial(s) + logFactorial(inputs - s - 1) - logFactorial(inputs));
    const contributions = new Array<number>(inputs).fill(0);
    for (let mask = 0; mask < sets; mask++) {
      const size = popcount(mask);
      for (let g = 0; g < inputs; g++) {
        const bit = 1 << g;
        if (mask & bit) continue;
        contributions[g] += weight[size] * (v[mask | bit] - v[mask]);
      }
    }
    return { base, value, contributions, method: 'exact' };
  }

  const rng = new Rng(options.seed ?? 7);
  const pairs = Math.max(1, Math.round((options.orders ?? 256) / 2));
  const order = new Int32Array(inputs);
  const joined = new Uint8Array(inputs);
  const totals = new Array<number>(inputs).fill(0);
  const walk = (reverse: boolean): void => {
    joined.fill(0);
    let before = base;
    for (let k = 0; k < inputs; k++) {
      const g = order[reverse ? inputs - 1 - k : k];
      joined[g] = 1;
      // the last input's step ends at the case's own answer; the model is not asked again
      const after = k === inputs - 1 ? value : valueOf((h) => joined[h] === 1);
      totals[g] += after - before;
      before = after;
    }
  };
  for (let p = 0; p < pairs; p++) {
    for (let i = 0; i < inputs; i++) order[i] = i;
    rng.shuffle(order);
    walk(false);
    walk(true);
  }
  return { base, value, contributions: totals.map((t) => t / (2 * pairs)), method: 'sampled' };
}

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

function logFactorial(n: number): number {
  let s = 0;
  for (let i = 2; i <= n; i++) s += Math.log(i);
  return s;
}
