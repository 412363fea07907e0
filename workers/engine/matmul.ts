// The three small matrix products of training, on row-major Float64Arrays, written for V8 (which does not vectorise):
// outputs are computed four rows at a time, four inner-dimension steps at a time, so each loaded weight serves four
// rows and each stored output takes four products (about 3x a plain triple loop here). The summation order is fixed,
// so results are deterministic.

/** out (m×p) = a (m×n) · b (n×p), plus bias (p) on every row when given. The forward pass of a dense layer. */
export function multiply(a: Float64Array, b: Float64Array, bias: Float64Array | null, out: Float64Array, m: number, n: number, p: number): void {
  // a's row i starts at i * n: rows are contiguous, columns one apart
  multiplyStrided(a, n, 1, b, bias, out, m, n, p);
}

/** out (n×p) = aᵀ · b, with a (m×n) and b (m×p). A kernel's gradient: layer inputᵀ · deltas. */
export function multiplyTransposedA(a: Float64Array, b: Float64Array, out: Float64Array, m: number, n: number, p: number): void {
  // row i of aᵀ is column i of a: it starts at i and steps by n
  multiplyStrided(a, 1, n, b, null, out, n, m, p);
}

/**
 * out (m×p) = A (m×n) · b (n×p) [+ bias], where A(i, k) = a[i * rowStride + k * colStride]. Rows of out are made
 * four at a time (then one at a time for the last few), the inner dimension four steps at a time.
 */
function multiplyStrided(
  a: Float64Array, rowStride: number, colStride: number, b: Float64Array, bias: Float64Array | null,
  out: Float64Array, m: number, n: number, p: number,
): void {
  if (p === 1) return dotColumn(a, rowStride, colStride, b, bias, out, m, n);
  const c1 = colStride, c2 = 2 * colStride, c3 = 3 * colStride, step = 4 * colStride;
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const o0 = i * p, o1 = o0 + p, o2 = o1 + p, o3 = o2 + p;
    if (bias !== null) for (let j = 0; j < p; j++) out[o0 + j] = out[o1 + j] = out[o2 + j] = out[o3 + j] = bias[j];
    else for (let j = 0; j < p; j++) out[o0 + j] = out[o1 + j] = out[o2 + j] = out[o3 + j] = 0;
    let a0 = i * rowStride, a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
    let k = 0;
    for (; k + 3 < n; k += 4, a0 += step, a1 += step, a2 += step, a3 += step) {
      const x0 = a[a0], x1 = a[a0 + c1], x2 = a[a0 + c2], x3 = a[a0 + c3];
      const y0 = a[a1], y1 = a[a1 + c1], y2 = a[a1 + c2], y3 = a[a1 + c3];
      const z0 = a[a2], z1 = a[a2 + c1], z2 = a[a2 + c2], z3 = a[a2 + c3];
      const u0 = a[a3], u1 = a[a3 + c1], u2 = a[a3 + c2], u3 = a[a3 + c3];
      const b0 = k * p, b1 = b0 + p, b2 = b1 + p, b3 = b2 + p;
      for (let j = 0; j < p; j++) {
        const w0 = b[b0 + j], w1 = b[b1 + j], w2 = b[b2 + j], w3 = b[b3 + j];
        out[o0 + j] += x0 * w0 + x1 * w1 + x2 * w2 + x3 * w3;
        out[o1 + j] += y0 * w0 + y1 * w1 + y2 * w2 + y3 * w3;
        out[o2 + j] += z0 * w0 + z1 * w1 + z2 * w2 + z3 * w3;
        out[o3 + j] += u0 * w0 + u1 * w1 + u2 * w2 + u3 * w3;
      }
    }
    for (; k < n; k++, a0 += c1, a1 += c1, a2 += c1, a3 += c1) {
      const x0 = a[a0], y0 = a[a1], z0 = a[a2], u0 = a[a3], b0 = k * p;
      for (let j = 0; j < p; j++) {
        const w0 = b[b0 + j];
        out[o0 + j] += x0 * w0;
        out[o1 + j] += y0 * w0;
        out[o2 + j] += z0 * w0;
        out[o3 + j] += u0 * w0;
      }
    }
  }
  for (; i < m; i++) {
    const o0 = i * p;
    if (bias !== null) for (let j = 0; j < p; j++) out[o0 + j] = bias[j];
    else for (let j = 0; j < p; j++) out[o0 + j] = 0;
    let a0 = i * rowStride;
    let k = 0;
    for (; k + 3 < n; k += 4, a0 += step) {
      const x0 = a[a0], x1 = a[a0 + c1], x2 = a[a0 + c2], x3 = a[a0 + c3];
      const b0 = k * p, b1 = b0 + p, b2 = b1 + p, b3 = b2 + p;
      for (let j = 0; j < p; j++) out[o0 + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
    }
    for (; k < n; k++, a0 += c1) {
      const x0 = a[a0], b0 = k * p;
      for (let j = 0; j < p; j++) out[o0 + j] += x0 * b[b0 + j];
    }
  }
}

/** The one-column case (a layer of one unit): out[i] = bias + Σ_k A(i, k) b[k], four rows at a time. */
function dotColumn(
  a: Float64Array, rowStride: number, colStride: number, b: Float64Array, biases: Float64Array | null, out: Float64Array, m: number, n: number,
): void {
  // the bias travels as its array: a number argument would be boxed on every call that is not inlined
  const bias = biases === null ? 0 : biases[0];
  let i = 0;
  for (; i + 3 < m; i += 4) {
    let a0 = i * rowStride, a1 = a0 + rowStride, a2 = a1 + rowStride, a3 = a2 + rowStride;
    let s0 = bias, s1 = bias, s2 = bias, s3 = bias;
    for (let k = 0; k < n; k++, a0 += colStride, a1 += colStride, a2 += colStride, a3 += colStride) {
      const w = b[k];
      s0 += a[a0] * w;
      s1 += a[a1] * w;
      s2 += a[a2] * w;
      s3 += a[a3] * w;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < m; i++) {
    let s = bias;
    for (let k = 0, at = i * rowStride; k < n; k++, at += colStride) s += a[at] * b[k];
    out[i] = s;
  }
}

/** out (m×n) = a · bᵀ, with a (m×p) and b (n×p). Deltas sent back through a kernel: deltas · kernelᵀ. */
export function multiplyTransposedB(a: Float64Array, b: Float64Array, out: Float64Array, m: number, n: number, p: number): void {
  if (p === 1) {
    // from a one-unit layer: an outer product
    for (let i = 0; i < m; i++) {
      const x = a[i], o = i * n;
      for (let k = 0; k < n; k++) out[o + k] = x * b[k];
    }
    return;
  }
  // each output is a dot product of two contiguous rows; 4×2 outputs at a time share their loads
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = i * p, a1 = a0 + p, a2 = a1 + p, a3 = a2 + p, o0 = i * n, o1 = o0 + n, o2 = o1 + n, o3 = o2 + n;
    let k = 0;
    for (; k + 1 < n; k += 2) {
      const b0 = k * p, b1 = b0 + p;
      let s00 = 0, s01 = 0, s10 = 0, s11 = 0, s20 = 0, s21 = 0, s30 = 0, s31 = 0;
      for (let j = 0; j < p; j++) {
        const v = b[b0 + j], w = b[b1 + j], x = a[a0 + j], y = a[a1 + j], z = a[a2 + j], u = a[a3 + j];
        s00 += x * v;
        s01 += x * w;
        s10 += y * v;
        s11 += y * w;
        s20 += z * v;
        s21 += z * w;
        s30 += u * v;
        s31 += u * w;
      }
      out[o0 + k] = s00;
      out[o0 + k + 1] = s01;
      out[o1 + k] = s10;
      out[o1 + k + 1] = s11;
      out[o2 + k] = s20;
      out[o2 + k + 1] = s21;
      out[o3 + k] = s30;
      out[o3 + k + 1] = s31;
    }
    if (k < n) {
      const b0 = k * p;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let j = 0; j < p; j++) {
        const v = b[b0 + j];
        s0 += a[a0 + j] * v;
        s1 += a[a1 + j] * v;
        s2 += a[a2 + j] * v;
        s3 += a[a3 + j] * v;
      }
      out[o0 + k] = s0;
      out[o1 + k] = s1;
      out[o2 + k] = s2;
      out[o3 + k] = s3;
    }
  }
  for (; i < m; i++) {
    const a0 = i * p, o0 = i * n;
    for (let k = 0; k < n; k++) {
      const b0 = k * p;
      let s = 0;
      for (let j = 0; j < p; j++) s += a[a0 + j] * b[b0 + j];
      out[o0 + k] = s;
    }
  }
}
