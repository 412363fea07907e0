// Finite-difference gradient checks (float64): every activation with every loss it can meet, with and without bias,
// with and without L2, through two hidden layers so each hidden activation's backward feeds another layer.
import { describe, expect, it } from 'vitest';
import { worstGradientMismatch } from './finite-difference';
import { Backprop } from '../../../workers/engine/backprop';
import { losses } from '../../../workers/engine/losses';
import { Network } from '../../../workers/engine/network';
import { Rng } from '../../../workers/engine/rng';
import { ACTIVATIONS, type ActivationName, type LossName } from '../../../workers/engine/spec';

const hiddenActivations = ACTIVATIONS.filter((a) => a !== 'softmax');
/** output activation + loss pairs a run can have: softmax only with categorical_crossentropy or a squared error */
const outputPairs: { output: ActivationName; loss: LossName }[] = [
  { output: 'sigmoid', loss: 'binary_crossentropy' },
  { output: 'softmax', loss: 'categorical_crossentropy' },
  ...ACTIVATIONS.flatMap((output) => (['mse', 'sse'] as const).map((loss) => ({ output, loss }))),
];
const cases = hiddenActivations.flatMap((hidden) => outputPairs.map((pair) => ({ hidden, ...pair })));

const INPUTS = 3, OUTPUTS = 3, ROWS = 4;

function check(hidden: ActivationName, output: ActivationName, loss: LossName, useBias: boolean, l2: number): number {
  const rng = new Rng(42);
  const network = new Network({
    inputs: INPUTS,
    layers: [
      { units: 5, activation: hidden, useBias, initializer: 'glorot_normal' },
      { units: 4, activation: hidden, useBias, initializer: 'glorot_normal' },
      { units: OUTPUTS, activation: output, useBias, initializer: 'glorot_normal' },
    ],
  }, rng);
  // biases start at zero: give them values so their gradients are tested away from zero
  for (const layer of network.layers) if (layer.bias) for (let j = 0; j < layer.units; j++) layer.bias[j] = rng.normal() * 0.3;
  const pass = new Backprop(network, loss, l2, ROWS);
  for (let i = 0; i < ROWS * INPUTS; i++) pass.x[i] = rng.normal();
  for (let r = 0; r < ROWS; r++) {
    for (let j = 0; j < OUTPUTS; j++) {
      const t = loss === 'binary_crossentropy' ? (rng.next() < 0.5 ? 0 : 1)
        : loss === 'categorical_crossentropy' ? (j === r % OUTPUTS ? 1 : 0) : rng.normal();
      pass.target[r * OUTPUTS + j] = t;
    }
  }
  const objective = (): number => {
    pass.run(ROWS, null);
    const sum = pass.lossSum;
    return (losses[loss].reduction === 'mean' ? sum / ROWS : sum) + pass.penalty;
  };
  objective();
  const analytic = pass.grads.slice();
  return worstGradientMismatch(network.params, analytic, objective);
}

describe('finite-difference gradient check', () => {
  it.each(cases)('$hidden hidden, $output output, $loss', ({ hidden, output, loss }) => {
    for (const useBias of [true, false]) {
      for (const l2 of [0, 0.01]) {
        const error = check(hidden, output, loss, useBias, l2);
        expect(error, `bias ${useBias}, l2 ${l2}`).toBeLessThan(1e-6);
      }
    }
  });
});

describe('dropout', () => {
  it('is inverted: a kept value is scaled by 1 / (1 - rate), about `rate` of them are dropped, none without an rng', () => {
    // 1 -> 1 (linear, weight 1, dropout 0.5) -> 1 (linear, weight 1): each output is x * (0 or 2)
    const network = new Network({
      inputs: 1,
      layers: [
        { units: 1, activation: 'linear', useBias: false, dropout: 0.5 },
        { units: 1, activation: 'linear', useBias: false },
      ],
    });
    network.params.set([1, 1]);
    const rows = 2000;
    const pass = new Backprop(network, 'mse', 0, rows);
    for (let r = 0; r < rows; r++) pass.x[r] = r + 1;
    pass.run(rows, new Rng(1));
    let dropped = 0;
    for (let r = 0; r < rows; r++) {
      expect([0, 2 * (r + 1)]).toContain(pass.output[r]);
      if (pass.output[r] === 0) dropped++;
    }
    expect(dropped / rows).toBeGreaterThan(0.45);
    expect(dropped / rows).toBeLessThan(0.55);
    pass.run(rows, null);
    for (let r = 0; r < rows; r++) expect(pass.output[r]).toBe(r + 1);
  });
});
