// A model's limits in plain words that need only what it learned from: the rows and file, its inputs, and that it is
// a decision aid. The report's "Its limits" and the calculator page both say them from here.

import type { Task } from './engine/weights-file';
import { count } from './number-text';

export interface LimitFacts {
  task: Task;
  /** how many inputs the model sees */
  inputs: number;
  /** the table it learned from ("patients.csv"); null when only the weights are known */
  fileName: string | null;
  /** the rows it trained on and the table's rows, when known */
  rows?: { train: number; of: number } | null;
  /** whether someone described the rows ("About this data"), so the sentence can point to that description */
  described: boolean;
}

function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** The three sentences every model's limits start with: what it learned from, what it sees, a decision aid. */
export function modelLimits(facts: LimitFacts): string[] {
  const learned = facts.rows ? `${count(facts.rows.train)} of the ${count(facts.rows.of)} rows` : 'the rows';
  const from = facts.fileName ? `${learned} of ${facts.fileName}` : `${learned} of a table this file does not name`;
  const like = facts.described ? 'the rows described under “About this data”' : 'those rows';
  return [
    `It learned from ${from}, and holds only for cases like ${like}: people, places or times unlike them may be answered wrongly, with no warning.`,
    `It sees only its ${plural(facts.inputs, 'input', 'inputs')}; anything else about a case is hidden from it, and values beyond those in its training rows are guesses.`,
    facts.task === 'regression'
      ? 'Its answers are estimates, a decision aid only: a person who knows the case decides.'
      : 'It is a decision aid only, not a diagnosis or a decision: a person who knows the case decides.',
  ];
}
