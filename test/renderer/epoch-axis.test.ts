// The epoch axis of the live charts: fixed for short runs, a step ahead for long ones.
import { describe, expect, it } from 'vitest';
import { epochAxisEnd, roundUp } from '../../renderer/src/lib/epoch-axis';

describe('epoch axis', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([1, 3, 7, 12, 20, 21, 499, 501, 9001].map(roundUp)).toEqual([1, 5, 10, 20, 20, 50, 500, 1000, 10000]);
  });

  it('gives a short live run its full length, so the curve grows into the frame', () => {
    expect(epochAxisEnd(3, 30, true)).toBe(30);
    expect(epochAxisEnd(0, 300, true)).toBe(300);
  });

  it('keeps a long live run a round step ahead of its last epoch, never past its end', () => {
    expect(epochAxisEnd(10, 20000, true)).toBe(50);
    expect(epochAxisEnd(384, 20000, true)).toBe(500);
    expect(epochAxisEnd(450, 20000, true)).toBe(1000);
    expect(epochAxisEnd(19000, 20000, true)).toBe(20000);
  });

  it('fits a finished or stopped run to the epochs it ran', () => {
    expect(epochAxisEnd(760, 20000, false)).toBe(760);
    expect(epochAxisEnd(0, 30, false)).toBe(1);
  });
});
