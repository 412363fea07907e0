// Permutation importance and what-if curves on models whose answers are known by hand: an ignored input costs
// nothing, a used one costs what shuffling it breaks; a curve of a linear model is its line.
import { describe, expect, it } from 'vitest';
import { permutationImportance } from '../../../workers/engine/importance';
import type { ScalarModel } from '../../../workers/engine/shapley';
import { whatIfCurve } from '../../../workers/engine/what-if';

describe('permutationImportance', () => {
  // 40 rows, two columns: the answer is 1 exactly when column 0 is positive; column 1 is noise the model ignores
  const rows = 40;
  const x = new Float64Array(rows * 2);
  const truth: number[] = [];
  for (let r = 0; r < rows; r++) {
    x[r * 2] = r % 2 === 0 ? 1 + r : -1 - r;
    x[r * 2 + 1] = Math.sin(r);
    truth.push(r % 2 === 0 ? 1 : 0);
  }
  const accuracy = (data: Float64Array, n: number) => {
    let hits = 0;
    for (let r = 0; r < n; r++) if ((data[r * 2] > 0 ? 1 : 0) === truth[r]) hits++;
    return hits / n;
  };

  it('costs nothing for an input the model ignores and about half the accuracy for the one it uses (half the rows flip)', () => {
    const got = permutationImportance(accuracy, x, rows, [{ start: 0, width: 1 }, { start: 1, width: 1 }], { repeats: 20, seed: 1 });
    expect(got.score).toBe(1);
    expect(got.inputs[1]).toEqual({ mean: 0, sd: 0, drops: new Array(20).fill(0) });
    expect(got.inputs[0].drops).toHaveLength(20);
    expect(got.inputs[0].mean).toBeGreaterThan(0.35);
    expect(got.inputs[0].mean).toBeLessThan(0.65);
    expect(got.inputs[0].sd).toBeGreaterThan(0);
  });

  it('leaves the rows it was given as they were', () => {
    const before = Float64Array.from(x);
    permutationImportance(accuracy, x, rows, [{ start: 0, width: 2 }], { repeats: 3 });
    expect(x).toEqual(before);
  });
});

describe('whatIfCurve', () => {
  const linear: ScalarModel = (x, rows, out) => {
    for (let r = 0; r < rows; r++) out[r] = 2 * x[r * 2] - x[r * 2 + 1] + 1;
  };
  const settings = [0, 1, 2].map((v) => Float64Array.of(v));

  it('follows the line of a linear model for one case: 2v − 3 + 1 with the other input at 3', () => {
    expect(whatIfCurve(linear, Float64Array.of(10, 3), 1, { start: 0, width: 1 }, settings)).toEqual([-2, 0, 2]);
  });

  it('averages over rows for the overall trend: the other input\'s mean (2) held, 2v − 2 + 1', () => {
    expect(whatIfCurve(linear, Float64Array.of(5, 1, -5, 3), 2, { start: 0, width: 1 }, settings)).toEqual([-1, 1, 3]);
  });
});
