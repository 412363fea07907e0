// Numbers as a person reads them: 0.7532 → "75 %", 12345 → "12,345", 0.000123 → "0.000123".

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
  if (abs >= 10 ** significant) return Math.round(x).toLocaleString('en-US');
  const s = Number(x.toPrecision(significant));
  return String(s);
}
