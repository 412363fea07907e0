// The engine's hot loops in AssemblyScript, compiled to WebAssembly 128-bit SIMD: two float64 lanes per instruction.
// Every argument that names a buffer is a byte address in the instance's memory (the caller passes each
// Float64Array's byteOffset); lengths are counts of float64 values. Each output value is summed in one fixed order
// (bias, then k = 0, 1, 2, ...), whatever block it falls in, so results are deterministic and do not depend on
// the matrix shapes. No allocation, no runtime: these functions only read and write the memory they are given.

/** multiply(): store the sum as it is */
const PLAIN = 0;
/** multiply(): store max(sum, 0), a ReLU layer's output */
const RELU = 1;
/** multiply(): store the sum where mask > 0 and 0 elsewhere, a delta sent back through a ReLU (mask = its outputs) */
const RELU_GRADIENT = 2;

@inline function finish(at: usize, sum: v128, mode: i32, maskAt: usize): void {
  // pmax(x, 0) is x < 0 ? 0 : x, so a NaN passes through (divergence stays visible)
  if (mode == RELU) sum = f64x2.pmax(sum, f64x2.splat(0.0));
  else if (mode == RELU_GRADIENT) sum = v128.and(sum, f64x2.gt(v128.load(maskAt), f64x2.splat(0.0)));
  v128.store(at, sum);
}

@inline function finish1(at: usize, sum: f64, mode: i32, maskAt: usize): void {
  if (mode == RELU) sum = sum < 0 ? 0 : sum;
  else if (mode == RELU_GRADIENT) sum = load<f64>(maskAt) > 0 ? sum : 0;
  store<f64>(at, sum);
}

@inline function start(bias: usize, at: usize): v128 {
  return bias != 0 ? v128.load(bias + at) : f64x2.splat(0.0);
}

@inline function start1(bias: usize, at: usize): f64 {
  return bias != 0 ? load<f64>(bias + at) : 0.0;
}

/**
 * out (m×p) = A (m×n) · b (n×p) [+ bias (p)], then the finishing `mode` (PLAIN, RELU, RELU_GRADIENT with `mask`
 * laid out like out). A(i, k) is the float64 at a + i * rowStep + k * colStep (bytes), so A can be a matrix or a
 * transposed one; b, bias, out and mask are row-major and contiguous. bias 0 means none.
 * Blocks of 4 rows × 4 columns keep eight vector sums in registers: each loaded pair of b serves four rows.
 */
export function multiply(
  a: usize, rowStep: usize, colStep: usize, b: usize, bias: usize, out: usize, mask: usize, m: i32, n: i32, p: i32, mode: i32,
): void {
  const row = <usize>p << 3;
  const r2 = rowStep * 2, r3 = rowStep * 3;
  let i = 0;
  for (; i + 4 <= m; i += 4) {
    const a0 = a + <usize>i * rowStep;
    const o0 = <usize>i * row;
    let j = 0;
    for (; j + 4 <= p; j += 4) {
      const jb = <usize>j << 3;
      const first = start(bias, jb), second = start(bias, jb + 16);
      let s00 = first, s01 = second, s10 = first, s11 = second, s20 = first, s21 = second, s30 = first, s31 = second;
      let ap = a0, bp = b + jb;
      for (let k = 0; k < n; k++) {
        const w0 = v128.load(bp), w1 = v128.load(bp, 16);
        let x = v128.load64_splat(ap);
        s00 = f64x2.add(s00, f64x2.mul(x, w0));
        s01 = f64x2.add(s01, f64x2.mul(x, w1));
        x = v128.load64_splat(ap + rowStep);
        s10 = f64x2.add(s10, f64x2.mul(x, w0));
        s11 = f64x2.add(s11, f64x2.mul(x, w1));
        x = v128.load64_splat(ap + r2);
        s20 = f64x2.add(s20, f64x2.mul(x, w0));
        s21 = f64x2.add(s21, f64x2.mul(x, w1));
        x = v128.load64_splat(ap + r3);
        s30 = f64x2.add(s30, f64x2.mul(x, w0));
        s31 = f64x2.add(s31, f64x2.mul(x, w1));
        ap += colStep;
        bp += row;
      }
      const at = o0 + jb;
      finish(out + at, s00, mode, mask + at);
      finish(out + at + 16, s01, mode, mask + at + 16);
      finish(out + at + row, s10, mode, mask + at + row);
      finish(out + at + row + 16, s11, mode, mask + at + row + 16);
      finish(out + at + 2 * row, s20, mode, mask + at + 2 * row);
      finish(out + at + 2 * row + 16, s21, mode, mask + at + 2 * row + 16);
      finish(out + at + 3 * row, s30, mode, mask + at + 3 * row);
      finish(out + at + 3 * row + 16, s31, mode, mask + at + 3 * row + 16);
    }
    for (; j + 2 <= p; j += 2) {
      const jb = <usize>j << 3;
      let s0 = start(bias, jb), s1 = s0, s2 = s0, s3 = s0;
      let ap = a0, bp = b + jb;
      for (let k = 0; k < n; k++) {
        const w = v128.load(bp);
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(ap), w));
        s1 = f64x2.add(s1, f64x2.mul(v128.load64_splat(ap + rowStep), w));
        s2 = f64x2.add(s2, f64x2.mul(v128.load64_splat(ap + r2), w));
        s3 = f64x2.add(s3, f64x2.mul(v128.load64_splat(ap + r3), w));
        ap += colStep;
        bp += row;
      }
      const at = o0 + jb;
      finish(out + at, s0, mode, mask + at);
      finish(out + at + row, s1, mode, mask + at + row);
      finish(out + at + 2 * row, s2, mode, mask + at + 2 * row);
      finish(out + at + 3 * row, s3, mode, mask + at + 3 * row);
    }
    for (; j < p; j++) {
      const jb = <usize>j << 3;
      let s0 = start1(bias, jb), s1 = s0, s2 = s0, s3 = s0;
      let ap = a0, bp = b + jb;
      for (let k = 0; k < n; k++) {
        const w = load<f64>(bp);
        s0 += load<f64>(ap) * w;
        s1 += load<f64>(ap + rowStep) * w;
        s2 += load<f64>(ap + r2) * w;
        s3 += load<f64>(ap + r3) * w;
        ap += colStep;
        bp += row;
      }
      const at = o0 + jb;
      finish1(out + at, s0, mode, mask + at);
      finish1(out + at + row, s1, mode, mask + at + row);
      finish1(out + at + 2 * row, s2, mode, mask + at + 2 * row);
      finish1(out + at + 3 * row, s3, mode, mask + at + 3 * row);
    }
  }
  for (; i < m; i++) {
    const a0 = a + <usize>i * rowStep;
    const o0 = <usize>i * row;
    let j = 0;
    for (; j + 4 <= p; j += 4) {
      const jb = <usize>j << 3;
      let s0 = start(bias, jb), s1 = start(bias, jb + 16);
      let ap = a0, bp = b + jb;
      for (let k = 0; k < n; k++) {
        const x = v128.load64_splat(ap);
        s0 = f64x2.add(s0, f64x2.mul(x, v128.load(bp)));
        s1 = f64x2.add(s1, f64x2.mul(x, v128.load(bp, 16)));
        ap += colStep;
        bp += row;
      }
      const at = o0 + jb;
      finish(out + at, s0, mode, mask + at);
      finish(out + at + 16, s1, mode, mask + at + 16);
    }
    for (; j + 2 <= p; j += 2) {
      const jb = <usize>j << 3;
      let s0 = start(bias, jb);
      let ap = a0, bp = b + jb;
      for (let k = 0; k < n; k++) {
        s0 = f64x2.add(s0, f64x2.mul(v128.load64_splat(ap), v128.load(bp)));
        ap += colStep;
        bp += row;
      }
      const at = o0 + jb;
      finish(out + at, s0, mode, mask + at);
    }
    for (; j < p; j++) {
      const jb = <usize>j << 3;
      let s0 = start1(bias, jb);
      let ap = a0, bp = b + jb;
      for (let k = 0; k < n; k++) {
        s0 += load<f64>(ap) * load<f64>(bp);
        ap += colStep;
        bp += row;
      }
      const at = o0 + jb;
      finish1(out + at, s0, mode, mask + at);
    }
  }
}

/** to (cols×rows) = fromᵀ, with from (rows×cols). Lets a product with a transposed kernel use multiply(). */
export function transpose(from: usize, to: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const src = from + ((<usize>r * <usize>cols) << 3);
    for (let c = 0; c < cols; c++) store<f64>(to + ((<usize>c * <usize>rows + <usize>r) << 3), load<f64>(src + (<usize>c << 3)));
  }
}

/** out[j] = Σ_r d[r][j] for d (rows×units), summed from 0 in row order (as the plain loop does). */
export function columnSums(d: usize, out: usize, rows: i32, units: i32): void {
  const row = <usize>units << 3;
  let j = 0;
  for (; j + 2 <= units; j += 2) {
    let s = f64x2.splat(0.0);
    let at = d + (<usize>j << 3);
    for (let r = 0; r < rows; r++, at += row) s = f64x2.add(s, v128.load(at));
    v128.store(out + (<usize>j << 3), s);
  }
  for (; j < units; j++) {
    let s = 0.0;
    let at = d + (<usize>j << 3);
    for (let r = 0; r < rows; r++, at += row) s += load<f64>(at);
    store<f64>(out + (<usize>j << 3), s);
  }
}

// The optimizers' updates, operation for operation as in ../../optimizers.ts (sqrt and division are exact IEEE
// operations in both), so the two paths give the same bits.

/** adam: m += (g - m) c1;  v += (g² - v) c2;  w -= alpha m / (sqrt(v) + eps) */
export function adam(w: usize, g: usize, m: usize, v: usize, count: i32, alpha: f64, c1: f64, c2: f64, eps: f64): void {
  const va = f64x2.splat(alpha), vc1 = f64x2.splat(c1), vc2 = f64x2.splat(c2), ve = f64x2.splat(eps);
  let i = 0;
  for (; i + 2 <= count; i += 2) {
    const at = <usize>i << 3;
    const gi = v128.load(g + at), mOld = v128.load(m + at), vOld = v128.load(v + at);
    const mi = f64x2.add(mOld, f64x2.mul(f64x2.sub(gi, mOld), vc1));
    const vi = f64x2.add(vOld, f64x2.mul(f64x2.sub(f64x2.mul(gi, gi), vOld), vc2));
    v128.store(m + at, mi);
    v128.store(v + at, vi);
    v128.store(w + at, f64x2.sub(v128.load(w + at), f64x2.div(f64x2.mul(va, mi), f64x2.add(f64x2.sqrt(vi), ve))));
  }
  for (; i < count; i++) {
    const at = <usize>i << 3;
    const gi = load<f64>(g + at), mOld = load<f64>(m + at), vOld = load<f64>(v + at);
    const mi = mOld + (gi - mOld) * c1;
    const vi = vOld + (gi * gi - vOld) * c2;
    store<f64>(m + at, mi);
    store<f64>(v + at, vi);
    store<f64>(w + at, load<f64>(w + at) - (alpha * mi) / (Math.sqrt(vi) + eps));
  }
}

/** rmsprop: v = rho v + (1 - rho) g g;  w -= lr g / sqrt(v + eps) */
export function rmsprop(w: usize, g: usize, v: usize, count: i32, lr: f64, rho: f64, eps: f64): void {
  const vr = f64x2.splat(rho), vk = f64x2.splat(1 - rho), vl = f64x2.splat(lr), ve = f64x2.splat(eps);
  let i = 0;
  for (; i + 2 <= count; i += 2) {
    const at = <usize>i << 3;
    const gi = v128.load(g + at);
    const vi = f64x2.add(f64x2.mul(vr, v128.load(v + at)), f64x2.mul(f64x2.mul(vk, gi), gi));
    v128.store(v + at, vi);
    v128.store(w + at, f64x2.sub(v128.load(w + at), f64x2.div(f64x2.mul(vl, gi), f64x2.sqrt(f64x2.add(vi, ve)))));
  }
  for (; i < count; i++) {
    const at = <usize>i << 3;
    const gi = load<f64>(g + at);
    const vi = rho * load<f64>(v + at) + (1 - rho) * gi * gi;
    store<f64>(v + at, vi);
    store<f64>(w + at, load<f64>(w + at) - (lr * gi) / Math.sqrt(vi + eps));
  }
}

/** sgd: w -= lr g;  with momentum mu: m = mu m - lr g, then w += m, or with Nesterov w += mu m - lr g */
export function sgd(w: usize, g: usize, m: usize, count: i32, lr: f64, mu: f64, nesterov: bool): void {
  const vl = f64x2.splat(lr), vm = f64x2.splat(mu);
  let i = 0;
  if (mu == 0) {
    for (; i + 2 <= count; i += 2) {
      const at = <usize>i << 3;
      v128.store(w + at, f64x2.sub(v128.load(w + at), f64x2.mul(vl, v128.load(g + at))));
    }
    for (; i < count; i++) {
      const at = <usize>i << 3;
      store<f64>(w + at, load<f64>(w + at) - lr * load<f64>(g + at));
    }
    return;
  }
  for (; i + 2 <= count; i += 2) {
    const at = <usize>i << 3;
    const step = f64x2.mul(vl, v128.load(g + at));
    const mi = f64x2.sub(f64x2.mul(vm, v128.load(m + at)), step);
    v128.store(m + at, mi);
    v128.store(w + at, f64x2.add(v128.load(w + at), nesterov ? f64x2.sub(f64x2.mul(vm, mi), step) : mi));
  }
  for (; i < count; i++) {
    const at = <usize>i << 3;
    const step = lr * load<f64>(g + at);
    const mi = mu * load<f64>(m + at) - step;
    store<f64>(m + at, mi);
    store<f64>(w + at, load<f64>(w + at) + (nesterov ? mu * mi - step : mi));
  }
}
