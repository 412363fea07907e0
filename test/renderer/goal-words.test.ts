// A threshold chosen by a goal, said in words, on counts worked by hand.
import { describe, expect, it } from 'vitest';
import { goalOf, goalSentence, noGoalSentence } from '../../renderer/src/lib/goal-words';

const diabetes = { positive: 'people with diabetes', negative: 'people without diabetes' };

describe('a threshold goal in words', () => {
  it('says what finding a share of the positives costs in false alarms', () => {
    expect(goalSentence({ kind: 'find', percent: 80 }, { threshold: 0.2834, positives: 54, found: 44, negatives: 100, falseAlarms: 31 }, diabetes)).toBe(
      'To find 80 % of the 54 people with diabetes (44 of them), the model raises 31 false alarms among the 100 people without diabetes (threshold 0.28).',
    );
  });

  it('says what a limit on false alarms leaves found, one alarm in the singular', () => {
    expect(goalSentence({ kind: 'falseAlarms', percent: 1 }, { threshold: 0.9, positives: 54, found: 20, negatives: 100, falseAlarms: 1 }, diabetes)).toBe(
      'To raise at most 1 % false alarms among the 100 people without diabetes (1 false alarm), the model finds 20 of the 54 people with diabetes (37 %) (threshold 0.90).',
    );
  });

  it('turns the typed percent into a share, and refuses what is not one', () => {
    expect(goalOf({ kind: 'find', percent: 80 })).toEqual({ find: 0.8 });
    expect(goalOf({ kind: 'falseAlarms', percent: 0 })).toEqual({ falseAlarms: 0 });
    expect(goalOf({ kind: 'find', percent: 0 })).toBe('Give a share from 1 to 100 %.');
    expect(goalOf({ kind: 'find', percent: 120 })).toBe('Give a share from 1 to 100 %.');
    expect(goalOf({ kind: 'falseAlarms', percent: Number.NaN })).toBe('Give a share from 0 to 100 %.');
  });

  it('says why a goal cannot be measured', () => {
    expect(noGoalSentence({ kind: 'find', percent: 80 }, diabetes)).toBe('There are no people with diabetes among these rows, so there is no one to find.');
  });
});
