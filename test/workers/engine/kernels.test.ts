// The kernels interface: a network, its back-propagation and its optimizer run on whatever Kernels they are given,
// find every address once, when the buffers are made, and never ask which backend they run on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backprop } from '../../../workers/engine/backprop';
import { jsKernels } from '../../../workers/engine/js-kernels';
import type { Kernels } from '../../../workers/engine/kernels';
import { Network } from '../../../workers/engine/network';
import { createOptimizer } from '../../../workers/engine/optimizers';
import { Rng } from '../../../workers/engine/rng';
import type { NetworkSpec } from '../../../workers/engine/spec';
import { WasmKernels } from '../../../workers/engine/wasm/wasm-kernels';

const spec: NetworkSpec = {
  inputs: 3,
  layers: [
    { units: 5, activation: 'relu', dropout: 0.2 }, { units: 4, activation: 'tanh', useBias: false }, { units: 2, activation: 'softmax' },
  ],
};
const ROWS = 7;

/** `kernels` with a count of the calls to each of its methods. */
function counted(kernels: Kernels): { kernels: Kernels; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const wrapped = new Proxy(kernels, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(name), (calls.get(String(name)) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { kernels: wrapped, calls };
}

/**
 * Two batches forward and backward, each followed by an Adam step, on `kernels`; `between` runs before the second
 * (the optimizer finds the params and grads it is given on its first step). The last grads and the params after.
 * Without kernels, each part takes its default.
 */
function twoSteps(kernels: Kernels | undefined, between?: () => void): { grads: number[]; params: number[] } {
  const rng = new Rng(11);
  const network = new Network(spec, rng, kernels);
  const pass = new Backprop(network, 'categorical_crossentropy', 0.01, ROWS);
  const optimizer = createOptimizer({ name: 'adam', learningRate: 0.01 }, network.params.length, kernels);
  for (let i = 0; i < ROWS * spec.inputs; i++) pass.x[i] = rng.normal();
  for (let r = 0; r < ROWS; r++) pass.target[r * 2 + (r % 2)] = 1;
  pass.run(ROWS, new Rng(3));
  optimizer.step(network.params, pass.grads);
  between?.();
  pass.run(ROWS, new Rng(4));
  const grads = Array.from(pass.grads);
  optimizer.step(network.params, pass.grads);
  return { grads, params: Array.from(network.params) };
}

describe('the kernels interface', () => {
  it('a batch and a step go through the kernels they are given, finding no address on the way', () => {
    const { kernels, calls } = counted(jsKernels);
    const result = twoSteps(kernels, () => calls.clear());
    expect(result).toEqual(twoSteps(undefined));
    // a product per layer, a kernel gradient per layer and a bias one per bias, deltas sent back twice, one update
    expect(Object.fromEntries(calls)).toEqual({ dense: 3, kernelGradient: 3, biasGradient: 2, deltaBack: 2, adam: 1 });
  });

  it('on the WebAssembly kernels too, the same calls, and the same numbers to rounding', () => {
    const simd = WasmKernels.create(Network.arenaDoubles(spec) + Backprop.arenaDoubles(spec, ROWS) + 2 * 64);
    if (simd === null) throw new Error('WebAssembly SIMD is missing');
    const { kernels, calls } = counted(simd);
    const result = twoSteps(kernels, () => calls.clear());
    expect(Object.fromEntries(calls)).toEqual({ dense: 3, kernelGradient: 3, biasGradient: 2, deltaBack: 2, adam: 1 });
    const plain = twoSteps(undefined);
    result.params.forEach((v, i) => expect(v).toBeCloseTo(plain.params[i], 12));
    result.grads.forEach((v, i) => expect(v).toBeCloseTo(plain.grads[i], 12));
  });

  // guards: the engine branched on its backend in seven places (`if (wasm !== null)` in network, backprop, optimizers)
  it('the network, back-propagation and optimizers name no backend; train() picks one in one place', () => {
    const source = (file: string) => readFileSync(join(__dirname, '../../../workers/engine', file), 'utf8');
    for (const file of ['network.ts', 'backprop.ts', 'optimizers.ts']) expect(source(file), file).not.toMatch(/wasm|WebAssembly/i);
    // in train.ts, outside comments, only the import and chooseKernels() name it
    const code = source('train.ts').split('\n').filter((line) => !/^\s*(\/\/|\/\*\*|\*)/.test(line)).join('\n');
    const chooser = code.slice(code.indexOf('function chooseKernels('), code.indexOf('\n}\n', code.indexOf('function chooseKernels(')));
    expect(chooser).toMatch(/WasmKernels\.create/);
    expect(code.replace(chooser, '').replace("import { WasmKernels } from './wasm/wasm-kernels';", '')).not.toMatch(/wasm|WebAssembly/i);
  });
});
