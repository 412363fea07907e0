// The blocked matrix products against a plain triple loop, on shapes that hit every remainder branch.
import { describe, expect, it } from 'vitest';
import { multiply, multiplyTransposedA, multiplyTransposedB } from '../../../workers/engine/matmul';
import { Rng } from '../../../workers/engine/rng';

const rng = new Rng(1);
const random = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
/** plain C[i][j] = Σ_k A(i,k) B(k,j) with accessors, the definition */
function naive(m: number, n: number, p: number, a: (i: number, k: number) => number, b: (k: number, j: number) => number): number[] {
  const out: number[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += a(i, k) * b(k, j);
    out.push(s);
  }
  return out;
}
const shapes = [[1, 1, 1], [2, 4, 1], [3, 5, 2], [10, 8, 16], [10, 16, 8], [7, 9, 3], [5, 3, 7], [4, 1, 6], [13, 11, 5], [9, 6, 1], [6, 13, 1], [3, 2, 1]];

describe('matrix products', () => {
  it.each(shapes)('multiply (m, n, p) = (%i, %i, %i), with and without bias', (m, n, p) => {
    const a = random(m * n), b = random(n * p), bias = random(p), out = new Float64Array(m * p);
    multiply(a, b, null, out, m, n, p);
    naive(m, n, p, (i, k) => a[i * n + k], (k, j) => b[k * p + j]).forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
    multiply(a, b, bias, out, m, n, p);
    naive(m, n, p, (i, k) => a[i * n + k], (k, j) => b[k * p + j]).forEach((v, i) => expect(out[i]).toBeCloseTo(v + bias[i % p], 12));
  });
  it.each(shapes)('multiplyTransposedA (m, n, p) = (%i, %i, %i)', (m, n, p) => {
    const a = random(m * n), b = random(m * p), out = random(n * p); // garbage in out: it must be overwritten
    multiplyTransposedA(a, b, out, m, n, p);
    naive(n, m, p, (i, k) => a[k * n + i], (k, j) => b[k * p + j]).forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
  });
  it.each(shapes)('multiplyTransposedB (m, n, p) = (%i, %i, %i)', (m, n, p) => {
    const a = random(m * p), b = random(n * p), out = random(m * n);
    multiplyTransposedB(a, b, out, m, n, p);
    naive(m, p, n, (i, k) => a[i * p + k], (k, j) => b[j * p + k]).forEach((v, i) => expect(out[i]).toBeCloseTo(v, 12));
  });
});
