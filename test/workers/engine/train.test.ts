// Training runs: the Keras recipe on Pima, small problems that must be learnt, determinism, divergence, early stopping.
import { describe, expect, it } from 'vitest';
import { losses } from '../../../workers/engine/losses';
import { Network } from '../../../workers/engine/network';
import { Rng } from '../../../workers/engine/rng';
import type { NetworkSpec, TrainSettings } from '../../../workers/engine/spec';
import { train, type TrainData } from '../../../workers/engine/train';
import { readPima, recipe, recipeSettings } from '../../fixtures/keras-recipe';
import { multiclassReport, regressionReport } from '../../../workers/engine/metrics';

/** Points around three centres, labelled one-hot by centre. */
function blobs(rows: number, seed: number): TrainData {
  const rng = new Rng(seed);
  const centres = [[0, 0], [3, 3], [-3, 3]];
  const x = new Float64Array(rows * 2), y = new Float64Array(rows * 3);
  for (let r = 0; r < rows; r++) {
    const c = r % 3;
    x[2 * r] = centres[c][0] + rng.normal() * 0.8;
    x[2 * r + 1] = centres[c][1] + rng.normal() * 0.8;
    y[3 * r + c] = 1;
  }
  return { x, y, rows, cols: 2, outputs: 3 };
}

/** y = sin(2 x1) + x2² / 2 on [-2, 2]²: a smooth function. */
function smooth(rows: number, seed: number): TrainData {
  const rng = new Rng(seed);
  const x = new Float64Array(rows * 2), y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const a = rng.next() * 4 - 2, b = rng.next() * 4 - 2;
    x[2 * r] = a;
    x[2 * r + 1] = b;
    y[r] = Math.sin(2 * a) + (b * b) / 2;
  }
  return { x, y, rows, cols: 2, outputs: 1 };
}

const withoutTime = (history: { elapsed: number }[]) => history.map(({ elapsed: _, ...rest }) => rest);
const weightBytes = (layers: { kernel: number[][]; bias?: number[] }[]) =>
  Buffer.from(Float64Array.from(layers.flatMap((l) => [...l.kernel.flat(), ...(l.bias ?? [])])).buffer);

describe('training', () => {
  it('the Keras recipe on raw Pima reaches at least 0.76 training accuracy (seed 2)', () => {
    const result = train(recipe, recipeSettings, readPima());
    expect(result.stopReason).toBe('completed');
    expect(result.history).toHaveLength(150);
    const last = result.history[149];
    expect(last.accuracy).toBeGreaterThanOrEqual(0.76);
    expect(last.loss).toBeLessThan(result.history[0].loss);
  });

  it('learns XOR', () => {
    const x = Float64Array.from([0, 0, 0, 1, 1, 0, 1, 1]), y = Float64Array.from([0, 1, 1, 0]);
    const result = train(
      { inputs: 2, layers: [{ units: 8, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }] },
      { loss: 'binary_crossentropy', optimizer: { name: 'adam', learningRate: 0.05 }, epochs: 300, batchSize: 4, seed: 1 },
      { x, y, rows: 4, cols: 2, outputs: 1 },
    );
    const out = new Float64Array(4);
    Network.fromLayers(2, result.layers).predictInto(x, 4, out);
    expect(Array.from(out, (p) => (p >= 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
    expect(result.history.at(-1)?.accuracy).toBe(1);
  });

  it('separates three blobs (softmax, categorical_crossentropy) above 0.9 on unseen rows', () => {
    const data = blobs(300, 3), unseen = blobs(300, 4);
    const result = train(
      { inputs: 2, layers: [{ units: 16, activation: 'relu' }, { units: 3, activation: 'softmax' }] },
      { loss: 'categorical_crossentropy', optimizer: { name: 'adam', learningRate: 0.01 }, epochs: 40, batchSize: 16, seed: 5 },
      { ...data, validation: unseen },
    );
    expect(result.history.at(-1)?.val_accuracy).toBeGreaterThan(0.9);
    const probabilities = new Float64Array(300 * 3);
    Network.fromLayers(2, result.layers).predictInto(unseen.x, 300, probabilities);
    const actual = Array.from({ length: 300 }, (_, r) => r % 3);
    expect(multiclassReport(probabilities, actual, 3).accuracy).toBeGreaterThan(0.9);
  });

  it('fits a smooth function with R² above 0.9 on unseen rows', () => {
    const data = smooth(500, 8), unseen = smooth(200, 9);
    const result = train(
      { inputs: 2, layers: [{ units: 32, activation: 'tanh' }, { units: 16, activation: 'tanh' }, { units: 1, activation: 'linear' }] },
      { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01 }, epochs: 150, batchSize: 16, seed: 3 },
      { ...data, validation: unseen },
    );
    const last = result.history.at(-1)!;
    expect(last.val_r2).toBeGreaterThan(0.9);
    const predicted = new Float64Array(200);
    Network.fromLayers(2, result.layers).predictInto(unseen.x, 200, predicted);
    expect(regressionReport(predicted, unseen.y).r2).toBeGreaterThan(0.9);
    // val_mae / val_rmse are the full-pass figures of the final weights
    expect(last.val_rmse).toBeCloseTo(regressionReport(predicted, unseen.y).rmse, 12);
  });

  it('reports MAE and RMSE in the target units when told how y was scaled', () => {
    const data = smooth(100, 1);
    const settings: TrainSettings = { loss: 'mse', optimizer: { name: 'adam' }, epochs: 3, batchSize: 10, seed: 1 };
    const spec: NetworkSpec = { inputs: 2, layers: [{ units: 4, activation: 'tanh' }, { units: 1, activation: 'linear' }] };
    const plain = train(spec, settings, data).history.at(-1)!;
    const scaled = train(spec, settings, { ...data, yScale: { mean: 5, std: 10 } }).history.at(-1)!;
    expect(scaled.mae).toBeCloseTo(plain.mae! * 10, 12);
    expect(scaled.rmse).toBeCloseTo(plain.rmse! * 10, 12);
    expect(scaled.r2).toBe(plain.r2);
  });

  it('is deterministic: two runs give identical bytes of weights and history (dropout, split, L2 on)', () => {
    const spec: NetworkSpec = {
      inputs: 8,
      layers: [{ units: 12, activation: 'relu', dropout: 0.2 }, { units: 6, activation: 'elu', dropout: 0.1 }, { units: 1, activation: 'sigmoid' }],
    };
    const settings: TrainSettings = {
      loss: 'binary_crossentropy', optimizer: { name: 'rmsprop' }, epochs: 5, batchSize: 32, seed: 11, l2: 0.001, validationSplit: 0.25,
    };
    const data = readPima();
    const a = train(spec, settings, data), b = train(spec, settings, data);
    expect(weightBytes(a.layers).equals(weightBytes(b.layers))).toBe(true);
    expect(JSON.stringify(withoutTime(a.history))).toBe(JSON.stringify(withoutTime(b.history)));
    expect(a.history[0].val_loss).toBeDefined();
    // a different seed gives different weights, so the comparison above can fail
    const c = train(spec, { ...settings, seed: 12 }, data);
    expect(weightBytes(a.layers).equals(weightBytes(c.layers))).toBe(false);
  });

  it('stops a run whose loss overflows, keeping the starting weights when no epoch went well, and says so', () => {
    // sse sums over the batch, so lr 0.055 overshoots: epoch 1 ends finite but far too high (~1e179), epoch 2 overflows
    const data = smooth(100, 2);
    const spec: NetworkSpec = { inputs: 2, layers: [{ units: 8, activation: 'relu' }, { units: 1, activation: 'linear' }] };
    const settings: TrainSettings = { loss: 'sse', optimizer: { name: 'sgd', learningRate: 0.055 }, epochs: 50, batchSize: 10, seed: 1 };
    const result = train(spec, settings, data);
    expect(result.stopReason).toBe('diverged');
    expect(result.history).toHaveLength(1);
    // regression: the message said "the weights from the last good epoch were kept" when no epoch had gone well,
    // and suggested a tenth of the rate however far above the optimizer's usual one it was
    expect(result.message).toBe('Training went wrong in epoch 2: the loss became infinite. No epoch went well, so the weights are the ' +
      "starting ones: it has learned nothing. Try a learning rate of 0.01 (SGD's usual rate) instead of 0.055.");
    // the weights returned are exactly those it started with
    const untrained = train(spec, { ...settings, epochs: 0 }, data);
    expect(weightBytes(result.layers).equals(weightBytes(untrained.layers))).toBe(true);
  });

  it('a huge learning rate diverges in epoch 1 and returns the initial, finite weights', () => {
    const result = train(
      { inputs: 2, layers: [{ units: 8, activation: 'relu' }, { units: 1, activation: 'linear' }] },
      { loss: 'sse', optimizer: { name: 'sgd', learningRate: 1e6 }, epochs: 50, batchSize: 10, seed: 1 },
      smooth(100, 2),
    );
    expect(result.stopReason).toBe('diverged');
    expect(result.message).toContain('epoch 1');
    expect(result.history).toEqual([]);
    expect(result.layers.flatMap((l) => [...l.kernel.flat(), ...(l.bias ?? [])]).every(Number.isFinite)).toBe(true);
  });

  it('early stopping stops when val_loss stops improving and restores the best epoch\'s weights', () => {
    // few noisy rows and a wide network: it soon overfits, so the validation loss turns back up
    const rng = new Rng(5);
    const make = (rows: number) => {
      const x = new Float64Array(rows * 4), y = new Float64Array(rows);
      for (let i = 0; i < rows * 4; i++) x[i] = rng.normal();
      for (let r = 0; r < rows; r++) y[r] = x[r * 4] + rng.normal();
      return { x, y, rows };
    };
    const fit = make(20), unseen = make(200);
    const result = train(
      { inputs: 4, layers: [{ units: 64, activation: 'relu' }, { units: 1, activation: 'linear' }] },
      {
        loss: 'mse', optimizer: { name: 'adam', learningRate: 0.01 }, epochs: 500, batchSize: 5, seed: 1,
        earlyStopping: { patience: 5, restoreBestWeights: true },
      },
      { ...fit, cols: 4, outputs: 1, validation: unseen },
    );
    expect(result.stopReason).toBe('early_stopping');
    const valLosses = result.history.map((m) => m.val_loss!);
    const best = valLosses.indexOf(Math.min(...valLosses)) + 1;
    expect(result.bestEpoch).toBe(best);
    expect(result.history).toHaveLength(best + 5);
    // the returned weights are the best epoch's: recomputing its val_loss gives the same number
    const predicted = new Float64Array(200);
    Network.fromLayers(4, result.layers).predictInto(unseen.x, 200, predicted);
    expect(losses.mse.rowSum(predicted, unseen.y, 200, 1) / 200).toBeCloseTo(valLosses[best - 1], 12);
  });

  it('stops when asked between batches and keeps the finished epochs', () => {
    let epochs = 0;
    const result = train(recipe, { ...recipeSettings, epochs: 100 }, readPima(), {
      onEpoch: () => epochs++,
      shouldStop: () => epochs >= 3,
    });
    expect(result.stopReason).toBe('stopped');
    expect(result.history.map((m) => m.epoch)).toEqual([1, 2, 3]);
  });

  it('lets each epoch copy the weights so far: they change as it learns, and the last copy is what it returns', () => {
    const copies: number[][][][] = [];
    const result = train(recipe, { ...recipeSettings, epochs: 5 }, readPima(), {
      onEpoch: (_m, weights) => copies.push(weights().map((layer) => layer.kernel)),
    });
    expect(copies).toHaveLength(5);
    // copies, not views of the live buffers: the first one still holds the weights of epoch 1
    expect(copies[0]).not.toEqual(copies[4]);
    expect(copies[4]).toEqual(result.layers.map((layer) => layer.kernel));
  });

  it('reports each batch: the rows of the epoch done so far, up to all of them', () => {
    const seen: [number, number, number][] = [];
    train(recipe, { ...recipeSettings, epochs: 2 }, readPima(), { onBatch: (epoch, done, rows) => seen.push([epoch, done, rows]) });
    // 768 rows in batches of 10: 76 full batches and one of 8, each epoch
    expect(seen).toHaveLength(2 * 77);
    expect(seen.slice(0, 3)).toEqual([[1, 10, 768], [1, 20, 768], [1, 30, 768]]);
    expect(seen[76]).toEqual([1, 768, 768]);
    expect(seen[77]).toEqual([2, 10, 768]);
    expect(seen[153]).toEqual([2, 768, 768]);
  });

  it('takes a seeded validation split of the training rows', () => {
    const data = blobs(100, 1);
    const result = train(
      { inputs: 2, layers: [{ units: 3, activation: 'softmax' }] },
      { loss: 'categorical_crossentropy', optimizer: { name: 'sgd', learningRate: 0.1 }, epochs: 2, batchSize: 100, seed: 1, validationSplit: 0.2 },
      data,
    );
    // the 80 remaining rows fit one batch of 100: one step per epoch, so loss and val_loss both exist
    expect(result.history[1].val_loss).toBeDefined();
    expect(result.history[1].val_accuracy! * 20).toBeCloseTo(Math.round(result.history[1].val_accuracy! * 20), 9);
  });

  it.each([
    { why: 'softmax in a hidden layer', spec: { inputs: 2, layers: [{ units: 3, activation: 'softmax' }, { units: 1, activation: 'sigmoid' }] }, loss: 'binary_crossentropy', message: /softmax/ },
    { why: 'binary_crossentropy without sigmoid', spec: { inputs: 2, layers: [{ units: 1, activation: 'linear' }] }, loss: 'binary_crossentropy', message: /sigmoid/ },
    { why: 'wrong input count', spec: { inputs: 3, layers: [{ units: 1, activation: 'sigmoid' }] }, loss: 'binary_crossentropy', message: /3 inputs/ },
  ] as const)('refuses a run that cannot work: $why', ({ spec, loss, message }) => {
    const data = { x: new Float64Array(4), y: new Float64Array(2), rows: 2, cols: 2, outputs: 1 };
    expect(() => train(spec as unknown as NetworkSpec, { loss, optimizer: { name: 'adam' }, epochs: 1, batchSize: 1, seed: 1 }, data)).toThrow(message);
  });
});
