// The explanations in words and figures, one wording for the Use screen and the command line: why one answer (what
// moved it away from the average answer), what matters overall (what shuffling an input costs), and what-if curves.
// Chances are spoken of in percentage points, a regression's answer in the target's units.

import type { CaseExplanation, Importance, WhatIf } from './engine/explain';
import { decimal, percent } from './number-text';

/** The case's values as typed, by input name (empty or null: not given). */
export type CaseValues = Readonly<Record<string, string | number | null | undefined>>;

/** What the answer is: a chance (of `className` when the model has more than two classes) or a value. */
export interface AnswerKind {
  answer: 'chance' | 'value';
  /** a multi-class model's class whose chance is explained; a yes/no model's chance is just "the chance" */
  className?: string;
}

const MINUS = '\u2212';

/** "Glucose 160", "Sex F", "Insulin (missing)". */
export function inputWithValue(input: string, value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text === '' ? `${input} (missing)` : `${input} ${text}`;
}

/** A value to `decimals`, its thousands grouped as the answer itself shows them ("303,277"). */
function fixed(x: number, decimals: number): string {
  return x.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** +18 (points) or −6: a chance in whole points for sentences, one decimal for tables; a value to `decimals`. */
function signed(x: number, decimals: number): string {
  const text = fixed(Math.abs(x), decimals);
  if (Number(text.replace(/,/g, '')) === 0) return text;
  return `${x < 0 ? MINUS : '+'}${text}`;
}

function points(n: string): string {
  return `${n} point${n.replace(/^[+\u2212]/, '') === '1' ? '' : 's'}`;
}

/** Decimals that show the largest of `sizes` with two or three significant digits (3.14 → 1 decimal, 0.42 → 2). */
export function decimalsFor(sizes: readonly number[]): number {
  const largest = Math.max(0, ...sizes.map(Math.abs).filter(Number.isFinite));
  if (largest === 0) return 2;
  return Math.min(6, Math.max(0, 1 - Math.floor(Math.log10(largest))));
}

function whatMoves(kind: AnswerKind): string {
  if (kind.answer === 'value') return 'the value';
  return kind.className ? `the chance of ${kind.className}` : 'the chance';
}

function answerText(kind: AnswerKind, x: number, decimals: number): string {
  return kind.answer === 'chance' ? percent(x) : fixed(x, decimals);
}

// ---- why this answer -------------------------------------------------------------------------------------------

export interface ContributionRow {
  input: string;
  /** "Glucose 160" */
  label: string;
  /** in the answer's units: a chance as a fraction (0.18 = 18 points), a value in the target's units */
  value: number;
  /** as the chart and its table show it: "+18.3 points", "−0.42" */
  text: string;
}

/** Each input's share, largest move first, with the figures as shown (they add up to answer − average answer). */
export function contributionRows(explanation: CaseExplanation, values: CaseValues): ContributionRow[] {
  const decimals = decimalsFor(explanation.contributions.map((c) => c.value));
  return [...explanation.contributions]
    .sort((a, b) => Math.abs(b.value) - Math.abs(a.value))
    .map((c) => ({
      input: c.input,
      label: inputWithValue(c.input, values[c.input]),
      value: c.value,
      text: explanation.answer === 'chance' ? points(signed(c.value * 100, 1)) : signed(c.value, decimals),
    }));
}

/** The answer and the average answer as the table's last lines show them ("69 %", "35 %"; or "21.56"). */
export function answerFigures(explanation: CaseExplanation): { answer: string; average: string; difference: string } {
  const decimals = decimalsFor([...explanation.contributions.map((c) => c.value), explanation.value - explanation.base]) + 1;
  const chance = explanation.answer === 'chance';
  const difference = explanation.value - explanation.base;
  return {
    answer: chance ? percent(explanation.value, 1) : fixed(explanation.value, decimals),
    average: chance ? percent(explanation.base, 1) : fixed(explanation.base, decimals),
    difference: chance ? points(signed(difference * 100, 1)) : signed(difference, decimals),
  };
}

/**
 * "Glucose 160 raised the chance most (+18 points); Age 25 lowered it (−6 points), compared with the average answer
 * of 35 % over the training rows." The two or three inputs that moved it most (a third only when it moved it by at
 * least a point, or a tenth of the first). `className`: a multi-class model's class; `over`: what the average answer
 * is taken over (default "the training rows").
 */
export function caseSentence(explanation: CaseExplanation, values: CaseValues, options: { className?: string; over?: string } = {}): string {
  const kind: AnswerKind = { answer: explanation.answer, ...(options.className ? { className: options.className } : {}) };
  const chance = explanation.answer === 'chance';
  const decimals = decimalsFor(explanation.contributions.map((c) => c.value));
  const amount = (x: number) => (chance ? points(signed(x * 100, 0)) : signed(x, decimals));
  const visible = (x: number) => Number(Math.abs(chance ? x * 100 : x).toFixed(chance ? 0 : decimals)) > 0;
  const average = `the average answer of ${answerText(kind, explanation.base, decimals)} over ${options.over ?? 'the training rows'}`;
  const sorted = [...explanation.contributions].sort((a, b) => Math.abs(b.value) - Math.abs(a.value));
  const first = sorted[0];
  if (!first || !visible(first.value)) {
    return `No input moved this answer by ${chance ? 'a point' : 'much'} or more from ${average}.`;
  }
  const shown = [first, ...sorted.slice(1, 3).filter((c, i) => visible(c.value) && (i === 0 || Math.abs(c.value) >= Math.abs(first.value) / 10))];
  const verb = (x: number) => (x >= 0 ? 'raised' : 'lowered');
  const parts = shown.map((c, i) => {
    const who = inputWithValue(c.input, values[c.input]);
    if (i === 0) return `${who} ${verb(c.value)} ${whatMoves(kind)} most (${amount(c.value)})`;
    const also = Math.sign(c.value) === Math.sign(first.value) ? 'also ' : '';
    return `${who} ${also}${verb(c.value)} it (${amount(c.value)})`;
  });
  return `${parts.join('; ')}, compared with ${average}.`;
}

// ---- what matters overall --------------------------------------------------------------------------------------

export interface ImportanceRow {
  input: string;
  /** what shuffling it costs on average: accuracy lost (a fraction) or the typical miss grown (target's units) */
  mean: number;
  /** the least and most it cost over the repeats */
  min: number;
  max: number;
  /** "9.1 points" or "2.1 larger" */
  text: string;
}

/** Under this, an input hardly matters: a point of accuracy, or 1 % of the typical miss. */
function hardlyBelow(importance: Importance): number {
  return importance.metric === 'accuracy' ? 0.01 : 0.01 * Math.abs(importance.score);
}

/** Each input's cost when shuffled, most first, with its spread over the repeats. */
export function importanceRows(importance: Importance): ImportanceRow[] {
  const decimals = decimalsFor(importance.inputs.map((i) => i.mean));
  return [...importance.inputs]
    .sort((a, b) => b.mean - a.mean)
    .map((i) => ({
      input: i.input,
      mean: i.mean,
      min: Math.min(...i.drops),
      max: Math.max(...i.drops),
      text: importance.metric === 'accuracy' ? points((Math.max(0, i.mean) * 100).toFixed(1)) : `${fixed(Math.max(0, i.mean), decimals)} larger`,
    }));
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * "Glucose matters most: shuffling it costs 9 points of accuracy; then BMI (4 points) and Age (2 points);
 * BloodPressure hardly matters (under 1 point)." For a regression: "… makes the typical miss 2.1 larger …".
 */
export function importanceSentence(importance: Importance): string {
  const accuracy = importance.metric === 'accuracy';
  const rows = [...importance.inputs].sort((a, b) => b.mean - a.mean);
  const below = hardlyBelow(importance);
  const decimals = decimalsFor(rows.map((r) => r.mean));
  const cost = (x: number) => (accuracy ? points(String(Math.round(x * 100))) : fixed(x, decimals));
  const under = accuracy ? 'under 1 point' : 'under 1 % of the typical miss';
  const top = rows[0];
  if (!top || top.mean < below) {
    return `No input matters much on its own: shuffling any one of them ${accuracy ? 'costs under 1 point of accuracy' : 'changes the typical miss by under 1 %'}.`;
  }
  let sentence = `${top.input} matters most: shuffling it ${accuracy ? `costs ${cost(top.mean)} of accuracy` : `makes the typical miss ${cost(top.mean)} larger`}`;
  const next = rows.slice(1, 3).filter((r) => r.mean >= below);
  if (next.length) sentence += `; then ${listed(next.map((r) => `${r.input} (${accuracy ? cost(r.mean) : `${cost(r.mean)} larger`})`))}`;
  const hardly = rows.filter((r) => r.mean < below).map((r) => r.input);
  if (hardly.length) {
    const names = hardly.length > 3 ? [...hardly.slice(0, 2), `${hardly.length - 2} others`] : hardly;
    sentence += `; ${listed(names)} hardly ${hardly.length === 1 ? 'matters' : 'matter'} (${under}${hardly.length === 1 ? '' : ' each'})`;
  }
  return `${sentence}.`;
}

// ---- what-if ---------------------------------------------------------------------------------------------------

/** "Glucose 80" for a point of the curve. */
function atValue(input: string, value: number | string): string {
  return `${input} ${typeof value === 'number' ? decimal(value, 3) : value}`;
}

/** Decimals for a curve's values: three significant digits of its level, and enough to see how far it moves. */
function curveDecimals(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  const change = finite.length ? Math.max(...finite) - Math.min(...finite) : 0;
  return Math.max(decimalsFor(finite) + 1, change > 0 ? decimalsFor([change]) : 0);
}

export interface WhatIfRow {
  /** "Glucose 80" */
  at: string;
  forCase: string;
  average: string;
}

/** The curve's points as its table shows them. */
export function whatIfRows(whatIf: WhatIf, kind: AnswerKind): WhatIfRow[] {
  const decimals = curveDecimals([...whatIf.forCase, ...whatIf.average]);
  const shown = (x: number) => (kind.answer === 'chance' ? percent(x, 1) : fixed(x, decimals));
  return whatIf.values.map((v, i) => ({ at: atValue(whatIf.input, v), forCase: shown(whatIf.forCase[i]!), average: shown(whatIf.average[i]!) }));
}

/**
 * "For this case, the chance goes from 12 % at Glucose 80 to 71 % at Glucose 190 (on average over the test rows,
 * from 20 % to 55 %)." A categorical input: where it is highest and lowest.
 */
export function whatIfSentence(whatIf: WhatIf, kind: AnswerKind, rowsWord = 'the test rows'): string {
  const { values, forCase, average, input } = whatIf;
  const decimals = curveDecimals([...forCase, ...average]);
  const shown = (x: number) => answerText(kind, x, decimals);
  const what = whatMoves(kind);
  if (values.length === 0) return `There is no range of ${input} to move across.`;
  if (typeof values[0] === 'string') {
    let hi = 0;
    let lo = 0;
    forCase.forEach((v, i) => {
      if (v > forCase[hi]!) hi = i;
      if (v < forCase[lo]!) lo = i;
    });
    if (shown(forCase[hi]!) === shown(forCase[lo]!)) return `For this case, ${what} is about ${shown(forCase[hi]!)} whatever ${input} is.`;
    return `For this case, ${what} is highest with ${atValue(input, values[hi]!)} (${shown(forCase[hi]!)}) and lowest with ${atValue(input, values[lo]!)} (${shown(forCase[lo]!)}).`;
  }
  const last = values.length - 1;
  const from = atValue(input, values[0]!);
  const to = atValue(input, values[last]!);
  const onAverage = ` (on average over ${rowsWord}, from ${shown(average[0]!)} to ${shown(average[last]!)})`;
  if (shown(forCase[0]!) === shown(forCase[last]!)) {
    return `For this case, ${what} stays at about ${shown(forCase[0]!)} from ${from} to ${to}${onAverage}.`;
  }
  return `For this case, ${what} goes from ${shown(forCase[0]!)} at ${from} to ${shown(forCase[last]!)} at ${to}${onAverage}.`;
}
