// The confusion matrix in words, checked against counts worked by hand.
import { describe, expect, it } from 'vitest';
import {
  binaryConfusionSentences,
  defaultClassWords,
  majorityBaseline,
  multiclassConfusionSentences,
} from '../../renderer/src/lib/confusion-words';

const diabetes = { positive: 'people with diabetes', negative: 'people without diabetes' };

describe('confusion matrix in words', () => {
  it('tells recall, specificity and precision with their counts', () => {
    // 54 positives, 41 found; 100 negatives, 90 left alone, 10 false alarms
    const s = binaryConfusionSentences({ truePositive: 41, falseNegative: 13, trueNegative: 90, falsePositive: 10 }, diabetes);
    expect(s[0]).toBe('Of 54 people with diabetes, the model found 41 (76 %) and missed 13.');
    expect(s[1]).toBe('Of 100 people without diabetes, it rightly left 90 alone (90 %) and raised a false alarm for 10.');
    expect(s[2]).toBe('Of the 51 it picked out as people with diabetes, 41 really were (80 %).');
  });

  it('says so when a class is absent instead of dividing by zero', () => {
    const s = binaryConfusionSentences({ truePositive: 0, falseNegative: 0, trueNegative: 5, falsePositive: 0 }, diabetes);
    expect(s[0]).toBe('There are no people with diabetes among these rows.');
    expect(s[2]).toBe('It did not pick out anyone as one of the people with diabetes.');
  });

  it('names the classes from the label when the user has not', () => {
    expect(defaultClassWords('Outcome', ['0', '1'])).toEqual({ positive: 'rows where Outcome is 1', negative: 'rows where Outcome is 0' });
  });

  it('tells each class of a multi-class matrix and its most common mistake', () => {
    const m = [
      [19, 1, 0],
      [0, 15, 5],
      [0, 0, 0],
    ];
    expect(multiclassConfusionSentences(m, ['setosa', 'versicolor', 'virginica'])).toEqual([
      'Of 20 rows of class setosa, the model found 19 (95 %); most mistakes called it versicolor (1).',
      'Of 20 rows of class versicolor, the model found 15 (75 %); most mistakes called it virginica (5).',
      'There are no rows of class virginica.',
    ]);
  });

  it('gives the baseline of always answering the most common class (Pima: 500 of 768 = 65 %)', () => {
    const b = majorityBaseline([500, 268], ['0', '1']);
    expect(b.className).toBe('0');
    expect(b.accuracy).toBeCloseTo(500 / 768, 12);
  });
});
