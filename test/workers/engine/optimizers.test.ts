// Hand-worked single steps of each optimizer from Keras' formulas, on f(w) = w² (gradient 2w), as tfjs' SGD test does.
import { describe, expect, it } from 'vitest';
import { createOptimizer } from '../../../workers/engine/optimizers';
import type { OptimizerSettings } from '../../../workers/engine/spec';

/** Runs `steps` updates on params starting at [4, -3] with the gradient of w², returning the params after each. */
function run(settings: OptimizerSettings, steps: number): number[][] {
  const params = Float64Array.from([4, -3]);
  const grads = new Float64Array(2);
  const optimizer = createOptimizer(settings, 2);
  const seen: number[][] = [];
  for (let s = 0; s < steps; s++) {
    for (let i = 0; i < 2; i++) grads[i] = 2 * params[i];
    optimizer.step(params, grads);
    seen.push(Array.from(params));
  }
  return seen;
}

describe('optimizer steps', () => {
  it.each([
    {
      name: 'sgd, Keras default lr 0.01: w - lr g',
      settings: { name: 'sgd' } as OptimizerSettings,
      // 4 - 0.01 * 8 = 3.92;  -3 - 0.01 * (-6) = -2.94
      expected: [[3.92, -2.94]],
    },
    {
      name: 'sgd lr 0.1, two steps',
      settings: { name: 'sgd', learningRate: 0.1 } as OptimizerSettings,
      // -2 * 4 * lr + 4 = 3.2, then 3.2 - 0.1 * 6.4 = 2.56
      expected: [[-2 * 4 * 0.1 + 4, -2 * -3 * 0.1 - 3], [2.56, -1.92]],
    },
    {
      name: 'sgd momentum 0.9',
      settings: { name: 'sgd', learningRate: 0.1, momentum: 0.9 } as OptimizerSettings,
      // step 1: m = -0.8, w = 3.2.   step 2: g = 6.4, m = 0.9 * -0.8 - 0.64 = -1.36, w = 3.2 - 1.36 = 1.84
      // (second weight: m = 0.6, w = -2.4; g = -4.8, m = 0.54 + 0.48 = 1.02, w = -1.38)
      expected: [[3.2, -2.4], [1.84, -1.38]],
    },
    {
      name: 'sgd Nesterov momentum 0.9',
      settings: { name: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true } as OptimizerSettings,
      // step 1: m = -0.8, w = 4 + 0.9 * -0.8 - 0.8 = 2.48
      // step 2: g = 4.96, m = -0.72 - 0.496 = -1.216, w = 2.48 + 0.9 * -1.216 - 0.496 = 0.8896
      // (second: m = 0.6, w = -3 + 0.54 + 0.6 = -1.86; g = -3.72, m = 0.54 + 0.372 = 0.912, w = -1.86 + 0.8208 + 0.372 = -0.6672)
      expected: [[2.48, -1.86], [0.8896, -0.6672]],
    },
    {
      name: 'rmsprop lr 0.01, rho 0.9 (Keras 3: lr g / sqrt(v + eps))',
      settings: { name: 'rmsprop', learningRate: 0.01 } as OptimizerSettings,
      // v = 0.1 * 64 = 6.4, w = 4 - 0.01 * 8 / sqrt(6.4 + 1e-7) = 3.96837722...
      // (v = 0.1 * 36 = 3.6, w = -3 + 0.01 * 6 / sqrt(3.6 + 1e-7) = -2.96837722...: the first step is lr / sqrt(0.1))
      expected: [[4 - (0.01 * 8) / Math.sqrt(6.4 + 1e-7), -3 + (0.01 * 6) / Math.sqrt(3.6 + 1e-7)]],
      literal: [[3.968377223, -2.968377223]],
    },
    {
      name: 'adam lr 0.1 (Keras defaults beta1 0.9, beta2 0.999, eps 1e-7)',
      settings: { name: 'adam', learningRate: 0.1 } as OptimizerSettings,
      // t = 1: alpha = 0.1 * sqrt(1 - 0.999) / (1 - 0.9); m = 0.1 * 8 = 0.8; v = 0.001 * 64 = 0.064
      //        w = 4 - alpha * 0.8 / (sqrt(0.064) + 1e-7) = 3.9000000395... (Adam's first step is about lr)
      expected: [[
        4 - ((0.1 * Math.sqrt(0.001)) / 0.1) * 0.8 / (Math.sqrt(0.064) + 1e-7),
        -3 + ((0.1 * Math.sqrt(0.001)) / 0.1) * 0.6 / (Math.sqrt(0.036) + 1e-7),
      ]],
      literal: [[3.90000004, -2.90000005]],
    },
  ])('$name', ({ settings, expected, literal }) => {
    const seen = run(settings, expected.length);
    expected.forEach((row, s) => row.forEach((v, i) => expect(seen[s][i]).toBeCloseTo(v, 12)));
    literal?.forEach((row, s) => row.forEach((v, i) => expect(seen[s][i]).toBeCloseTo(v, 8)));
  });

  it('adam second step uses the bias corrections of t = 2', () => {
    const [first, second] = run({ name: 'adam', learningRate: 0.1 }, 2);
    const w1 = first[0], g1 = 8, g2 = 2 * w1;
    const m = 0.9 * (0.1 * g1) + 0.1 * g2;
    const v = 0.999 * (0.001 * g1 * g1) + 0.001 * g2 * g2;
    const alpha = (0.1 * Math.sqrt(1 - 0.999 ** 2)) / (1 - 0.9 ** 2);
    expect(second[0]).toBeCloseTo(w1 - (alpha * m) / (Math.sqrt(v) + 1e-7), 12);
  });

  it('rmsprop second step keeps the running mean of squares', () => {
    const [first, second] = run({ name: 'rmsprop', learningRate: 0.01 }, 2);
    const g2 = 2 * first[0];
    const v = 0.9 * 6.4 + 0.1 * g2 * g2;
    expect(second[0]).toBeCloseTo(first[0] - (0.01 * g2) / Math.sqrt(v + 1e-7), 12);
  });
});
