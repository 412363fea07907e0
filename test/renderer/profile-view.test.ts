// Reading column profiles for the screen: facts, the usual range hint, typical values and histogram bars.
import { describe, expect, it } from 'vitest';
import { histogramBars, profileFacts, typicalValue, usualRange } from '../../renderer/src/lib/profile-view';
import { appliedWords, fixAction } from '../../renderer/src/lib/column-fixes';

// Pima's Glucose as pandas describes it: mean 120.894531, std 31.972618, min 0, max 199
const glucose = { name: 'Glucose', kind: 'numeric', missing: 0, count: 768, min: 0, max: 199, mean: 120.894531, std: 31.972618, integer: true };

describe('profile view', () => {
  it('states counts, range and average', () => {
    expect(profileFacts(glucose)).toEqual(['768 values', 'none missing', '0 to 199', 'average 121']);
  });

  it('gives the usual range as mean ± one standard deviation inside what was seen', () => {
    // 120.89 - 31.97 = 88.92 → 89; 120.89 + 31.97 = 152.87 → 153
    expect(usualRange(glucose)).toBe('usually 89 to 153 (seen 0 to 199)');
    expect(usualRange({ name: 'c', kind: 'categorical', missing: 0, categories: [{ value: 'F', count: 3 }, { value: 'M', count: 2 }] })).toBe('e.g. F, M');
  });

  it('prefills the form with the rounded mean or the commonest category', () => {
    expect(typicalValue(glucose)).toBe('121');
    expect(typicalValue({ ...glucose, integer: false, mean: 0.4718763 })).toBe('0.472');
  });

  it('scales bars to the tallest', () => {
    const bars = histogramBars({ ...glucose, histogram: [{ label: '0–10', count: 5 }, { label: '10–20', count: 20 }] });
    expect(bars.map((b) => b.height)).toEqual([0.25, 1]);
  });

  it("maps the importer's warnings to fixes", () => {
    expect(fixAction({ code: 'zeros_look_missing', message: '', fix: 'Treat 0 as missing' })).toBe('zeroAsMissing');
    expect(fixAction({ code: 'id_like', message: '', fix: 'Leave it out' })).toBe('leaveOut');
    expect(fixAction({ code: 'non_numeric_entries', message: '', fix: 'Treat them as missing' })).toBe('nonNumericAsMissing');
    expect(fixAction({ code: 'id_like', message: '' })).toBeNull();
    expect(appliedWords('zeroAsMissing')).toContain('missing');
  });
});
