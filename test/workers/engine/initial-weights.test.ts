// Training from given weights (train's options.initialWeights) on both engines: nothing moves in 0 epochs, the first
// step is the hand-worked one, a run continued with its seed keeps its validation rows, full-batch SGD continued
// equals the same epochs in one go, and weights that do not fit are refused naming the layer.
//
// What does not hold, by design: with mini-batches, N epochs then M is not N + M epochs in one go, because a run
// draws every epoch's shuffle from one seeded stream, which a new run starts again from the first epoch; momentum
// and Adam's moments are not in the weights either, so they start afresh.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../workers/engine/rng';
import type { NetworkSpec, TrainSettings } from '../../../workers/engine/spec';
import { train, type EngineName, type TrainData } from '../../../workers/engine/train';
import type { WeightsLayer } from '../../../workers/engine/weights-file';
import { readPima } from '../../fixtures/keras-recipe';

const ENGINES: EngineName[] = ['wasm', 'js'];

const pimaSpec: NetworkSpec = {
  inputs: 8,
  layers: [{ units: 16, activation: 'relu', dropout: 0.1 }, { units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
};

/** Pima with every input divided by its largest value, so steps are real ones (raw Pima saturates). */
function scaledPima(): TrainData {
  const data = readPima();
  for (let c = 0; c < 8; c++) {
    let max = 0;
    for (let r = 0; r < data.rows; r++) max = Math.max(max, Math.abs(data.x[r * 8 + c]));
    for (let r = 0; r < data.rows; r++) data.x[r * 8 + c] /= max;
  }
  return data;
}

/** Weights for pimaSpec unlike any initializer's: normal values, biases too. */
function someWeights(seed: number): WeightsLayer[] {
  const rng = new Rng(seed);
  let fanIn = pimaSpec.inputs;
  return pimaSpec.layers.map((l) => {
    const kernel = Array.from({ length: fanIn }, () => Array.from({ length: l.units }, () => rng.normal() * 0.5));
    fanIn = l.units;
    return { units: l.units, activation: l.activation, kernel, bias: Array.from({ length: l.units }, () => rng.normal() * 0.1) };
  });
}

// A linear unit on four rows of small integers: with lr 1/8 every product and sum below is exact in float64, so
// the order rows are summed in (the shuffle, the engine) cannot change a bit.
const linearSpec: NetworkSpec = { inputs: 2, layers: [{ units: 1, activation: 'linear' }] };
const linearData: TrainData = {
  x: Float64Array.from([1, 2, 3, -1, 0, 1, 2, 2]), y: Float64Array.from([1, 0, 2, -1]), rows: 4, cols: 2, outputs: 1,
};
const fullBatchSgd = (epochs: number, seed = 1): TrainSettings => ({
  loss: 'mse', optimizer: { name: 'sgd', learningRate: 0.125 }, epochs, batchSize: 4, seed,
});
const linearStart: WeightsLayer[] = [{ units: 1, activation: 'linear', kernel: [[0.5], [-0.25]], bias: [0.25] }];

describe.each(ENGINES)('training from given weights (%s engine)', (engine) => {
  it('0 epochs returns the given weights unchanged, bit for bit', () => {
    const start = someWeights(3);
    const result = train(pimaSpec, { loss: 'binary_crossentropy', optimizer: { name: 'adam' }, epochs: 0, batchSize: 32, seed: 1 },
      scaledPima(), {}, { engine, initialWeights: start });
    expect(result.engine).toBe(engine);
    expect(result.history).toEqual([]);
    expect(result.layers).toEqual(start);
  });

  it('the first step from given weights is the hand-worked SGD step', () => {
    // predictions 0.25, 2, 0, 0.75 for targets 1, 0, 2, -1: errors e = -0.75, 2, -2, 1.75
    // mse gradient (2 / 4) Σ e·x: kernel 0.5 · 8.75 = 4.375 and 0.5 · -2 = -1, bias 0.5 · 1 = 0.5
    // w - lr g with lr 1/8: 0.5 - 0.546875, -0.25 + 0.125, 0.25 - 0.0625
    const result = train(linearSpec, fullBatchSgd(1), linearData, {}, { engine, initialWeights: linearStart });
    expect(result.layers).toEqual([{ units: 1, activation: 'linear', kernel: [[-0.046875], [-0.125]], bias: [0.1875] }]);
  });

  it('full-batch SGD: 3 epochs, then 2 more from the result, equal 5 epochs in one go', () => {
    const inOneGo = train(linearSpec, fullBatchSgd(5), linearData, {}, { engine, initialWeights: linearStart });
    // the rows' order does not matter here (exact sums): another seed shuffles them otherwise and gets the same bits
    expect(train(linearSpec, fullBatchSgd(5, 2), linearData, {}, { engine, initialWeights: linearStart }).layers).toEqual(inOneGo.layers);
    const first = train(linearSpec, fullBatchSgd(3), linearData, {}, { engine, initialWeights: linearStart });
    const then = train(linearSpec, fullBatchSgd(2), linearData, {}, { engine, initialWeights: first.layers });
    expect(then.layers).toEqual(inOneGo.layers);
    expect(then.history.map((m) => m.loss)).toEqual(inOneGo.history.slice(3).map((m) => m.loss));
    expect(then.layers).not.toEqual(first.layers);
  });

  // guards: starting weights that skipped the initializers' draws would move the seed's validation split
  it('a run continued with its seed keeps its validation rows: the continuation starts at the loss the run ended on', () => {
    const data = scaledPima();
    const settings: TrainSettings = {
      loss: 'binary_crossentropy', optimizer: { name: 'adam' }, epochs: 3, batchSize: 32, seed: 6, l2: 0.001, validationSplit: 0.2,
    };
    const run = train(pimaSpec, settings, data, {}, { engine });
    // one epoch at learning rate 0 keeps the weights, so its val_loss is theirs on the continuation's validation rows
    const still = train(pimaSpec, { ...settings, epochs: 1, optimizer: { name: 'sgd', learningRate: 0 } }, data, {},
      { engine, initialWeights: run.layers });
    expect(still.layers).toEqual(run.layers);
    expect(still.history[0].val_loss).toBe(run.history[2].val_loss);
  });
});

describe('starting weights that do not fit the network', () => {
  const settings: TrainSettings = { loss: 'binary_crossentropy', optimizer: { name: 'adam' }, epochs: 1, batchSize: 32, seed: 1 };
  /** someWeights with one change */
  const changed = (change: (layers: WeightsLayer[]) => void): WeightsLayer[] => {
    const layers = someWeights(5);
    change(layers);
    return layers;
  };
  it.each([
    { why: 'a layer too few', weights: changed((l) => l.pop()), message: 'The weights have 2 layers but the network has 3.' },
    {
      why: 'other units', weights: changed((l) => (l[1] = { ...l[1], units: 4 })),
      message: 'Layer 2: the weights are for 4 units but the layer has 8.',
    },
    {
      why: 'another activation', weights: changed((l) => (l[0] = { ...l[0], activation: 'elu' })),
      message: 'Layer 1: the weights were trained with elu but the layer uses relu.',
    },
    {
      why: 'a kernel row too few', weights: changed((l) => l[0].kernel.pop()),
      message: 'Layer 1: the kernel has 7 rows but the layer has 8 inputs.',
    },
    {
      why: 'a short kernel row', weights: changed((l) => l[1].kernel[5].pop()),
      message: 'Layer 2: kernel row 6 has 7 values but the layer has 8 units.',
    },
    {
      why: 'a value that is not a number', weights: changed((l) => (l[1].kernel[2][3] = NaN)),
      message: 'Layer 2: kernel row 3, value 4 is NaN, not a finite number.',
    },
    { why: 'no bias', weights: changed((l) => delete l[1].bias), message: 'Layer 2: the weights have no bias but the layer has one.' },
    {
      why: 'a short bias', weights: changed((l) => l[0].bias?.pop()),
      message: 'Layer 1: the bias has 15 values but the layer has 16 units.',
    },
    {
      why: 'an infinite bias', weights: changed((l) => (l[2].bias = [Infinity])),
      message: 'Layer 3: bias value 1 is Infinity, not a finite number.',
    },
  ])('$why: refused, naming the layer and saying what to do', ({ weights, message }) => {
    for (const engine of ENGINES) {
      expect(() => train(pimaSpec, settings, scaledPima(), {}, { engine, initialWeights: weights })).toThrow(
        `The starting weights do not fit this network. ${message} ` +
          'Start from new weights, or give the network the layers these weights were trained with.',
      );
    }
  });

  it('a bias the network does not have: refused', () => {
    const spec: NetworkSpec = { inputs: 8, layers: [{ units: 1, activation: 'sigmoid', useBias: false }] };
    const weights: WeightsLayer[] = [{ units: 1, activation: 'sigmoid', kernel: Array.from({ length: 8 }, () => [0.1]), bias: [0] }];
    expect(() => train(spec, settings, scaledPima(), {}, { initialWeights: weights })).toThrow(
      'Layer 1: the weights have a bias but the layer has none.',
    );
  });
});
