// The network drawing's geometry and the weight-to-line styling.
import { describe, expect, it } from 'vitest';
import { drawnUnits, largestWeight, layoutNetwork, linkStyle } from '../../renderer/src/lib/network-layout';

describe('network drawing', () => {
  it('draws every unit of a small layer and elides the middle of a wide one', () => {
    expect(drawnUnits(3, 10)).toEqual([0, 1, 2]);
    expect(drawnUnits(64, 5)).toEqual([0, 1, 2, 3, 63]);
  });

  it('places layers left to right and centres each column vertically', () => {
    const layers = layoutNetwork([8, 12, 1], 400, 300, 10, 20);
    expect(layers.map((l) => l.x)).toEqual([20, 200, 380]);
    expect(layers[1]!.hidden).toBe(2);
    expect(layers[2]!.nodes[0]!.y).toBe(150);
    const ys = layers[0]!.nodes.map((n) => n.y);
    expect((ys[0]! + ys[ys.length - 1]!) / 2).toBeCloseTo(150, 10);
  });

  it('colours by sign and thickens by size', () => {
    const strong = linkStyle(2, 2);
    const weakNegative = linkStyle(-0.5, 2);
    expect(strong.color).not.toBe(weakNegative.color);
    expect(strong.width).toBe(5);
    expect(weakNegative.width).toBeCloseTo(0.5 + 4.5 * 0.25, 12);
    expect(linkStyle(undefined, 1).color).toBe('#9aa5b1');
  });

  it('finds the largest absolute weight across layers', () => {
    expect(largestWeight([[[1, -3]], [[2], [0.5]]])).toBe(3);
  });
});

describe('network drawing margins', () => {
  it('leaves room for labels on the left and the right', () => {
    const layers = layoutNetwork([2, 1], 500, 200, 10, { left: 150, right: 50, top: 20, bottom: 20 });
    expect(layers.map((l) => l.x)).toEqual([150, 450]);
    // a single output node sits in the middle of the drawable height
    expect(layers[1]!.nodes[0]!.y).toBe(100);
  });
});
