// What a column usually holds and the note on a value beyond it: worked out by hand on a Glucose-like profile.
import { describe, expect, it } from 'vitest';
import { beyondSeen, seenRange, typicalValue, usualRange } from '../../workers/usual-values';

const glucose = { name: 'Glucose', kind: 'numeric', missing: 0, min: 0, max: 199, mean: 120.9, std: 32, integer: true };
const sex = { name: 'Sex', kind: 'categorical', missing: 0, categories: [{ value: 'F', count: 3 }, { value: 'M', count: 2 }] };

describe('a column\'s usual values', () => {
  it('hints the mean ± one spread within what was seen, and a typical value', () => {
    expect(usualRange(glucose)).toBe('usually 89 to 153 (seen 0 to 199)');
    expect(typicalValue(glucose)).toBe('121');
    expect(usualRange(sex)).toBe('e.g. F, M');
  });

  it('says a typed number beyond the table is a guess, and nothing inside it', () => {
    const seen = seenRange(glucose);
    expect(seen).toEqual({ min: 0, max: 199 });
    expect(beyondSeen('Glucose', '400', seen)).toBe('Glucose 400 is beyond the values in the table it learned from (0 to 199), so this answer is a guess.');
    expect(beyondSeen('Glucose', -5, seen)).toBe('Glucose -5 is beyond the values in the table it learned from (0 to 199), so this answer is a guess.');
    for (const inside of ['0', '199', ' 120 ', 150]) expect(beyondSeen('Glucose', inside, seen)).toBeNull();
    // empty and not-a-number are said by the prediction's own warnings
    for (const other of ['', null, undefined, 'abc']) expect(beyondSeen('Glucose', other, seen)).toBeNull();
  });

  it('has no range for categories or an unknown column', () => {
    expect(seenRange(sex)).toBeUndefined();
    expect(seenRange(undefined)).toBeUndefined();
    expect(beyondSeen('Sex', '400', seenRange(sex))).toBeNull();
  });
});
