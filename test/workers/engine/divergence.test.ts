// Diverged runs, for every optimizer: the rules on made-up epochs, then real runs (Adam at 100 and 1,000,000 on the
// Pima table, RMSprop and SGD too, SGD at 10 on a regression table), with a message that is true of each.
import { describe, expect, it } from 'vitest';
import { DivergenceWatch, divergedMessage, rateAdvice } from '../../../workers/engine/divergence';
import { Rng } from '../../../workers/engine/rng';
import type { NetworkSpec, TrainSettings } from '../../../workers/engine/spec';
import { train, type TrainData } from '../../../workers/engine/train';
import { readPima, recipe, recipeSettings } from '../../fixtures/keras-recipe';

/** Feeds epochs to a watch; gives the epoch it called diverged with why, or null, and the epochs it called clean. */
function watch(start: { untrained: number; guess: number }, losses: number[], oneClass = false) {
  const w = new DivergenceWatch(start);
  const clean: number[] = [];
  for (let i = 0; i < losses.length; i++) {
    const seen = w.epoch(i + 1, losses[i]!, oneClass);
    if (seen.clean) clean.push(i + 1);
    if (seen.diverged) return { at: i + 1, why: seen.diverged, firstBad: w.firstBad, clean };
  }
  return { at: null, why: null, firstBad: w.firstBad, clean };
}

const PIMA_START = { untrained: 0.69, guess: 0.647 };

describe('the signs of a diverged run, on made-up epochs', () => {
  it('a loss swinging far above where it started, three epochs in a row (Adam at 100 on Pima)', () => {
    expect(watch(PIMA_START, [4.75, 5.36, 3.2])).toEqual({ at: 3, why: 'swinging', firstBad: 1, clean: [] });
    // two bad epochs, then a good one: the count starts again
    expect(watch(PIMA_START, [4.75, 5.36, 0.6, 4, 4]).at).toBeNull();
  });

  it('a loss staying above where it started for ten epochs (SGD at 10 on Pima bounces around 0.95)', () => {
    expect(watch(PIMA_START, [0.6, ...new Array(10).fill(0.95)])).toMatchObject({ at: 11, why: 'above_start', firstBad: 2, clean: [1] });
    // nine are not enough
    expect(watch(PIMA_START, new Array(9).fill(0.95)).at).toBeNull();
  });

  it('answers stuck on one class with a loss clearly rising', () => {
    expect(watch(PIMA_START, [0.7, 0.75, 0.8, 0.85], true)).toMatchObject({ at: 4, why: 'stuck', firstBad: 2 });
    // the same losses with mixed answers are not stuck (and still below the swinging and staying-above rules)
    expect(watch(PIMA_START, [0.7, 0.75, 0.8, 0.85], false).at).toBeNull();
  });

  it('not: stuck on one class with the loss wobbling at the constant answer\'s (Adam at 0.03 on unscaled Pima)', () => {
    expect(watch(PIMA_START, [0.6671, 0.6482, 0.6479, 0.6492, 0.6472, 0.6483, 0.6485, 0.6494, 0.6496, 0.6499], true).at).toBeNull();
  });

  it('not: a run continued from good weights whose first epochs are a little above its small starting loss', () => {
    expect(watch({ untrained: 0.05, guess: 0.647 }, [0.12, 0.1, 0.09, 0.11, 0.08]).at).toBeNull();
  });

  it('a loss that is not a number or infinite, at once', () => {
    expect(watch(PIMA_START, [0.6, NaN])).toMatchObject({ at: 2, why: 'not_a_number', clean: [1] });
    expect(watch(PIMA_START, [Infinity])).toMatchObject({ at: 1, why: 'infinite', clean: [] });
  });
});

describe('the message of a diverged run', () => {
  it('says which weights are kept and suggests a rate near the optimizer\'s usual one', () => {
    expect(divergedMessage({ why: 'infinite', epoch: 4, keptEpoch: 3, continued: false, optimizer: { name: 'sgd', learningRate: 10 } }))
      .toBe("Training went wrong in epoch 4: the loss became infinite. The weights of epoch 3, the last good one, were kept. Try a learning rate of 0.01 (SGD's usual rate) instead of 10.");
    expect(divergedMessage({ why: 'not_a_number', epoch: 1, keptEpoch: 0, continued: true, optimizer: { name: 'rmsprop', learningRate: 5 } }))
      .toBe("Training went wrong in epoch 1: the loss stopped being a number (NaN). No epoch went well, so the weights are the ones it started from. Try a learning rate of 0.001 (RMSprop's usual rate) instead of 5.");
    // at about the usual rate already: a tenth of it, or scaled inputs
    expect(rateAdvice({ name: 'adam' })).toBe('Try a lower learning rate (for example 0.0001 instead of 0.001), or scale the inputs.');
    expect(rateAdvice({ name: 'sgd', learningRate: 0.03 })).toBe('Try a lower learning rate (for example 0.003 instead of 0.03), or scale the inputs.');
  });
});

describe('real runs that diverge, for every optimizer', () => {
  const pima = readPima();
  const weightBytes = (layers: { kernel: number[][]; bias?: number[] }[]) =>
    Buffer.from(Float64Array.from(layers.flatMap((l) => [...l.kernel.flat(), ...(l.bias ?? [])])).buffer);
  const untrained = weightBytes(train(recipe, { ...recipeSettings, epochs: 0 }, pima).layers);

  // regression: Adam at 100 (and 1,000,000) read "Finished: 150 epochs", its loss five times where it started
  it.each([100, 1e6])('Adam at learning rate %d on Pima: diverged in epoch 3, the starting weights kept', (learningRate) => {
    const result = train(recipe, { ...recipeSettings, optimizer: { name: 'adam', learningRate } }, pima);
    expect(result.stopReason).toBe('diverged');
    expect(result.history).toHaveLength(3);
    expect(result.message).toMatch(/^Training went wrong in epochs 1–3: the loss swung far above where it started \(\d+(\.\d+)? in epoch 3, against 0\.\d+ before training\)\. /);
    expect(result.message).toContain('No epoch went well, so the weights are the starting ones: it has learned nothing.');
    expect(result.message).toContain(`Try a learning rate of 0.001 (Adam's usual rate) instead of ${learningRate}.`);
    expect(weightBytes(result.layers).equals(untrained)).toBe(true);
  });

  it.each([
    ['rmsprop', 10, "Try a learning rate of 0.001 (RMSprop's usual rate) instead of 10."],
    ['sgd', 10, "Try a learning rate of 0.01 (SGD's usual rate) instead of 10."],
  ] as const)('%s at learning rate %d on Pima: diverged', (name, learningRate, advice) => {
    const result = train(recipe, { ...recipeSettings, optimizer: { name, learningRate } }, pima);
    expect(result.stopReason).toBe('diverged');
    expect(result.message).toMatch(/^Training went wrong in epochs \d+–\d+: the loss (swung far above|stayed above) where it started/);
    expect(result.message).toContain(advice);
  });

  it('SGD at learning rate 10 on a regression table: infinite in epoch 1, no epoch kept, SGD\'s usual rate suggested', () => {
    // regression: this was the one case caught, and it said "the weights from the last good epoch were kept" and
    // suggested 1, a hundred times SGD's usual rate
    const rng = new Rng(2), rows = 100;
    const x = new Float64Array(rows * 2), y = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      x[2 * r] = rng.next() * 4 - 2;
      x[2 * r + 1] = rng.next() * 4 - 2;
      y[r] = Math.sin(2 * x[2 * r]!) + x[2 * r + 1]! ** 2 / 2;
    }
    const data: TrainData = { x, y, rows, cols: 2, outputs: 1, task: 'regression' };
    const spec: NetworkSpec = { inputs: 2, layers: [{ units: 8, activation: 'relu' }, { units: 1, activation: 'linear' }] };
    const result = train(spec, { loss: 'mse', optimizer: { name: 'sgd', learningRate: 10 }, epochs: 50, batchSize: 10, seed: 1 }, data);
    expect(result.stopReason).toBe('diverged');
    expect(result.history).toEqual([]);
    expect(result.message).toBe('Training went wrong in epoch 1: the loss became infinite. No epoch went well, so the weights are the ' +
      "starting ones: it has learned nothing. Try a learning rate of 0.01 (SGD's usual rate) instead of 10.");
  });

  it('keeps the weights of the last good epoch when some went well first', () => {
    // noise labels (30 % ones), a linear hidden layer and RMSprop at 0.3: ten good epochs, then ten above the start
    const rng = new Rng(3), rows = 400, cols = 4;
    const x = new Float64Array(rows * cols), y = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) x[r * cols + c] = rng.normal();
      y[r] = rng.next() < 0.3 ? 1 : 0;
    }
    const data: TrainData = { x, y, rows, cols, outputs: 1 };
    const spec: NetworkSpec = { inputs: cols, layers: [{ units: 8, activation: 'linear' }, { units: 1, activation: 'sigmoid' }] };
    const settings: TrainSettings = { loss: 'binary_crossentropy', optimizer: { name: 'rmsprop', learningRate: 0.3 }, epochs: 60, batchSize: 10, seed: 1 };
    const result = train(spec, settings, data);
    expect(result.stopReason).toBe('diverged');
    expect(result.history).toHaveLength(20);
    expect(result.message).toMatch(/^Training went wrong in epochs 11–20: the loss stayed above where it started .* The weights of epoch 10, the last good one, were kept\./);
    // exactly the weights the same run has after 10 epochs
    expect(weightBytes(result.layers).equals(weightBytes(train(spec, { ...settings, epochs: 10 }, data).layers))).toBe(true);
  });

  it.each(['adam', 'rmsprop', 'sgd'] as const)('not: %s at its usual rate on Pima completes', (name) => {
    expect(train(recipe, { ...recipeSettings, optimizer: { name } }, pima).stopReason).toBe('completed');
  });

  it('not: Adam at 0.03 on unscaled Pima, stuck answering "no" at the constant answer\'s loss, completes (it is not learning)', () => {
    const result = train(recipe, { ...recipeSettings, seed: 7, optimizer: { name: 'adam', learningRate: 0.03 } }, pima);
    expect(result.stopReason).toBe('completed');
  });
});
