// The label's answers by the names a person gave them ("1" → "diabetes"): every screen words an answer through here,
// so once named, the confusion grid, Use's "68.9 % chance of diabetes", the sentences and the goal all say the name.
// The names are the screens' only: the weights keep the label's own values, which rows are matched by.

import { defaultClassWords, type ClassWords } from './confusion-words';

/** one label's answers: its value → the name shown */
export type AnswerNames = Readonly<Record<string, string>>;

/** the project's names, by label column (the file's `ui.answerNames`), so naming one label leaves another's alone */
export type NamesByLabel = Readonly<Record<string, AnswerNames>>;

/** The names given to this label's answers ({} when none). */
export function namesOf(byLabel: unknown, label: string | null | undefined): AnswerNames {
  if (!label || !byLabel || typeof byLabel !== 'object') return {};
  const names = (byLabel as Record<string, unknown>)[label];
  return names && typeof names === 'object' ? (names as AnswerNames) : {};
}

/** An answer as shown: its name when it has one, else the value itself. */
export function answerName(value: string, names: AnswerNames): string {
  return names[value]?.trim() || value;
}

export function answersNamed(classes: readonly string[], names: AnswerNames): string[] {
  return classes.map((c) => answerName(c, names));
}

/** Whether every one of these answers has a name. */
export function allNamed(classes: readonly string[], names: AnswerNames): boolean {
  return classes.length > 0 && classes.every((c) => !!names[c]?.trim());
}

/** What a yes/no model's probability is the chance of: "diabetes", or "Outcome = 1" while 1 has no name. */
export function chanceOf(label: string, positive: string, names: AnswerNames): string {
  const name = names[positive]?.trim();
  return name ? name : `${label} = ${positive}`;
}

/**
 * How the sentences speak of the two answers: the words written for them (the example's "people with diabetes",
 * or the person's own on Evaluate) when there are some, else the names ("“diabetes” rows"), else the values
 * ("rows where Outcome is 1").
 */
export function classWordsFor(label: string, classes: readonly string[], names: AnswerNames, written?: unknown): ClassWords {
  const w = written as Partial<ClassWords> | null | undefined;
  if (w?.positive && w.negative) return { positive: w.positive, negative: w.negative };
  const fallback = defaultClassWords(label, classes);
  const positive = names[classes[1] ?? '1']?.trim();
  const negative = names[classes[0] ?? '0']?.trim();
  return { positive: positive ? `“${positive}” rows` : fallback.positive, negative: negative ? `“${negative}” rows` : fallback.negative };
}

/** Answers worth naming: codes such as 0/1 or 1/2/3, which say nothing by themselves (a word such as "yes" does). */
export function answersAreCodes(classes: readonly string[]): boolean {
  return classes.length >= 2 && classes.length <= 12 && classes.every((c) => /^-?\d+(\.\d+)?$/.test(c.trim()));
}

/** The names a person typed, kept (trimmed, empty ones left out), or why they cannot be: two answers, one name. */
export function namesTyped(typed: Readonly<Record<string, string>>, classes: readonly string[]): { names: AnswerNames } | { problem: string } {
  const names: Record<string, string> = {};
  const byName = new Map<string, string>();
  for (const value of classes) {
    const name = (typed[value] ?? '').trim();
    if (!name) continue;
    const other = byName.get(name.toLowerCase());
    if (other !== undefined) return { problem: `“${name}” names both ${other} and ${value}: give each answer its own name.` };
    // a name that is another answer's value would make "the model answers 1" mean two things
    if (classes.includes(name) && name !== value) return { problem: `“${name}” is already the answer ${name}: give ${value} another name.` };
    byName.set(name.toLowerCase(), value);
    names[value] = name;
  }
  return { names };
}
