// Parameter counts against figures Keras prints in model.summary(): the engine's count, which the Model screen shows.
import { describe, expect, it } from 'vitest';
import { layerParameters, paramCount } from '../../../workers/engine/spec';

describe('parameter count', () => {
  it('matches Keras for the Pima tutorial network 8 → 12 → 8 → 1 (221 parameters)', () => {
    // Keras: dense 108, dense_1 104, dense_2 9, total 221
    expect(paramCount({ inputs: 8, layers: [{ units: 12 }, { units: 8 }, { units: 1 }] })).toBe(221);
  });

  it('counts one weight per input per unit plus one bias per unit', () => {
    expect(layerParameters(8, { units: 16 })).toBe(144);
    expect(layerParameters(8, { units: 16, useBias: false })).toBe(128);
  });

  it('gives 0 for no layers and follows widths through the stack', () => {
    expect(paramCount({ inputs: 5, layers: [] })).toBe(0);
    // 2 → 2 → 1 without bias: the tutorial's 4 + 2 weights
    expect(paramCount({ inputs: 2, layers: [{ units: 2, useBias: false }, { units: 1, useBias: false }] })).toBe(6);
  });
});
