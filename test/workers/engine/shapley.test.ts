// Shapley values: the closed form of a linear model, the definition (every order) on a small network, and the
// contributions adding up to "this answer − the average answer", exactly when every set is evaluated and when
// orders are sampled.
import { describe, expect, it } from 'vitest';
import { Network } from '../../../workers/engine/network';
import { Rng } from '../../../workers/engine/rng';
import { shapleyValues, type InputGroup, type ScalarModel } from '../../../workers/engine/shapley';
import type { WeightsLayer } from '../../../workers/engine/weights-file';

function randomRows(rows: number, cols: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length: rows * cols }, () => rng.normal());
}

function randomNetwork(inputs: number, hidden: number, seed: number): ScalarModel {
  const rng = new Rng(seed);
  const dense = (fanIn: number, units: number, activation: WeightsLayer['activation']): WeightsLayer => ({
    units,
    activation,
    kernel: Array.from({ length: fanIn }, () => Array.from({ length: units }, () => rng.normal())),
    bias: Array.from({ length: units }, () => rng.normal() * 0.1),
  });
  const network = Network.fromLayers(inputs, [dense(inputs, hidden, 'tanh'), dense(hidden, 1, 'sigmoid')]);
  return (x, rows, out) => network.predictInto(x, rows, out);
}

const singles = (n: number): InputGroup[] => Array.from({ length: n }, (_, i) => ({ start: i, width: 1 }));
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('shapleyValues', () => {
  it('gives a linear model w·x + b its closed form: w_i × (x_i − the background mean of x_i)', () => {
    const w = [2, -1, 0.5];
    const linear: ScalarModel = (x, rows, out) => {
      for (let r = 0; r < rows; r++) out[r] = 3 + w[0] * x[r * 3] + w[1] * x[r * 3 + 1] + w[2] * x[r * 3 + 2];
    };
    // background means 1, 2, 0 (worked by hand from the rows below)
    const background = Float64Array.from([0, 1, -1, 2, 3, 1, 1, 2, 0]);
    const caseRow = Float64Array.from([4, 0, 2]);
    const exact = shapleyValues(linear, caseRow, background, 3, singles(3));
    expect(exact.method).toBe('exact');
    expect(exact.contributions[0]).toBeCloseTo(2 * (4 - 1), 12);
    expect(exact.contributions[1]).toBeCloseTo(-1 * (0 - 2), 12);
    expect(exact.contributions[2]).toBeCloseTo(0.5 * (2 - 0), 12);
    expect(exact.base).toBeCloseTo(3 + 2 * 1 - 1 * 2 + 0, 12);
    const sampled = shapleyValues(linear, caseRow, background, 3, singles(3), { exactUpTo: 0, orders: 4 });
    expect(sampled.method).toBe('sampled');
    sampled.contributions.forEach((c, i) => expect(c).toBeCloseTo(exact.contributions[i], 12));
  });

  it('agrees with the definition (the marginal contribution averaged over all 24 orders) on a small network, a two-column input moved as one', () => {
    const model = randomNetwork(5, 6, 11);
    const groups: InputGroup[] = [{ start: 0, width: 1 }, { start: 1, width: 2 }, { start: 3, width: 1 }, { start: 4, width: 1 }];
    const background = randomRows(7, 5, 3);
    const caseRow = Float64Array.from([1.5, 1, 0, -2, 0.3]);
    const got = shapleyValues(model, caseRow, background, 7, groups);

    // brute force: v(S) by its own loop, every permutation of the 4 inputs
    const out = new Float64Array(1);
    const v = (set: Set<number>): number => {
      let total = 0;
      for (let r = 0; r < 7; r++) {
        const row = Float64Array.from(background.subarray(r * 5, r * 5 + 5));
        for (const g of set) for (let c = 0; c < groups[g].width; c++) row[groups[g].start + c] = caseRow[groups[g].start + c];
        model(row, 1, out);
        total += out[0];
      }
      return total / 7;
    };
    const permutations = (items: number[]): number[][] =>
      items.length <= 1 ? [items] : items.flatMap((first, i) => permutations(items.filter((_, j) => j !== i)).map((rest) => [first, ...rest]));
    const expected = [0, 0, 0, 0];
    const orders = permutations([0, 1, 2, 3]);
    for (const order of orders) {
      const set = new Set<number>();
      for (const g of order) {
        const before = v(set);
        set.add(g);
        expected[g] += (v(set) - before) / orders.length;
      }
    }
    got.contributions.forEach((c, g) => expect(c).toBeCloseTo(expected[g], 12));
  });

  it('adds up to this answer − the average answer, exactly (12 inputs, every set) and when sampling (20 inputs)', () => {
    for (const inputs of [12, 20]) {
      const model = randomNetwork(inputs, 8, inputs);
      const background = randomRows(30, inputs, 5);
      const caseRow = randomRows(1, inputs, 9);
      const got = shapleyValues(model, caseRow, background, 30, singles(inputs), { orders: 64 });
      expect(got.method).toBe(inputs <= 12 ? 'exact' : 'sampled');
      const out = new Float64Array(1);
      model(caseRow, 1, out);
      expect(got.value).toBe(out[0]);
      expect(sum(got.contributions)).toBeCloseTo(got.value - got.base, 12);
    }
  });

  it('comes close to the exact values when sampling orders instead', () => {
    const model = randomNetwork(8, 8, 21);
    const background = randomRows(20, 8, 22);
    const caseRow = randomRows(1, 8, 23);
    const exact = shapleyValues(model, caseRow, background, 20, singles(8));
    const sampled = shapleyValues(model, caseRow, background, 20, singles(8), { exactUpTo: 0, orders: 2000, seed: 3 });
    const spread = Math.max(...exact.contributions.map(Math.abs));
    sampled.contributions.forEach((c, g) => expect(Math.abs(c - exact.contributions[g])).toBeLessThan(0.05 * spread));
  });
});
