// The estimate of time left and the clock format under the training charts.
import { describe, expect, it } from 'vitest';
import { estimateTimeLeft, formatDuration, formatRunTime, progressFraction } from '../../renderer/src/lib/time-left';

describe('time left', () => {
  it('extrapolates the average epoch time to the epochs left', () => {
    // 10 of 40 epochs in 5 s: 0.5 s an epoch, 30 left → 15 s
    expect(estimateTimeLeft(10, 40, 5)).toBeCloseTo(15, 10);
    expect(estimateTimeLeft(40, 40, 20)).toBe(0);
  });

  it('has no estimate before any progress', () => {
    expect(estimateTimeLeft(0, 40, 1)).toBeNull();
  });

  it('counts the share of a long epoch under way, so a slow first epoch already gives an estimate', () => {
    // a quarter of the first of 4 epochs in 30 s: 120 s an epoch, 3.75 epochs left → 450 s
    expect(estimateTimeLeft(0.25, 4, 30)).toBeCloseTo(450, 10);
  });

  it('formats like a clock, rounding up', () => {
    expect(formatDuration(7)).toBe('0:07');
    expect(formatDuration(6.2)).toBe('0:07');
    expect(formatDuration(62)).toBe('1:02');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(null)).toBe('–');
  });

  it('writes a run under a second in hundredths, a longer one as a clock', () => {
    expect(formatRunTime(0.468)).toBe('0.47 s');
    expect(formatRunTime(1.2)).toBe('0:02');
    expect(formatRunTime(75)).toBe('1:15');
  });

  it('clamps the progress bar between empty and full', () => {
    expect(progressFraction(15, 30)).toBe(0.5);
    expect(progressFraction(31, 30)).toBe(1);
    expect(progressFraction(0, 0)).toBe(0);
  });
});
