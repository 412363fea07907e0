// What a threshold chosen by a goal finds and costs, as a sentence ("To find 80 % of the 54 people with diabetes
// (44 of them), the model raises 31 false alarms among the 100 people without diabetes (threshold 0.28).").

import type { GoalThreshold, ThresholdGoal } from '../../../workers/engine/metrics';
import type { ClassWords } from './confusion-words';

/** A goal as the form holds it: which kind, and the share in percent a person typed. */
export interface GoalChoice {
  kind: 'find' | 'falseAlarms';
  percent: number;
}

/** The engine's goal of a form's choice, or a sentence saying what to type instead. */
export function goalOf(choice: GoalChoice): ThresholdGoal | string {
  const { kind, percent } = choice;
  const lowest = kind === 'find' ? 1 : 0;
  if (!Number.isFinite(percent) || percent < lowest || percent > 100) return `Give a share from ${lowest} to 100 %.`;
  return kind === 'find' ? { find: percent / 100 } : { falseAlarms: percent / 100 };
}

export function goalSentence(choice: GoalChoice, result: GoalThreshold, words: ClassWords): string {
  const threshold = `(threshold ${result.threshold.toFixed(2)})`;
  if (choice.kind === 'find') {
    return `To find ${choice.percent} % of the ${result.positives} ${words.positive} (${result.found} of them), the model raises ` +
      `${alarms(result.falseAlarms)} among the ${result.negatives} ${words.negative} ${threshold}.`;
  }
  const share = result.positives ? Math.round((100 * result.found) / result.positives) : 0;
  return `To raise at most ${choice.percent} % false alarms among the ${result.negatives} ${words.negative} (${alarms(result.falseAlarms)}), ` +
    `the model finds ${result.found} of the ${result.positives} ${words.positive} (${share} %) ${threshold}.`;
}

/** Why a goal cannot be measured on these rows: none of the class it counts. */
export function noGoalSentence(choice: GoalChoice, words: ClassWords): string {
  return choice.kind === 'find'
    ? `There are no ${words.positive} among these rows, so there is no one to find.`
    : `There are no ${words.negative} among these rows, so there can be no false alarm.`;
}

function alarms(n: number): string {
  return n === 1 ? '1 false alarm' : `${n} false alarms`;
}
