// Thinning long training curves: the shape (ends, spikes) must survive.
import { describe, expect, it } from 'vitest';
import { decimate, type Point } from '../../renderer/src/lib/decimate';

const line = (n: number, f: (x: number) => number): Point[] => Array.from({ length: n }, (_, i) => ({ x: i + 1, y: f(i + 1) }));

describe('decimate', () => {
  it('returns short curves untouched', () => {
    const pts = line(50, (x) => 1 / x);
    expect(decimate(pts, 100)).toBe(pts);
  });

  it('keeps exactly the requested number of points, the first and the last', () => {
    const pts = line(10_000, (x) => Math.exp(-x / 1000));
    const out = decimate(pts, 300);
    expect(out).toHaveLength(300);
    expect(out[0]).toBe(pts[0]);
    expect(out[299]).toBe(pts[9999]);
    for (let i = 1; i < out.length; i++) expect(out[i]!.x).toBeGreaterThan(out[i - 1]!.x);
  });

  it('keeps a single spike that averaging would flatten', () => {
    const pts = line(5000, (x) => (x === 3141 ? 50 : 1));
    const out = decimate(pts, 100);
    expect(out.some((p) => p.x === 3141 && p.y === 50)).toBe(true);
  });

  it('on 5 points into 3 buckets picks the farthest middle point by hand', () => {
    // first (1,0), last (5,0); the one middle bucket holds x=2..4; the point at x=3 (y=9) makes the largest triangle
    const pts: Point[] = [{ x: 1, y: 0 }, { x: 2, y: 1 }, { x: 3, y: 9 }, { x: 4, y: 2 }, { x: 5, y: 0 }];
    expect(decimate(pts, 3)).toEqual([{ x: 1, y: 0 }, { x: 3, y: 9 }, { x: 5, y: 0 }]);
  });
});
