// Training on the WebAssembly SIMD engine: float64 gradients by finite differences (ReLUs folded into the kernels,
// dropout through them), bit-identical repeats, agreement with the plain JavaScript engine to rounding, and the
// fallback to JavaScript where WebAssembly is missing.
import { describe, expect, it, vi } from 'vitest';
import { worstGradientMismatch } from './finite-difference';
import { Backprop } from '../../../workers/engine/backprop';
import { losses } from '../../../workers/engine/losses';
import { Network } from '../../../workers/engine/network';
import { Rng } from '../../../workers/engine/rng';
import { ACTIVATIONS, type ActivationName, type LossName, type NetworkSpec, type TrainSettings } from '../../../workers/engine/spec';
import { train, type TrainResult } from '../../../workers/engine/train';
import { readPima, recipe, recipeSettings } from '../../fixtures/keras-recipe';
import { WasmKernels } from '../../../workers/engine/wasm/wasm-kernels';

const INPUTS = 3, OUTPUTS = 3, ROWS = 6;

/** The worst relative error of d(objective)/d(param) against a five-point central difference, on the wasm engine. */
function worstGradientError(hidden: ActivationName, output: ActivationName, loss: LossName, useBias: boolean, l2: number, dropout: number): number {
  const spec: NetworkSpec = {
    inputs: INPUTS,
    layers: [
      { units: 5, activation: hidden, useBias, initializer: 'glorot_normal', dropout },
      { units: 4, activation: hidden, useBias, initializer: 'glorot_normal', dropout },
      { units: OUTPUTS, activation: output, useBias, initializer: 'glorot_normal' },
    ],
  };
  const wasm = WasmKernels.create(Network.arenaDoubles(spec) + Backprop.arenaDoubles(spec, ROWS));
  if (wasm === null) throw new Error('WebAssembly SIMD is missing');
  const rng = new Rng(42);
  const network = new Network(spec, rng, wasm);
  for (const layer of network.layers) if (layer.bias) for (let j = 0; j < layer.units; j++) layer.bias[j] = rng.normal() * 0.3;
  const pass = new Backprop(network, loss, l2, ROWS);
  for (let i = 0; i < ROWS * INPUTS; i++) pass.x[i] = rng.normal();
  for (let r = 0; r < ROWS; r++) {
    for (let j = 0; j < OUTPUTS; j++) {
      pass.target[r * OUTPUTS + j] = loss === 'binary_crossentropy' ? (rng.next() < 0.5 ? 0 : 1)
        : loss === 'categorical_crossentropy' ? (j === r % OUTPUTS ? 1 : 0) : rng.normal();
    }
  }
  const objective = (): number => {
    // the same dropout masks on every evaluation: a fixed, differentiable function of the params
    pass.run(ROWS, dropout > 0 ? new Rng(7) : null);
    const sum = pass.lossSum;
    return (losses[loss].reduction === 'mean' ? sum / ROWS : sum) + pass.penalty;
  };
  objective();
  const analytic = pass.grads.slice();
  const worst = worstGradientMismatch(network.params, analytic, objective);
  expect(wasm.free).toBeGreaterThanOrEqual(0);
  return worst;
}

const outputPairs: { output: ActivationName; loss: LossName }[] = [
  { output: 'sigmoid', loss: 'binary_crossentropy' },
  { output: 'softmax', loss: 'categorical_crossentropy' },
  { output: 'linear', loss: 'mse' },
  { output: 'relu', loss: 'sse' },
];
const hiddenActivations = ACTIVATIONS.filter((a) => a !== 'softmax');

describe('finite-difference gradient check on the WebAssembly engine (float64)', () => {
  it.each(hiddenActivations.flatMap((hidden) => outputPairs.map((pair) => ({ hidden, ...pair }))))(
    '$hidden hidden, $output output, $loss', ({ hidden, output, loss }) => {
      for (const useBias of [true, false]) {
        for (const l2 of [0, 0.01]) expect(worstGradientError(hidden, output, loss, useBias, l2, 0), `bias ${useBias}, l2 ${l2}`).toBeLessThan(1e-6);
      }
    },
  );

  it.each(['relu', 'tanh'] as const)('with dropout on %s hidden layers (the ReLU mask and the dropout mask together)', (hidden) => {
    expect(worstGradientError(hidden, 'sigmoid', 'binary_crossentropy', true, 0.01, 0.3)).toBeLessThan(1e-6);
  });
});


const flatWeights = (r: TrainResult) => r.layers.flatMap((l) => [...l.kernel.flat(), ...(l.bias ?? [])]);
const withoutTime = (r: TrainResult) => r.history.map(({ elapsed: _, ...rest }) => rest);

/** The largest |a - b| / max(|a|, |b|, floor) over two equally long lists. */
function worstRelative(a: number[], b: number[], floor = 1e-3): number {
  expect(a).toHaveLength(b.length);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]) / Math.max(Math.abs(v), Math.abs(b[i]), floor)));
}

const pimaSpec: NetworkSpec = {
  inputs: 8,
  layers: [{ units: 16, activation: 'relu', dropout: 0.1 }, { units: 8, activation: 'elu' }, { units: 1, activation: 'sigmoid' }],
};

describe('training on the WebAssembly engine', () => {
  it('is the default here, and two runs give identical bytes of weights and history', () => {
    const settings: TrainSettings = {
      loss: 'binary_crossentropy', optimizer: { name: 'adam' }, epochs: 3, batchSize: 32, seed: 4, l2: 0.001, validationSplit: 0.2,
    };
    const data = readPima();
    const a = train(pimaSpec, settings, data), b = train(pimaSpec, settings, data);
    expect(a.engine).toBe('wasm');
    expect(Buffer.from(Float64Array.from(flatWeights(a)).buffer).equals(Buffer.from(Float64Array.from(flatWeights(b)).buffer))).toBe(true);
    expect(JSON.stringify(withoutTime(a))).toBe(JSON.stringify(withoutTime(b)));
  });

  // the engines sum in different orders, so they part by rounding (~1e-16 per operation); over a few steps that
  // must stay far below 1e-9 relative, for every optimizer, with dropout, L2 and a validation pass
  it.each([
    { name: 'adam' }, { name: 'rmsprop' }, { name: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true },
  ] as const)('agrees with the JavaScript engine within 1e-9 over two epochs ($name)', (optimizer) => {
    const data = readPima();
    // scaled inputs, so the steps are real ones (raw Pima saturates)
    for (let c = 0; c < 8; c++) {
      let max = 0;
      for (let r = 0; r < data.rows; r++) max = Math.max(max, Math.abs(data.x[r * 8 + c]));
      for (let r = 0; r < data.rows; r++) data.x[r * 8 + c] /= max;
    }
    const settings: TrainSettings = { loss: 'binary_crossentropy', optimizer, epochs: 2, batchSize: 64, seed: 3, l2: 0.001, validationSplit: 0.25 };
    const wasm = train(pimaSpec, settings, data, {}, { engine: 'wasm' });
    const js = train(pimaSpec, settings, data, {}, { engine: 'js' });
    expect([wasm.engine, js.engine]).toEqual(['wasm', 'js']);
    expect(worstRelative(flatWeights(wasm), flatWeights(js))).toBeLessThan(1e-9);
    expect(worstRelative(wasm.history.map((m) => m.val_loss!), js.history.map((m) => m.val_loss!))).toBeLessThan(1e-9);
    // the weights did move: the comparison is not between two copies of the initial weights
    const start = train(pimaSpec, { ...settings, epochs: 1, optimizer: { name: 'sgd', learningRate: 0 } }, data, {}, { engine: 'js' });
    expect(worstRelative(flatWeights(js), flatWeights(start))).toBeGreaterThan(1e-3);
  });

  it('agrees with the JavaScript engine on a wide ReLU network, multiclass softmax', () => {
    const rng = new Rng(12);
    const rows = 300, cols = 32, classes = 5;
    const x = new Float64Array(rows * cols), y = new Float64Array(rows * classes);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) x[r * cols + c] = rng.normal();
      y[r * classes + (r % classes)] = 1;
    }
    const spec: NetworkSpec = {
      inputs: cols,
      layers: [{ units: 64, activation: 'relu' }, { units: 33, activation: 'relu' }, { units: classes, activation: 'softmax' }],
    };
    const settings: TrainSettings = { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, epochs: 2, batchSize: 37, seed: 8 };
    const data = { x, y, rows, cols, outputs: classes };
    const wasm = train(spec, settings, data), js = train(spec, settings, data, {}, { engine: 'js' });
    expect(worstRelative(flatWeights(wasm), flatWeights(js))).toBeLessThan(1e-9);
    expect(worstRelative(wasm.history.map((m) => m.loss), js.history.map((m) => m.loss))).toBeLessThan(1e-9);
  });

  it('reaches the Keras recipe\'s accuracy on either engine', () => {
    for (const engine of ['wasm', 'js'] as const) {
      const result = train(recipe, recipeSettings, readPima(), {}, { engine });
      expect(result.engine).toBe(engine);
      expect(result.history[149].accuracy, engine).toBeGreaterThanOrEqual(0.76);
    }
  });

  it('makes one memory per run, exactly the size counted from the spec, which cannot grow (that would detach its views)', () => {
    const created: WasmKernels[] = [];
    const create = WasmKernels.create;
    const spy = vi.spyOn(WasmKernels, 'create').mockImplementation((doubles: number) => {
      const k = create.call(WasmKernels, doubles);
      if (k) created.push(k);
      return k;
    });
    const runs: { spec: NetworkSpec; settings: TrainSettings }[] = [
      { spec: pimaSpec, settings: { loss: 'binary_crossentropy', optimizer: { name: 'adam' }, epochs: 2, batchSize: 50, seed: 1, validationSplit: 0.3 } },
      {
        spec: { inputs: 8, layers: [{ units: 5, activation: 'tanh', useBias: false }, { units: 1, activation: 'linear', useBias: false }] },
        settings: { loss: 'mse', optimizer: { name: 'sgd' }, epochs: 1, batchSize: 7, seed: 1, validationSplit: 0.1 },
      },
      {
        spec: { inputs: 8, layers: [{ units: 3, activation: 'relu', dropout: 0.5 }, { units: 1, activation: 'sigmoid' }] },
        settings: { loss: 'binary_crossentropy', optimizer: { name: 'rmsprop' }, epochs: 1, batchSize: 1000, seed: 1, validationSplit: 0.1 },
      },
    ];
    try {
      const data = readPima();
      for (const { spec, settings } of runs) train(spec, settings, data);
      expect(created).toHaveLength(runs.length);
      for (const k of created) {
        expect(k.free).toBe(0);
        expect(() => k.memory.grow(1)).toThrow(RangeError);
      }
    } finally {
      spy.mockRestore();
    }
  });
});

describe('without WebAssembly', () => {
  it('trains in plain JavaScript by default, and refuses an explicit wasm engine', async () => {
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    try {
      const fresh = await import('../../../workers/engine/train');
      const data = readPima();
      const settings: TrainSettings = { loss: 'binary_crossentropy', optimizer: { name: 'adam' }, epochs: 1, batchSize: 32, seed: 1 };
      expect(fresh.train(pimaSpec, settings, data).engine).toBe('js');
      expect(() => fresh.train(pimaSpec, settings, data, {}, { engine: 'wasm' })).toThrow(/WebAssembly SIMD/);
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
