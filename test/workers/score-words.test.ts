// The words about how sure a score is, as the Evaluate screen and the command line say them, from real intervals.
import { describe, expect, it } from 'vitest';
import { summarizeFolds } from '../../workers/cross-validation';
import { wilsonInterval } from '../../workers/engine/uncertainty';
import { crossValidationWords, scoreWithRange, smallTestCaution, whyScoresDiffer } from '../../workers/score-words';

describe('scoreWithRange', () => {
  it('says a share with its Wilson range: 110 of 154 right is 71 %, likely between 64 % and 78 %', () => {
    expect(scoreWithRange(110 / 154, wilsonInterval(110, 154), 154, 'share')).toBe('71 % (likely between 64 % and 78 %) on 154 rows');
  });

  it('writes AUC, F1 and R² to two decimals, an error in the label units, and leaves out a range it does not have', () => {
    expect(scoreWithRange(0.8123, [0.7432, 0.8791], 154, 'score')).toBe('0.81 (likely between 0.74 and 0.88) on 154 rows');
    expect(scoreWithRange(3.14159, [2.5, 3.87], 20, 'error')).toBe('3.14 (likely between 2.5 and 3.87) on 20 rows');
    expect(scoreWithRange(0.5, null, 1, 'share')).toBe('50 % on 1 row');
  });
});

describe('smallTestCaution', () => {
  it('warns about 43 test rows, saying how far off the score may be (half its interval)', () => {
    // 28 of 43 right: Wilson 95 % is 0.5017 to 0.7758, half-width 0.137
    const interval = wilsonInterval(28, 43);
    expect(smallTestCaution({ on: 'test', rows: 43 }, { interval, kind: 'share' })).toBe(
      'Only 43 rows were kept for testing; the score could easily be 14 points off. Cross-validation gives a steadier figure.',
    );
  });

  it('warns about a class with fewer than 10 test rows, even among many rows', () => {
    const classes = [{ name: 'no', rows: 146 }, { name: 'yes', rows: 8 }];
    expect(smallTestCaution({ on: 'test', rows: 154, classes }, { interval: wilsonInterval(120, 154), kind: 'share' })).toBe(
      'Only 8 of the 154 rows kept for testing are “yes”, so what the figures say about that class rests on very few rows. Cross-validation gives a steadier figure.',
    );
  });

  it('says nothing for 154 test rows of two common classes, nor for the training rows', () => {
    const classes = [{ name: '0', rows: 100 }, { name: '1', rows: 54 }];
    expect(smallTestCaution({ on: 'test', rows: 154, classes }, { interval: wilsonInterval(110, 154), kind: 'share' })).toBeNull();
    expect(smallTestCaution({ on: 'train', rows: 20 }, { interval: null, kind: 'share' })).toBeNull();
  });

  it('says R² may be off by half its interval on a small regression test set', () => {
    expect(smallTestCaution({ on: 'validation', rows: 30 }, { interval: [0.3, 0.6], kind: 'score' })).toBe(
      'Only 30 rows were held out for validation; the score could easily be 0.15 off. Cross-validation gives a steadier figure.',
    );
  });
});

describe('crossValidationWords', () => {
  it('says the mean, the lowest and highest fold and the spread in points', () => {
    const cv = summarizeFolds('accuracy', [0.72, 0.76, 0.8, 0.75, 0.77], [123, 123, 123, 123, 122]);
    // sd of the five: √(((−.04)² + 0 + .04² + (−.01)² + .01²) / 4) = √(0.0034 / 4) = 0.0292
    expect(crossValidationWords(cv)).toBe('Over 5 folds: 76 % on average, from 72 % to 80 % (± 3 points)');
  });

  it('says R² to two decimals', () => {
    expect(crossValidationWords({ metric: 'r2', folds: [0.35, 0.41, 0.47], mean: 0.41, sd: 0.06 })).toBe(
      'Over 3 folds: R² 0.41 on average, from 0.35 to 0.47 (± 0.06)',
    );
  });
});

describe('whyScoresDiffer', () => {
  it('says the validation rows decided when to stop, and the test rows were never seen', () => {
    expect(whyScoresDiffer({ on: 'test', rows: 154, validationRows: 92, earlyStopping: true })).toBe(
      'Train shows the 92 validation rows, which training watched to decide when to stop; Evaluate scores 154 test rows the model never saw, so it is the fairer figure.',
    );
  });

  it('without early stopping, says the gap is chance; with no test rows, that the figure flatters the model', () => {
    expect(whyScoresDiffer({ on: 'test', rows: 154, validationRows: 92, earlyStopping: false })).toMatch(/gap between the two is chance/);
    expect(whyScoresDiffer({ on: 'validation', rows: 154, validationRows: 154, earlyStopping: true })).toMatch(/^No rows were kept for testing.*flatters/);
    expect(whyScoresDiffer({ on: 'train', rows: 768, validationRows: 0, earlyStopping: false })).toMatch(/^Nothing was held out/);
  });
});
