// Numbers as the screens write them: percentages, counts, and decimals that stay short however large or small.
import { describe, expect, it } from 'vitest';
import { count, decimal, percent, whenSaid } from '../../renderer/src/lib/format';

describe('number formats', () => {
  it('writes fractions as whole percentages, and nothing for a missing value', () => {
    expect(percent(0.7532)).toBe('75 %');
    expect(percent(0.7532, 1)).toBe('75.3 %');
    expect(percent(null)).toBe('–');
    expect(percent(NaN)).toBe('–');
  });

  it('writes counts with thousands separators', () => {
    expect(count(1234567)).toBe('1,234,567');
  });

  it('writes decimals to four significant digits without trailing zeros', () => {
    expect(decimal(0.401234)).toBe('0.4012');
    expect(decimal(2.5)).toBe('2.5');
    expect(decimal(0.000123)).toBe('0.000123');
    expect(decimal(12345.6)).toBe('12,346');
    expect(decimal(0)).toBe('0');
    expect(decimal(Infinity)).toBe('–');
  });

  it('writes the huge loss of a diverged run and tiny values as powers of ten, short enough for a table', () => {
    expect(decimal(2.342e299)).toBe('2.3 × 10²⁹⁹');
    expect(decimal(-5e12)).toBe('-5 × 10¹²');
    expect(decimal(3.1e-7)).toBe('3.1 × 10⁻⁷');
    expect(decimal(999_999_999)).toBe('999,999,999');
  });
});

describe('when it happened', () => {
  const now = new Date(2026, 10, 26, 23, 40).getTime();
  it('says today, yesterday, or the date, with the time', () => {
    expect(whenSaid(new Date(2026, 10, 26, 23, 34).getTime(), now)).toBe('today at 11:34 PM');
    expect(whenSaid(new Date(2026, 10, 25, 9, 5).getTime(), now)).toBe('yesterday at 9:05 AM');
    expect(whenSaid(new Date(2026, 10, 3, 16, 10).getTime(), now)).toBe('3 Nov 2026 at 4:10 PM');
  });
});
