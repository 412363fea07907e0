// What one cell says: a number, a missing value, or text. The byte and string readers follow one grammar,
// so the fast path and the papaparse path give identical numbers.

/** Missing markers (compared trimmed, lower case); an empty cell is missing too. */
export const MISSING_MARKERS: readonly string[] = ['', 'na', 'n/a', 'nan', 'null', '?', '-'];

const MISSING_SET = new Set(MISSING_MARKERS);

export function isMissingText(trimmed: string): boolean {
  return trimmed.length <= 4 && MISSING_SET.has(trimmed.toLowerCase());
}

// Grammar: [+-] digits [. digits] [e [+-] digits], or [+-] . digits [...]; with decimalComma a ',' may stand for '.'.
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER_COMMA = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/** The number a trimmed cell holds, or NaN when it is not a number. */
export function parseNumberText(trimmed: string, decimalComma: boolean): number {
  if (trimmed.length === 0) return NaN;
  if (decimalComma) {
    if (!NUMBER_COMMA.test(trimmed)) return NaN;
    return Number(trimmed.replace(',', '.'));
  }
  if (!NUMBER.test(trimmed)) return NaN;
  return Number(trimmed);
}

// Exact powers of ten as doubles: a mantissa below 2^53 times or divided by one of these is correctly rounded
// (Clinger's fast path), so the result equals Number() of the same text.
const POW10: number[] = [];
for (let i = 0, p = 1; i <= 22; i++, p *= 10) POW10.push(p);

const ZERO = 48;
const DOT = 46;
const COMMA = 44;

/**
 * The number in bytes[start, end) (already trimmed), or NaN when the bytes are not a number by the grammar above.
 * Digits beyond 15 or large exponents fall back to Number() on the text.
 */
export function parseNumberBytes(bytes: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  let i = start;
  if (i >= end) return NaN;
  let negative = false;
  let c = bytes[i];
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let significant = 0;
  let fraction = 0;
  let intDigits = 0;
  while (i < end) {
    c = bytes[i] - ZERO;
    if (c < 0 || c > 9) break;
    mantissa = mantissa * 10 + c;
    if (mantissa !== 0) significant++;
    intDigits++;
    i++;
  }
  digits = intDigits;
  if (i < end && (bytes[i] === DOT || (decimalComma && bytes[i] === COMMA))) {
    i++;
    while (i < end) {
      c = bytes[i] - ZERO;
      if (c < 0 || c > 9) break;
      mantissa = mantissa * 10 + c;
      if (mantissa !== 0) significant++;
      fraction++;
      i++;
    }
    digits += fraction;
  }
  if (digits === 0) return NaN;
  let exponent = 0;
  if (i < end && (bytes[i] === 101 || bytes[i] === 69) /* e E */) {
    i++;
    let expNegative = false;
    if (i < end && (bytes[i] === 45 || bytes[i] === 43)) {
      expNegative = bytes[i] === 45;
      i++;
    }
    let expDigits = 0;
    while (i < end) {
      c = bytes[i] - ZERO;
      if (c < 0 || c > 9) break;
      if (exponent < 100000) exponent = exponent * 10 + c;
      expDigits++;
      i++;
    }
    if (expDigits === 0) return NaN;
    if (expNegative) exponent = -exponent;
  }
  if (i !== end) return NaN;
  const power = exponent - fraction;
  if (significant > 15 || power > 22 || power < -22) return slowNumber(bytes, start, end);
  const value = power >= 0 ? mantissa * POW10[power] : mantissa / POW10[-power];
  return negative ? -value : value;
}

function slowNumber(bytes: Uint8Array, start: number, end: number): number {
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i] === COMMA ? DOT : bytes[i]);
  return Number(text);
}
