// The three small matrix products of training, on row-major Float64Arrays, written for V8: each output row pair is
// computed four inner-dimension steps at a time, so every loaded weight serves two rows and every stored output
// holds four products (about 3x a plain triple loop here). Summation order is fixed, so results are deterministic.

/** out (m×p) = a (m×n) · b (n×p), plus bias (p) on every row when given. The forward pass of a dense layer. */
export function multiply(a: Float64Array, b: Float64Array, bias: Float64Array | null, out: Float64Array, m: number, n: number, p: number): void {
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const o0 = i * p, o1 = o0 + p, a0 = i * n, a1 = a0 + n;
    if (bias !== null) for (let j = 0; j < p; j++) out[o0 + j] = out[o1 + j] = bias[j];
    else for (let j = 0; j < p; j++) out[o0 + j] = out[o1 + j] = 0;
    let k = 0;
    for (; k + 3 < n; k += 4) {
      const x0 = a[a0 + k], x1 = a[a0 + k + 1], x2 = a[a0 + k + 2], x3 = a[a0 + k + 3];
      const y0 = a[a1 + k], y1 = a[a1 + k + 1], y2 = a[a1 + k + 2], y3 = a[a1 + k + 3];
      const b0 = k * p, b1 = b0 + p, b2 = b1 + p, b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const w0 = b[b0 + j], w1 = b[b1 + j], w2 = b[b2 + j], w3 = b[b3 + j];
        out[o0 + j] += x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3;
        out[o1 + j] += y0 * w0 + y1 * w1 + y2 * w2 + y3 * w3;
      }
    }
    for (; k < n; k++) {
      const x0 = a[a0 + k], y0 = a[a1 + k], b0 = k * p;
      for (let j = 0; j < p; j++) {
        const w0 = b[b0 + j];
        out[o0 + j] += x0 * w0;
        out[o1 + j] += y0 * w0;
      }
    }
  }
  if (i < m) {
    const o0 = i * p, a0 = i * n;
    if (bias !== null) for (let j = 0; j < p; j++) out[o0 + j] = bias[j];
    else for (let j = 0; j < p; j++) out[o0 + j] = 0;
    let k = 0;
    for (; k + 3 < n; k += 4) {
      const x0 = a[a0 + k], x1 = a[a0 + k + 1], x2 = a[a0 + k + 2], x3 = a[a0 + k + 3];
      const b0 = k * p, b1 = b0 + p, b2 = b1 + p, b3 = b2 + p;
      for (let j = 0; j < p; j++) out[o0 + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
    }
    for (; k < n; k++) {
      const x0 = a[a0 + k], b0 = k * p;
      for (let j = 0; j < p; j++) out[o0 + j] += x0 * b[b0 + j];
    }
  }
}

/** out (n×p) = aᵀ · b, with a (m×n) and b (m×p). A kernel's gradient: layer inputᵀ · deltas. */
export function multiplyTransposedA(a: Float64Array, b: Float64Array, out: Float64Array, m: number, n: number, p: number): void {
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const o0 = i * p, o1 = o0 + p;
    for (let j = 0; j < p; j++) out[o0 + j] = out[o1 + j] = 0;
    let k = 0;
    for (; k + 3 < m; k += 4) {
      const r0 = k * n + i, r1 = r0 + n, r2 = r1 + n, r3 = r2 + n;
      const x0 = a[r0], x1 = a[r1], x2 = a[r2], x3 = a[r3];
      const y0 = a[r0 + 1], y1 = a[r1 + 1], y2 = a[r2 + 1], y3 = a[r3 + 1];
      const b0 = k * p, b1 = b0 + p, b2 = b1 + p, b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const w0 = b[b0 + j], w1 = b[b1 + j], w2 = b[b2 + j], w3 = b[b3 + j];
        out[o0 + j] += x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3;
        out[o1 + j] += y0 * w0 + y1 * w1 + y2 * w2 + y3 * w3;
      }
    }
    for (; k < m; k++) {
      const r0 = k * n + i, x0 = a[r0], y0 = a[r0 + 1], b0 = k * p;
      for (let j = 0; j < p; j++) {
        const w0 = b[b0 + j];
        out[o0 + j] += x0 * w0;
        out[o1 + j] += y0 * w0;
      }
    }
  }
  if (i < n) {
    const o0 = i * p;
    for (let j = 0; j < p; j++) out[o0 + j] = 0;
    for (let k = 0; k < m; k++) {
      const x0 = a[k * n + i], b0 = k * p;
      for (let j = 0; j < p; j++) out[o0 + j] += x0 * b[b0 + j];
    }
  }
}

/** out (m×n) = a · bᵀ, with a (m×p) and b (n×p). Deltas sent back through a kernel: deltas · kernelᵀ. */
export function multiplyTransposedB(a: Float64Array, b: Float64Array, out: Float64Array, m: number, n: number, p: number): void {
  // each output is a dot product of two contiguous rows; 2×2 outputs at a time share their loads
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = i * p, a1 = a0 + p, o0 = i * n, o1 = o0 + n;
    let k = 0;
    for (; k + 1 < n; k += 2) {
      const b0 = k * p, b1 = b0 + p;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0;
      for (let j = 0; j < p; j++) {
        const x = a[a0 + j], y = a[a1 + j], v = b[b0 + j], w = b[b1 + j];
        s00 += x * v;
        s01 += x * w;
        s10 += y * v;
        s11 += y * w;
      }
      out[o0 + k] = s00;
      out[o0 + k + 1] = s01;
      out[o1 + k] = s10;
      out[o1 + k + 1] = s11;
    }
    if (k < n) {
      const b0 = k * p;
      let s00 = 0, s10 = 0;
      for (let j = 0; j < p; j++) {
        const v = b[b0 + j];
        s00 += a[a0 + j] * v;
        s10 += a[a1 + j] * v;
      }
      out[o0 + k] = s00;
      out[o1 + k] = s10;
    }
  }
  if (i < m) {
    const a0 = i * p, o0 = i * n;
    for (let k = 0; k < n; k++) {
      const b0 = k * p;
      let s = 0;
      for (let j = 0; j < p; j++) s += a[a0 + j] * b[b0 + j];
      out[o0 + k] = s;
    }
  }
}
