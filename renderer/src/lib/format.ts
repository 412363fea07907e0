// Numbers as a person reads them: 0.7532 → "75 %", 12345 → "12,345", 0.000123 → "0.000123", 2.3e299 → "2.3 × 10²⁹⁹".

export function percent(fraction: number | null | undefined, digits = 0): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return `${(fraction * 100).toFixed(digits)} %`;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
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

/** When something happened, as a person says it: "today at 11:34 PM", "yesterday at 9:05 AM", "3 Nov 2026 at 4:10 PM". */
export function whenSaid(ms: number, now = Date.now()): string {
  const at = new Date(ms);
  const time = at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  const dayStart = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((dayStart(new Date(now)) - dayStart(at)) / 86_400_000);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `yesterday at ${time}`;
  const date = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return `${date} at ${time}`;
}
