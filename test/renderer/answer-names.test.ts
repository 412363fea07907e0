// The label's answers by their names: shown where named, the values where not, and names that would mix two answers refused.
import { describe, expect, it } from 'vitest';
import {
  allNamed,
  answerName,
  answersAreCodes,
  answersNamed,
  chanceOf,
  classWordsFor,
  namesOf,
  namesTyped,
} from '../../renderer/src/lib/answer-names';

const pima = { '1': 'diabetes', '0': 'no diabetes' };

describe('answers by their names', () => {
  it('finds a label\'s names in the project\'s, and none for another label or a file without them', () => {
    expect(namesOf({ Outcome: pima }, 'Outcome')).toEqual(pima);
    expect(namesOf({ Outcome: pima }, 'Age')).toEqual({});
    expect(namesOf(undefined, 'Outcome')).toEqual({});
    expect(namesOf({ Outcome: pima }, null)).toEqual({});
  });

  it('shows a name where there is one and the value where not', () => {
    expect(answersNamed(['0', '1', '2'], { '2': 'severe' })).toEqual(['0', '1', 'severe']);
    expect(answerName('1', { '1': '   ' })).toBe('1');
    expect(allNamed(['0', '1'], pima)).toBe(true);
    expect(allNamed(['0', '1'], { '1': 'diabetes' })).toBe(false);
  });

  it('says what the probability is the chance of', () => {
    expect(chanceOf('Outcome', '1', pima)).toBe('diabetes');
    expect(chanceOf('Outcome', '1', {})).toBe('Outcome = 1');
  });

  it('speaks of the answers in sentences: the words written for them, else the names, else the values', () => {
    const written = { positive: 'people with diabetes', negative: 'people without diabetes' };
    expect(classWordsFor('Outcome', ['0', '1'], pima, written)).toEqual(written);
    expect(classWordsFor('Outcome', ['0', '1'], pima, null)).toEqual({ positive: '“diabetes” rows', negative: '“no diabetes” rows' });
    expect(classWordsFor('Outcome', ['0', '1'], {}, undefined)).toEqual({ positive: 'rows where Outcome is 1', negative: 'rows where Outcome is 0' });
  });

  it('offers names for codes, not for answers that are words already', () => {
    expect(answersAreCodes(['0', '1'])).toBe(true);
    expect(answersAreCodes(['1', '2', '3'])).toBe(true);
    expect(answersAreCodes(['no', 'yes'])).toBe(false);
    expect(answersAreCodes(['1'])).toBe(false);
  });

  it('keeps what was typed, trimmed, an empty field leaving that answer unnamed', () => {
    expect(namesTyped({ '1': ' diabetes ', '0': '' }, ['0', '1'])).toEqual({ names: { '1': 'diabetes' } });
  });

  it('refuses one name for two answers, and a name that is another answer\'s value', () => {
    expect(namesTyped({ '1': 'ill', '0': 'Ill' }, ['0', '1'])).toEqual({ problem: '“ill” names both 0 and 1: give each answer its own name.' });
    expect(namesTyped({ '1': '0' }, ['0', '1'])).toEqual({ problem: '“0” is already the answer 0: give 1 another name.' });
  });
});
