// Percentages and decimals as a person reads them (0.7532 → "75 %", 2.3e299 → "2.3 × 10²⁹⁹"): the screens and the
// command line's words about scores write numbers the same way.

/** A whole number with thousands separated: 12345 → "12,345". */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function percent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)} %`;
}

/** Up to `significant` significant digits, without trailing zeros; '–' for missing or non-finite values. */
export function decimal(x: number | null | undefined, significant = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  // a diverged run's loss can be 1e299: written out in full it would push a table off the screen
  if (abs >= 1e9 || abs < 1e-6) return powerOfTen(x, Math.min(significant, 2));
  if (abs >= 10 ** significant) return Math.round(x).toLocaleString('en-US');
  const s = Number(x.toPrecision(significant));
  return String(s);
}

const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/** 2.34e+299 → "2.3 × 10²⁹⁹", as a school book writes it. */
function powerOfTen(x: number, significant: number): string {
  const [mantissa, exponent] = x.toExponential(Math.max(0, significant - 1)).split('e') as [string, string];
  const power = String(Number(exponent)).replace(/./g, (c) => SUPERSCRIPT[c] ?? c);
  return `${Number(mantissa)} × 10${power}`;
}

/** A day as a page prints it: "2 December 2026" (the report, the calculator page). */
export function dayText(ms: number): string {
  return new Date(ms).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}
