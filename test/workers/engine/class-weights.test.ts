// Class weights: scikit-learn's 'balanced' weights, the weighted loss and its gradient (finite differences and a
// case worked by hand), the same numbers on both engines, the weighted loss reported, and a rare class found more.
import { describe, expect, it } from 'vitest';
import { worstGradientMismatch } from './finite-difference';
import { Backprop } from '../../../workers/engine/backprop';
import { balancedClassWeights, rowWeightsOf } from '../../../workers/engine/class-weights';
import { losses } from '../../../workers/engine/losses';
import { binaryReport } from '../../../workers/engine/metrics';
import { Network } from '../../../workers/engine/network';
import { Rng } from '../../../workers/engine/rng';
import type { ActivationName, LossName } from '../../../workers/engine/spec';
import { train } from '../../../workers/engine/train';
import { readPima, recipe, recipeSettings } from '../../fixtures/keras-recipe';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('balanced class weights', () => {
  it('are rows / (classes × rows of the class), counted on the rows given (scikit-learn)', () => {
    // rows 0..4: classes 0, 0, 1, 0, 1; only rows 0, 1, 2 are training rows: two of class 0, one of class 1
    const y = Float64Array.of(0, 0, 1, 0, 1);
    expect([...balancedClassWeights(y, 1, [0, 1, 2])]).toEqual([3 / (2 * 2), 3 / (2 * 1)]);
    expect([...rowWeightsOf(y, 5, 1, Float64Array.of(0.75, 1.5))]).toEqual([0.75, 0.75, 1.5, 0.75, 1.5]);
    // one-hot rows of three classes, one class absent: two classes present, the absent one weighs 1
    const oneHot = Float64Array.of(1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0);
    expect([...balancedClassWeights(oneHot, 3, [0, 1, 2, 3])]).toEqual([4 / (2 * 3), 1, 4 / (2 * 1)]);
  });
});

describe('the weighted loss', () => {
  it('on two rows worked by hand: loss and gradient are the weighted sums', () => {
    // 1 input -> 1 sigmoid unit, weight 0.5, no bias; rows x = 1 (answer 1, weight 0.75) and x = -2 (answer 0, weight 1.5)
    const network = new Network({ inputs: 1, layers: [{ units: 1, activation: 'sigmoid', useBias: false }] });
    network.params[0] = 0.5;
    const pass = new Backprop(network, 'binary_crossentropy', 0, 2, true);
    pass.x.set([1, -2]);
    pass.target.set([1, 0]);
    pass.rowWeights!.set([0.75, 1.5]);
    pass.run(2, null);
    const p1 = sigmoid(0.5), p2 = sigmoid(-1); // 0.6225, 0.2689
    // 0.75 × -ln 0.6225 + 1.5 × -ln(1 - 0.2689) = 0.3556 + 0.4699 = 0.8255
    expect(pass.lossSum).toBeCloseTo(0.75 * -Math.log(p1) + 1.5 * -Math.log(1 - p2), 14);
    expect(pass.lossSum).toBeCloseTo(0.82545, 5);
    // d/dw of the batch mean: (0.75 (p1 - 1) × 1 + 1.5 (p2 - 0) × -2) / 2 = -0.5450
    expect(pass.grads[0]).toBeCloseTo((0.75 * (p1 - 1) * 1 + 1.5 * p2 * -2) / 2, 14);
    expect(pass.grads[0]).toBeCloseTo(-0.54499, 5);
  });

  const pairs: { hidden: ActivationName; output: ActivationName; loss: LossName }[] = [
    { hidden: 'relu', output: 'sigmoid', loss: 'binary_crossentropy' },
    { hidden: 'tanh', output: 'softmax', loss: 'categorical_crossentropy' },
    { hidden: 'elu', output: 'sigmoid', loss: 'mse' },
    { hidden: 'softplus', output: 'linear', loss: 'sse' },
  ];
  it.each(pairs)('has the gradient finite differences give: $hidden hidden, $output output, $loss', ({ hidden, output, loss }) => {
    const rows = 4, inputs = 3, outputs = 3, rng = new Rng(8);
    const network = new Network({
      inputs,
      layers: [{ units: 5, activation: hidden, initializer: 'glorot_normal' }, { units: outputs, activation: output, initializer: 'glorot_normal' }],
    }, rng);
    for (const layer of network.layers) if (layer.bias) for (let j = 0; j < layer.units; j++) layer.bias[j] = rng.normal() * 0.3;
    const pass = new Backprop(network, loss, 0.01, rows, true);
    for (let i = 0; i < rows * inputs; i++) pass.x[i] = rng.normal();
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < outputs; j++) {
        pass.target[r * outputs + j] = loss === 'categorical_crossentropy' ? (j === r % outputs ? 1 : 0)
          : loss === 'binary_crossentropy' ? (rng.next() < 0.5 ? 0 : 1) : rng.normal();
      }
    }
    pass.rowWeights!.set([0.4, 2.5, 1, 0.7]);
    const objective = (): number => {
      pass.run(rows, null);
      return (losses[loss].reduction === 'mean' ? pass.lossSum / rows : pass.lossSum) + pass.penalty;
    };
    objective();
    const analytic = pass.grads.slice();
    expect(worstGradientMismatch(network.params, analytic, objective)).toBeLessThan(1e-6);
    // the weights matter: the same rows unweighted give another gradient
    const plain = new Backprop(network, loss, 0.01, rows);
    plain.x.set(pass.x);
    plain.target.set(pass.target);
    plain.run(rows, null);
    expect(Math.max(...plain.grads.map((g, i) => Math.abs(g - analytic[i]!)))).toBeGreaterThan(1e-3);
  });
});

describe('training with balanced class weights', () => {
  const pima = readPima();

  it('reports the weighted loss: epoch 1 in one batch is the starting weights\' weighted mean loss', () => {
    const rows = 200, data = { ...pima, rows };
    const settings = { ...recipeSettings, epochs: 1, batchSize: rows, classWeights: 'balanced' as const };
    const start = train(recipe, { ...settings, epochs: 0 }, data).layers;
    const predicted = new Float64Array(rows);
    Network.fromLayers(8, start).predictInto(pima.x, rows, predicted);
    const weights = rowWeightsOf(pima.y, rows, 1, balancedClassWeights(pima.y, 1, Array.from({ length: rows }, (_, i) => i)));
    const weighted = losses.binary_crossentropy.rowSum(predicted, pima.y, rows, 1, weights) / rows;
    const plain = losses.binary_crossentropy.rowSum(predicted, pima.y, rows, 1) / rows;
    const epoch = train(recipe, settings, data).history[0]!;
    expect(epoch.loss).toBeCloseTo(weighted, 12);
    expect(Math.abs(weighted - plain)).toBeGreaterThan(1e-4);
  });

  it('weighs the validation loss the same way (chosen over Keras\' unweighted val_loss, so the curves compare)', () => {
    const data = { ...pima, rows: 600, validation: { x: pima.x.subarray(600 * 8), y: pima.y.subarray(600), rows: 168 } };
    const result = train(recipe, { ...recipeSettings, epochs: 2, classWeights: 'balanced' }, data);
    const predicted = new Float64Array(168);
    Network.fromLayers(8, result.layers).predictInto(data.validation.x, 168, predicted);
    // the class weights of the 600 training rows, applied to the validation rows
    const classWeights = balancedClassWeights(pima.y, 1, Array.from({ length: 600 }, (_, i) => i));
    const weights = rowWeightsOf(data.validation.y, 168, 1, classWeights);
    expect(result.history[1]!.val_loss).toBeCloseTo(losses.binary_crossentropy.rowSum(predicted, data.validation.y, 168, 1, weights) / 168, 12);
  });

  it('gives the same run on the JavaScript and the WebAssembly engine', () => {
    const settings = { ...recipeSettings, epochs: 5, classWeights: 'balanced' as const };
    const js = train(recipe, settings, pima, {}, { engine: 'js' }), wasm = train(recipe, settings, pima, {}, { engine: 'wasm' });
    expect(wasm.engine).toBe('wasm');
    wasm.history.forEach((e, i) => expect(e.loss).toBeCloseTo(js.history[i]!.loss, 10));
    const flat = (r: typeof js) => r.layers.flatMap((l) => [...l.kernel.flat(), ...(l.bias ?? [])]);
    const a = flat(js), b = flat(wasm);
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeLessThan(1e-9);
  });

  it('finds more of the rare class (diabetes, 35 % of the rows) than training unweighted', () => {
    const settings = { ...recipeSettings, epochs: 30 };
    const recall = (classWeights: 'none' | 'balanced') => {
      const result = train(recipe, { ...settings, classWeights }, pima);
      const p = new Float64Array(pima.rows);
      Network.fromLayers(8, result.layers).predictInto(pima.x, pima.rows, p);
      return binaryReport(p, pima.y, 0.5).recall;
    };
    const plain = recall('none'), balanced = recall('balanced');
    expect(balanced).toBeGreaterThan(plain + 0.1);
  });

  it('refuses a regression run: class weights need classes', () => {
    const x = Float64Array.of(1, 2, 3), y = Float64Array.of(0.5, 1.5, 2.5);
    expect(() => train({ inputs: 1, layers: [{ units: 1, activation: 'linear' }] },
      { loss: 'mse', optimizer: { name: 'sgd' }, epochs: 1, batchSize: 3, seed: 1, classWeights: 'balanced' },
      { x, y, rows: 3, cols: 1, outputs: 1, task: 'regression' })).toThrow(/Class weights need classes/);
  });
});
