// The threshold a goal in words sets ("find at least 80 % of the positives", "at most 10 % false alarms"), on cases
// worked by hand.
import { describe, expect, it } from 'vitest';
import { binaryReport, thresholdForGoal } from '../../../workers/engine/metrics';

// Ten rows, highest probability first. Positives (1) at 0.95, 0.9, 0.7, 0.6, 0.3; negatives (0) at 0.8, 0.65, 0.4,
// 0.2, 0.1.
const p = [0.95, 0.9, 0.8, 0.7, 0.65, 0.6, 0.4, 0.3, 0.2, 0.1];
const y = [1, 1, 0, 1, 0, 1, 0, 1, 0, 0];

describe('thresholdForGoal: find at least a share of the positives', () => {
  it.each([
    // 40 % of 5 = 2 positives: the 2nd highest positive, 0.9; nothing negative is that high
    { find: 0.4, threshold: 0.9, found: 2, falseAlarms: 0 },
    // 50 % of 5 = 2.5, so 3: the 3rd positive, 0.7; the negative 0.8 is above it
    { find: 0.5, threshold: 0.7, found: 3, falseAlarms: 1 },
    // 80 % of 5 = 4: the 4th positive, 0.6; negatives 0.8 and 0.65 above it
    { find: 0.8, threshold: 0.6, found: 4, falseAlarms: 2 },
    // all 5: down to 0.3, which flags the negatives 0.8, 0.65 and 0.4 too
    { find: 1, threshold: 0.3, found: 5, falseAlarms: 3 },
    // the smallest goal still finds one
    { find: 0.01, threshold: 0.95, found: 1, falseAlarms: 0 },
  ])('find $find: threshold $threshold', ({ find, ...expected }) => {
    expect(thresholdForGoal(p, y, { find })).toEqual({ ...expected, positives: 5, negatives: 5 });
  });

  it('is the highest threshold that reaches the goal: a hair higher misses it', () => {
    const goal = thresholdForGoal(p, y, { find: 0.8 })!;
    expect(binaryReport(p, y, goal.threshold).recall).toBeGreaterThanOrEqual(0.8);
    expect(binaryReport(p, y, goal.threshold + 1e-9).recall).toBeLessThan(0.8);
  });

  it('7 % of 100 positives is 7 (7 / 100 × 100 is 7.000000000000001 in floating point)', () => {
    // bug guarded: ceil(0.07 × 100) asked for 8 of 100, one more than 7 %
    const probabilities = Array.from({ length: 100 }, (_, i) => 1 - i / 1000);
    const goal = thresholdForGoal(probabilities, probabilities.map(() => 1), { find: 7 / 100 })!;
    expect(goal.found).toBe(7);
    expect(goal.threshold).toBe(probabilities[6]);
  });

  it('counts every positive tied at the threshold', () => {
    // 50 % of 4 = 2, but the 2nd and 3rd positives share 0.5: both are found
    expect(thresholdForGoal([0.9, 0.5, 0.5, 0.2, 0.5], [1, 1, 1, 1, 0], { find: 0.5 })).toEqual({
      threshold: 0.5, positives: 4, found: 3, negatives: 1, falseAlarms: 1,
    });
  });

  it('is null when there are no positives to find', () => {
    expect(thresholdForGoal([0.3, 0.6], [0, 0], { find: 0.8 })).toBeNull();
  });
});

describe('thresholdForGoal: at most a share of false alarms', () => {
  it.each([
    // no false alarm allowed: just above the highest negative, 0.8, is the positive 0.9
    { falseAlarms: 0, threshold: 0.9, found: 2, alarms: 0 },
    // 20 % of 5 = 1 allowed: above the 2nd negative (0.65) the lowest probability is 0.7
    { falseAlarms: 0.2, threshold: 0.7, found: 3, alarms: 1 },
    // 50 % of 5 = 2.5, so 2: above the 3rd negative (0.4) the lowest is 0.6
    { falseAlarms: 0.5, threshold: 0.6, found: 4, alarms: 2 },
    // every negative may be flagged: the lowest probability of all
    { falseAlarms: 1, threshold: 0.1, found: 5, alarms: 5 },
  ])('at most $falseAlarms: threshold $threshold', ({ falseAlarms, threshold, found, alarms }) => {
    expect(thresholdForGoal(p, y, { falseAlarms })).toEqual({ threshold, positives: 5, found, negatives: 5, falseAlarms: alarms });
  });

  it('29 % of 100 negatives allows 29 alarms (29 / 100 × 100 is 28.999999999999996 in floating point)', () => {
    // bug guarded: floor(0.29 × 100) allowed only 28
    const probabilities = Array.from({ length: 100 }, (_, i) => 1 - i / 1000);
    expect(thresholdForGoal(probabilities, probabilities.map(() => 0), { falseAlarms: 29 / 100 })!.falseAlarms).toBe(29);
  });

  it('is null when there are no negatives to raise alarms for', () => {
    expect(thresholdForGoal([0.3, 0.6], [1, 1], { falseAlarms: 0.1 })).toBeNull();
  });
});
