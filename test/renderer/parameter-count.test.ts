// Parameter counts against figures Keras prints in model.summary().
import { describe, expect, it } from 'vitest';
import { countParameters, layerParameters } from '../../renderer/src/lib/parameter-count';

describe('parameter count', () => {
  it('matches Keras for the Pima tutorial network 8 → 12 → 8 → 1 (221 parameters)', () => {
    // Keras: dense 108, dense_1 104, dense_2 9, total 221
    expect(countParameters(8, [{ units: 12 }, { units: 8 }, { units: 1 }])).toBe(221);
  });

  it('counts one weight per input per unit plus one bias per unit', () => {
    expect(layerParameters(8, { units: 16 })).toBe(144);
    expect(layerParameters(8, { units: 16, useBias: false })).toBe(128);
  });

  it('gives 0 for no layers and follows widths through the stack', () => {
    expect(countParameters(5, [])).toBe(0);
    // 2 → 2 → 1 without bias: the tutorial's 4 + 2 weights
    expect(countParameters(2, [{ units: 2, useBias: false }, { units: 1, useBias: false }])).toBe(6);
  });
});
