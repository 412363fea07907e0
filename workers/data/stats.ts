// Small numeric helpers over typed arrays: distinct counts, sorted values, quantiles, most frequent value.

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** Number of distinct non-NaN values (0 and -0 are one value), by open addressing: no strings, no Set of boxes. */
export function countDistinct(values: ArrayLike<number>, rows?: ArrayLike<number>): number {
  const n = rows ? rows.length : values.length;
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const table = new Float64Array(size).fill(NaN);
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    let v = rows ? values[rows[i]] : values[i];
    if (v !== v) continue;
    if (v === 0) v = 0; // -0 → 0
    bits[0] = v;
    let h = Math.imul(words[0] ^ Math.imul(words[1], 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const t = table[slot];
      if (t !== t) {
        table[slot] = v;
        distinct++;
        break;
      }
      if (t === v) break;
      slot = (slot + 1) & mask;
    }
  }
  return distinct;
}

/** The non-NaN values at the given rows (all rows when omitted), sorted ascending. */
export function sortedValues(values: ArrayLike<number>, rows?: ArrayLike<number>, skip?: (v: number) => boolean): Float64Array {
  const n = rows ? rows.length : values.length;
  const out = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = rows ? values[rows[i]] : values[i];
    if (v !== v || (skip && skip(v))) continue;
    out[m++] = v;
  }
  return out.subarray(0, m).sort();
}

/** Linear-interpolated quantile of sorted values (q in [0, 1]), as numpy's default; NaN when empty. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** The most frequent of sorted values (the smallest on a tie); NaN when empty. */
export function mostFrequentSorted(sorted: Float64Array): number {
  let best = NaN;
  let bestCount = 0;
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    if (j - i > bestCount) {
      best = sorted[i];
      bestCount = j - i;
    }
    i = j;
  }
  return best;
}

/** A number written short for a person: 3 significant digits, no trailing zeros (1.23e+6 stays as 1230000). */
export function shortNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return String(Math.round(value));
  return String(Number(value.toPrecision(3)));
}
