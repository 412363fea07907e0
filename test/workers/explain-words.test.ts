// The explanations in words: hand-made explanations, and the sentences and figures a person reads of them.
import { describe, expect, it } from 'vitest';
import type { CaseExplanation, Importance, WhatIf } from '../../workers/engine/explain';
import {
  answerFigures, caseSentence, contributionRows, decimalsFor, importanceRows, importanceSentence, inputWithValue, whatIfRows, whatIfSentence,
} from '../../workers/explain-words';

function chance(base: number, parts: Record<string, number>): CaseExplanation {
  const contributions = Object.entries(parts).map(([input, value]) => ({ input, value }));
  return { answer: 'chance', base, value: base + contributions.reduce((a, c) => a + c.value, 0), contributions, method: 'exact', backgroundRows: 100 };
}

const patient = { Pregnancies: '2', Glucose: '160', BloodPressure: '70', BMI: '33', Age: '25', Insulin: '' };

describe('why this answer, in words', () => {
  it('names the two or three inputs that moved the chance most, with signed points and the average answer', () => {
    const e = chance(0.35, { Pregnancies: 0.004, Glucose: 0.18, BloodPressure: 0.002, BMI: 0.03, Age: -0.06 });
    expect(caseSentence(e, patient)).toBe(
      'Glucose 160 raised the chance most (+18 points); Age 25 lowered it (\u22126 points); BMI 33 also raised it (+3 points), ' +
        'compared with the average answer of 35 % over the training rows.',
    );
  });

  it('leaves out a third input that moved it by under a point', () => {
    const e = chance(0.35, { Glucose: 0.18, Age: -0.06, BMI: 0.004 });
    expect(caseSentence(e, patient)).toBe(
      'Glucose 160 raised the chance most (+18 points); Age 25 lowered it (\u22126 points), compared with the average answer of 35 % over the training rows.',
    );
  });

  it('a first move down, a second down too, one point singular; an empty field is "missing"', () => {
    const e = chance(0.4, { Insulin: -0.2, Age: -0.01 });
    expect(caseSentence(e, patient)).toBe(
      'Insulin (missing) lowered the chance most (\u221220 points); Age 25 also lowered it (\u22121 point), compared with the average answer of 40 % over the training rows.',
    );
  });

  it('says what the average is taken over when it is not the training rows', () => {
    expect(caseSentence(chance(0.3, { Glucose: 0.1 }), patient, { over: 'the 100 rows of old.csv' })).toBe(
      'Glucose 160 raised the chance most (+10 points), compared with the average answer of 30 % over the 100 rows of old.csv.',
    );
  });

  it('says when nothing moved the answer by a point', () => {
    expect(caseSentence(chance(0.35, { Glucose: 0.003, Age: -0.002 }), patient)).toBe(
      'No input moved this answer by a point or more from the average answer of 35 % over the training rows.',
    );
  });

  it('names the class of a multi-class answer', () => {
    const e = chance(0.3, { petal: 0.5 });
    expect(caseSentence(e, { petal: 4.5 }, { className: 'versicolor' })).toBe(
      'petal 4.5 raised the chance of versicolor most (+50 points), compared with the average answer of 30 % over the training rows.',
    );
  });

  it("speaks of a regression's answer in the target's units", () => {
    const e: CaseExplanation = {
      answer: 'value', base: 22.53, value: 21.56, method: 'exact', backgroundRows: 100,
      contributions: [{ input: 'BMI', value: 3.1 }, { input: 'RM', value: -4.07 }, { input: 'AGE', value: 0 }],
    };
    expect(caseSentence(e, { BMI: 40, RM: 5 })).toBe(
      'RM 5 lowered the value most (\u22124.1); BMI 40 raised it (+3.1), compared with the average answer of 22.5 over the training rows.',
    );
    expect(answerFigures(e)).toEqual({ answer: '21.56', average: '22.53', difference: '\u22120.97' });
  });

  // Regression: a price's average answer read "303277" where the answer beside it read "354,327".
  it('groups the thousands of a large value as the answer does', () => {
    const e: CaseExplanation = {
      answer: 'value', base: 303277.2, value: 354327.1, method: 'exact', backgroundRows: 100,
      contributions: [{ input: 'Smoker', value: 31644.2 }, { input: 'Dose', value: 10631.4 }, { input: 'Glucose', value: 8774.3 }],
    };
    expect(caseSentence(e, { Smoker: 'former', Dose: 0.8, Glucose: 140 })).toBe(
      'Smoker former raised the value most (+31,644); Dose 0.8 also raised it (+10,631); Glucose 140 also raised it (+8,774), compared with the average answer of 303,277 over the training rows.',
    );
    expect(answerFigures(e)).toEqual({ answer: '354,327.1', average: '303,277.2', difference: '+51,049.9' });
  });

  it('gives each input\'s figure, largest first, to one decimal of a point, adding up to the difference', () => {
    const e = chance(0.35, { Glucose: 0.183, Age: -0.0612, BMI: 0.0296 });
    const rows = contributionRows(e, patient);
    expect(rows.map((r) => [r.label, r.text])).toEqual([
      ['Glucose 160', '+18.3 points'],
      ['Age 25', '\u22126.1 points'],
      ['BMI 33', '+3.0 points'],
    ]);
    expect(answerFigures(e)).toEqual({ answer: '50.1 %', average: '35.0 %', difference: '+15.1 points' });
  });

  it('writes values as typed and categories by name', () => {
    expect(inputWithValue('Sex', 'F')).toBe('Sex F');
    expect(inputWithValue('Glucose', 160)).toBe('Glucose 160');
    expect(inputWithValue('Glucose', '  ')).toBe('Glucose (missing)');
    expect(inputWithValue('Glucose', null)).toBe('Glucose (missing)');
  });

  it('chooses decimals from the largest figure', () => {
    expect(decimalsFor([3.1, -0.2])).toBe(1);
    expect(decimalsFor([0.42])).toBe(2);
    expect(decimalsFor([42])).toBe(0);
    expect(decimalsFor([0])).toBe(2);
  });
});

function importance(metric: 'accuracy' | 'mae', score: number, parts: Record<string, number[]>): Importance {
  return {
    metric,
    score,
    rows: 154,
    repeats: 5,
    inputs: Object.entries(parts).map(([input, drops]) => {
      const mean = drops.reduce((a, b) => a + b, 0) / drops.length;
      return { input, mean, sd: 0, drops };
    }),
  };
}

describe('what matters overall, in words', () => {
  it('names the input that costs most accuracy, the next ones, and those that hardly matter', () => {
    const imp = importance('accuracy', 0.75, {
      Glucose: [0.09, 0.08, 0.1, 0.09, 0.09],
      BMI: [0.04, 0.04, 0.04, 0.04, 0.04],
      BloodPressure: [0.005, -0.005, 0, 0.01, 0],
      Age: [0.02, 0.02, 0.03, 0.01, 0.02],
    });
    expect(importanceSentence(imp)).toBe(
      'Glucose matters most: shuffling it costs 9 points of accuracy; then BMI (4 points) and Age (2 points); BloodPressure hardly matters (under 1 point).',
    );
    const rows = importanceRows(imp);
    expect(rows.map((r) => r.input)).toEqual(['Glucose', 'BMI', 'Age', 'BloodPressure']);
    expect(rows[0]).toMatchObject({ min: 0.08, max: 0.1, text: '9.0 points' });
    expect(rows[3]).toMatchObject({ min: -0.005, max: 0.01, text: '0.2 points' });
  });

  it('groups many inputs that hardly matter', () => {
    const imp = importance('accuracy', 0.75, { Glucose: [0.05], A: [0.001], B: [0], C: [-0.002], D: [0.003] });
    expect(importanceSentence(imp)).toBe('Glucose matters most: shuffling it costs 5 points of accuracy; D, A and 2 others hardly matter (under 1 point each).');
  });

  it('says when no input matters on its own', () => {
    expect(importanceSentence(importance('accuracy', 0.65, { A: [0.004], B: [0] }))).toBe(
      'No input matters much on its own: shuffling any one of them costs under 1 point of accuracy.',
    );
  });

  it("speaks of a regression's typical miss in the target's units", () => {
    const imp = importance('mae', 3.2, { LSTAT: [2.1, 2.0, 2.2], RM: [1.2, 1.3, 1.1], CHAS: [0.01, 0.0, 0.02] });
    expect(importanceSentence(imp)).toBe(
      'LSTAT matters most: shuffling it makes the typical miss 2.1 larger; then RM (1.2 larger); CHAS hardly matters (under 1 % of the typical miss).',
    );
    expect(importanceRows(imp)[0]!.text).toBe('2.1 larger');
  });
});

describe('what-if, in words', () => {
  const glucose: WhatIf = { input: 'Glucose', values: [80, 135.0001, 190], forCase: [0.12, 0.4, 0.71], average: [0.2, 0.33, 0.55] };

  it('says where the case\'s chance starts and ends across the range, and the average curve', () => {
    expect(whatIfSentence(glucose, { answer: 'chance' })).toBe(
      'For this case, the chance goes from 12 % at Glucose 80 to 71 % at Glucose 190 (on average over the test rows, from 20 % to 55 %).',
    );
    expect(whatIfRows(glucose, { answer: 'chance' })).toEqual([
      { at: 'Glucose 80', forCase: '12.0 %', average: '20.0 %' },
      { at: 'Glucose 135', forCase: '40.0 %', average: '33.0 %' },
      { at: 'Glucose 190', forCase: '71.0 %', average: '55.0 %' },
    ]);
  });

  it('says when the curve is flat', () => {
    const flat: WhatIf = { input: 'Age', values: [21, 60], forCase: [0.301, 0.299], average: [0.3, 0.3] };
    expect(whatIfSentence(flat, { answer: 'chance' })).toBe('For this case, the chance stays at about 30 % from Age 21 to Age 60 (on average over the test rows, from 30 % to 30 %).');
  });

  it('names the highest and lowest category of a categorical input', () => {
    const sex: WhatIf = { input: 'Sex', values: ['F', 'M', 'X'], forCase: [0.4, 0.2, 0.3], average: [0.35, 0.25, 0.3] };
    expect(whatIfSentence(sex, { answer: 'chance' })).toBe('For this case, the chance is highest with Sex F (40 %) and lowest with Sex M (20 %).');
  });

  it("a regression's curve in the target's units", () => {
    const bmi: WhatIf = { input: 'BMI', values: [20, 45], forCase: [18.24, 25.08], average: [19.9, 24.1] };
    expect(whatIfSentence(bmi, { answer: 'value' }, 'the validation rows')).toBe(
      'For this case, the value goes from 18.2 at BMI 20 to 25.1 at BMI 45 (on average over the validation rows, from 19.9 to 24.1).',
    );
  });
});
