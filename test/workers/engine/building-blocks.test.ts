// Activations, initializers and the random number generator against known values.
import { describe, expect, it } from 'vitest';
import { activations } from '../../../workers/engine/activations';
import { initializeKernel } from '../../../workers/engine/initializers';
import { Rng } from '../../../workers/engine/rng';
import { INITIALIZERS, type ActivationName } from '../../../workers/engine/spec';

describe('activation forward values (Keras meanings)', () => {
  const z = [-2, 0, 1.5];
  it.each([
    { name: 'linear', y: [-2, 0, 1.5] },
    { name: 'relu', y: [0, 0, 1.5] },
    { name: 'leaky_relu', y: [-0.4, 0, 1.5] }, // Keras 3 negative_slope 0.2
    { name: 'elu', y: [Math.exp(-2) - 1, 0, 1.5] },
    { name: 'sigmoid', y: [1 / (1 + Math.exp(2)), 0.5, 1 / (1 + Math.exp(-1.5))] },
    { name: 'tanh', y: [Math.tanh(-2), 0, Math.tanh(1.5)] },
    { name: 'softplus', y: [Math.log(1 + Math.exp(-2)), Math.LN2, Math.log(1 + Math.exp(1.5))] },
    { name: 'softmax', y: [Math.exp(-2), 1, Math.exp(1.5)].map((e, _, all) => e / all.reduce((a, b) => a + b)) },
  ] as { name: ActivationName; y: number[] }[])('$name', ({ name, y }) => {
    const out = new Float64Array(3);
    activations[name].forward(Float64Array.from(z), out, 3, 3);
    y.forEach((v, i) => expect(out[i]).toBeCloseTo(v, 14));
  });

  it('sigmoid, softplus and softmax stay finite at extremes', () => {
    const z = Float64Array.from([-1000, 1000]), out = new Float64Array(2);
    activations.sigmoid.forward(z, out, 2, 2);
    expect(Array.from(out)).toEqual([0, 1]);
    activations.softplus.forward(z, out, 2, 2);
    expect(Array.from(out)).toEqual([0, 1000]);
    activations.softmax.forward(z, out, 2, 2);
    expect(Array.from(out)).toEqual([0, 1]);
  });
});

describe('initializers', () => {
  const fanIn = 50, fanOut = 30;
  const draw = (name: (typeof INITIALIZERS)[number]) => {
    const k = new Float64Array(fanIn * fanOut);
    initializeKernel(name, k, fanIn, fanOut, new Rng(1));
    const mean = k.reduce((a, b) => a + b) / k.length;
    const std = Math.sqrt(k.reduce((a, b) => a + (b - mean) ** 2, 0) / k.length);
    return { k, mean, std, max: Math.max(...k.map(Math.abs)) };
  };
  it.each([
    // uniform on [-l, l] has stddev l / sqrt(3); Keras' truncated normals are rescaled to keep the target stddev
    { name: 'random_uniform', limit: 0.05, std: 0.05 / Math.sqrt(3) },
    { name: 'random_normal', limit: Infinity, std: 0.05 },
    { name: 'glorot_uniform', limit: Math.sqrt(6 / 80), std: Math.sqrt(6 / 80) / Math.sqrt(3) },
    { name: 'glorot_normal', limit: 2 * Math.sqrt(2 / 80) / 0.87962566103423978, std: Math.sqrt(2 / 80) },
    { name: 'he_uniform', limit: Math.sqrt(6 / 50), std: Math.sqrt(6 / 50) / Math.sqrt(3) },
    { name: 'he_normal', limit: 2 * Math.sqrt(2 / 50) / 0.87962566103423978, std: Math.sqrt(2 / 50) },
  ] as const)('$name: within its limit, with the stddev Keras gives', ({ name, limit, std }) => {
    const d = draw(name);
    expect(d.max).toBeLessThanOrEqual(limit);
    expect(Math.abs(d.mean)).toBeLessThan(0.1 * std);
    expect(d.std / std).toBeGreaterThan(0.95);
    expect(d.std / std).toBeLessThan(1.05);
  });
  it('zeros', () => {
    expect(draw('zeros').max).toBe(0);
  });
});

describe('Rng', () => {
  it('the same seed gives the same sequence, another seed another', () => {
    const a = new Rng(7), b = new Rng(7), c = new Rng(8);
    const seq = (r: Rng) => Array.from({ length: 5 }, () => r.nextUint32());
    const first = seq(a);
    expect(seq(b)).toEqual(first);
    expect(seq(c)).not.toEqual(first);
  });
  it('uniform values are in [0, 1) with mean 1/2; normals have mean 0, stddev 1', () => {
    const r = new Rng(3);
    let sum = 0, min = 1, max = 0;
    for (let i = 0; i < 100000; i++) {
      const u = r.next();
      sum += u; min = Math.min(min, u); max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / 100000).toBeCloseTo(0.5, 2);
    let s = 0, s2 = 0;
    for (let i = 0; i < 100000; i++) { const v = r.normal(); s += v; s2 += v * v; }
    expect(s / 100000).toBeCloseTo(0, 1);
    expect(Math.sqrt(s2 / 100000)).toBeCloseTo(1, 1);
  });
  it('shuffle is a permutation', () => {
    const a = Int32Array.from({ length: 50 }, (_, i) => i);
    new Rng(1).shuffle(a);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(a)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
