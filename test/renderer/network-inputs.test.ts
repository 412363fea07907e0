// The drawing's inputs and the kernels it draws: a categorical feature becomes one input per category, and kernels
// (final or live) are drawn only when their shape is the network drawn, never misplaced on a different network.
import { describe, expect, it } from 'vitest';
import { kernelsMatching, kernelsOf, networkInputNames } from '../../renderer/src/lib/network-inputs';
import type { WeightsFile } from '../../workers/engine/weights-file';

// 2 inputs → 3 hidden → 1 output
const kernels = [
  [
    [1, 2, 3],
    [4, 5, 6],
  ],
  [[7], [8], [9]],
];

describe('network inputs', () => {
  it('names one input per numeric feature and one per category of a categorical one', () => {
    const profiles: Record<string, unknown> = {
      Age: { kind: 'numeric' },
      Smoker: { kind: 'categorical', categories: [{ value: 'no' }, { value: 'yes' }] },
    };
    expect(networkInputNames(['Age', 'Smoker'], (name) => profiles[name])).toEqual(['Age', 'Smoker = no', 'Smoker = yes']);
  });

  it('draws kernels whose shape is the drawn network', () => {
    expect(kernelsMatching(kernels, 2, [3, 1])).toBe(kernels);
  });

  it('refuses kernels of another network: other inputs, other units, another depth, a ragged row', () => {
    expect(kernelsMatching(kernels, 3, [3, 1])).toBeNull();
    expect(kernelsMatching(kernels, 2, [4, 1])).toBeNull();
    expect(kernelsMatching(kernels, 2, [3, 1, 1])).toBeNull();
    expect(kernelsMatching([[[1, 2, 3], [4, 5]], [[7], [8], [9]]], 2, [3, 1])).toBeNull();
    expect(kernelsMatching(null, 2, [3, 1])).toBeNull();
  });

  it('reads the kernels of a weights file layer by layer', () => {
    const weights = {
      layers: [
        { units: 3, activation: 'relu', kernel: kernels[0], bias: [0, 0, 0] },
        { units: 1, activation: 'sigmoid', kernel: kernels[1], bias: [0] },
      ],
    } as unknown as WeightsFile;
    expect(kernelsOf(weights)).toEqual(kernels);
    expect(kernelsOf(null)).toBeNull();
  });
});
