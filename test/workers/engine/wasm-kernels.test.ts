// The WebAssembly SIMD kernels one by one: each output must equal, bit for bit, the plain loop that sums in the
// kernels' stated order (bias, then k = 0, 1, ...), for shapes that hit every block and tail; the optimizers must
// give exactly the JavaScript optimizers' bits; the arena must refuse what it cannot hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../workers/engine/optimizers';
import { Rng } from '../../../workers/engine/rng';
import type { OptimizerSettings } from '../../../workers/engine/spec';
import { sourceHash } from '../../../workers/engine/wasm/build';
import { KERNELS_SOURCE_SHA256 } from '../../../workers/engine/wasm/kernels-wasm';
import { WasmKernels, wasmKernelsAvailable } from '../../../workers/engine/wasm/wasm-kernels';

const kernels = (doubles = 1 << 16): WasmKernels => {
  const k = WasmKernels.create(doubles);
  if (k === null) throw new Error('WebAssembly SIMD is missing');
  return k;
};

/** a buffer in k's memory filled with values from rng, some negative, some exactly zero */
function filled(k: WasmKernels, length: number, rng: Rng): Float64Array {
  const a = k.alloc(length);
  for (let i = 0; i < length; i++) a[i] = i % 7 === 3 ? 0 : rng.normal();
  return a;
}

const bits = (a: ArrayLike<number>) => Array.from(a, (v) => (Object.is(v, -0) ? 0 : v));

// every row block (4) and tail (1-3), every column block (4, 2) and tail (1)
const SHAPES: [number, number, number][] = [];
for (const m of [1, 3, 4, 5, 9]) for (const n of [1, 2, 5]) for (const p of [1, 2, 3, 4, 5, 7, 8]) SHAPES.push([m, n, p]);

describe('WebAssembly SIMD kernels', () => {
  it('run in this Node (WebAssembly SIMD is on by default since Node 16.4)', () => {
    expect(wasmKernelsAvailable()).toBe(true);
  });

  it('the committed module was built from the current source (else: npx tsx workers/engine/wasm/build.ts)', () => {
    const source = readFileSync(join(__dirname, '../../../workers/engine/wasm/assembly/kernels.ts'), 'utf8');
    expect(sourceHash(source)).toBe(KERNELS_SOURCE_SHA256);
  });

  it('dense: a hand-worked 2×2 product, bias and ReLU', () => {
    const k = kernels();
    const x = k.alloc(4), w = k.alloc(4), b = k.alloc(2), out = k.alloc(4);
    x.set([1, 2, 3, 4]);
    w.set([5, 6, 7, 8]);
    b.set([1, -100]);
    k.dense(k.address(x), k.address(w), k.address(b), k.address(out), 2, 2, 2, false);
    // [1 2; 3 4] · [5 6; 7 8] = [19 22; 43 50], plus the bias
    expect(Array.from(out)).toEqual([20, -78, 44, -50]);
    k.dense(k.address(x), k.address(w), k.address(b), k.address(out), 2, 2, 2, true);
    expect(Array.from(out)).toEqual([20, 0, 44, 0]);
    k.dense(k.address(x), k.address(w), 0, k.address(out), 2, 2, 2, false);
    expect(Array.from(out)).toEqual([19, 22, 43, 50]);
  });

  it.each(SHAPES)('dense %i×%i · %i×… equals the plain loop bit for bit (bias or not, ReLU or not)', (m, n, p) => {
    const k = kernels(), rng = new Rng(m * 100 + n * 10 + p);
    const x = filled(k, m * n, rng), w = filled(k, n * p, rng), b = filled(k, p, rng), out = k.alloc(m * p);
    for (const bias of [b, null]) {
      for (const relu of [false, true]) {
        const expected: number[] = [];
        for (let i = 0; i < m; i++) {
          for (let j = 0; j < p; j++) {
            let s = bias ? bias[j] : 0;
            for (let c = 0; c < n; c++) s += x[i * n + c] * w[c * p + j];
            expected.push(relu && s < 0 ? 0 : s);
          }
        }
        k.dense(k.address(x), k.address(w), k.addressOrZero(bias), k.address(out), m, n, p, relu);
        expect(bits(out)).toEqual(bits(expected));
      }
    }
  });

  it.each(SHAPES)('kernel gradient inputᵀ · delta, %i rows, %i inputs, %i units, equals the plain loop', (rows, fanIn, units) => {
    const k = kernels(), rng = new Rng(rows * 31 + fanIn * 7 + units);
    const input = filled(k, rows * fanIn, rng), delta = filled(k, rows * units, rng), out = k.alloc(fanIn * units);
    const expected: number[] = [];
    for (let c = 0; c < fanIn; c++) {
      for (let j = 0; j < units; j++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += input[r * fanIn + c] * delta[r * units + j];
        expected.push(s);
      }
    }
    k.kernelGradient(k.address(input), k.address(delta), k.address(out), rows, fanIn, units);
    expect(bits(out)).toEqual(bits(expected));
  });

  it.each(SHAPES)('deltas back through a kernel, %i rows, %i inputs, %i units, plain and through a ReLU', (rows, fanIn, units) => {
    const k = kernels(), rng = new Rng(rows * 17 + fanIn * 5 + units);
    const delta = filled(k, rows * units, rng), kernel = filled(k, fanIn * units, rng), relu = filled(k, rows * fanIn, rng);
    const out = k.alloc(rows * fanIn), scratch = k.alloc(fanIn * units);
    for (const through of [null, relu]) {
      const expected: number[] = [];
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < fanIn; c++) {
          let s = 0;
          for (let j = 0; j < units; j++) s += delta[r * units + j] * kernel[c * units + j];
          expected.push(through && !(through[r * fanIn + c] > 0) ? 0 : s);
        }
      }
      k.deltaBack(k.address(delta), k.address(kernel), k.address(out), rows, fanIn, units, k.addressOrZero(through), k.address(scratch));
      expect(bits(out)).toEqual(bits(expected));
    }
  });

  it('bias gradient: the column sums, in row order', () => {
    const k = kernels(), rng = new Rng(4);
    for (const [rows, units] of [[1, 1], [3, 5], [10, 8], [7, 3]]) {
      const d = filled(k, rows * units, rng), out = k.alloc(units);
      const expected = Array.from({ length: units }, (_, j) => {
        let s = 0;
        for (let r = 0; r < rows; r++) s += d[r * units + j];
        return s;
      });
      k.biasGradient(k.address(d), k.address(out), rows, units);
      expect(bits(out)).toEqual(bits(expected));
    }
  });

  it('a ReLU keeps NaN (so a diverging run is still seen) and zeroes negatives', () => {
    const k = kernels();
    const x = k.alloc(4), w = k.alloc(2), out = k.alloc(8);
    x.set([NaN, -2, 3, -0.5]);
    w.set([1, 1]);
    // one unit: the scalar path; two: the SIMD path
    k.dense(k.address(x), k.address(w), 0, k.address(out), 4, 1, 1, true);
    expect(Array.from(out.subarray(0, 4))).toEqual([NaN, 0, 3, 0]);
    k.dense(k.address(x), k.address(w), 0, k.address(out), 4, 1, 2, true);
    expect(Array.from(out)).toEqual([NaN, NaN, 0, 0, 3, 3, 0, 0]);
  });

  const optimizers: OptimizerSettings[] = [
    { name: 'sgd', learningRate: 0.1 },
    { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
    { name: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true },
    { name: 'rmsprop', learningRate: 0.01 },
    { name: 'adam', learningRate: 0.01 },
  ];
  it.each(optimizers)('$name (momentum $momentum, nesterov $nesterov) updates exactly as the JavaScript one', (settings) => {
    // 7 parameters: three SIMD pairs and a scalar tail
    const size = 7, k = kernels(), rng = new Rng(9);
    const params = k.alloc(size), grads = k.alloc(size);
    for (let i = 0; i < size; i++) params[i] = rng.normal();
    const plainParams = Float64Array.from(params), plainGrads = new Float64Array(size);
    const wasm = createOptimizer(settings, size, k), plain = createOptimizer(settings, size);
    for (let step = 0; step < 5; step++) {
      for (let i = 0; i < size; i++) plainGrads[i] = grads[i] = rng.normal() * (i === 2 ? 0 : 1);
      wasm.step(params, grads);
      plain.step(plainParams, plainGrads);
      expect(bits(params)).toEqual(bits(plainParams));
    }
  });
});

describe('the arena', () => {
  it('hands out zeroed buffers on 16-byte boundaries and refuses one that does not fit', () => {
    const k = kernels(8);
    const a = k.alloc(3), b = k.alloc(4);
    expect(b.byteOffset - a.byteOffset).toBe(32);
    expect(b.byteOffset % 16).toBe(0);
    expect(Array.from(b)).toEqual([0, 0, 0, 0]);
    expect(k.free).toBe(0);
    expect(() => k.alloc(1)).toThrow(/arena is too small/);
  });

  it('refuses an array outside its memory, including another instance\'s', () => {
    const k = kernels(), other = kernels();
    expect(other.memory).not.toBe(k.memory);
    const out = k.alloc(1);
    expect(out.byteOffset).toBeGreaterThan(0);
    expect(k.address(out)).toBe(out.byteOffset);
    expect(() => k.address(new Float64Array(1))).toThrow(/outside their memory/);
    expect(() => k.address(other.alloc(1))).toThrow(/outside their memory/);
    expect(k.addressOrZero(null)).toBe(0);
  });

  it('its memory cannot grow, so no view into it is ever detached', () => {
    const k = kernels(10);
    expect(() => k.memory.grow(1)).toThrow(RangeError);
  });
});
