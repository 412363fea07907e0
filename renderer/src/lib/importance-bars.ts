// "What matters" as bars to print: each input's permutation importance (workers/engine/explain.ts Importance), the
// biggest first, a bar as long as its share of the biggest, and its figure with its spread in words.

import type { Importance } from '../../../workers/engine/explain';
import { decimal, percent } from '../../../workers/number-text';

export interface ImportanceBar {
  input: string;
  /** 0…1: this input's loss against the biggest (0 when shuffling it cost nothing or helped) */
  share: number;
  /** accuracy points lost ("7.1 ± 1.8"), or error added in the label's units ("+4.2 ± 0.9") */
  figure: string;
}

export interface ImportanceBars {
  /** what a bar means, on which rows */
  caption: string;
  bars: ImportanceBar[];
  /** "and 6 more inputs, each under 0.4 points": the ones past MOST_BARS; null when all are drawn */
  rest: string | null;
}

/** Bars a page has room for; the smaller ones past it are said in one line. */
export const MOST_BARS = 10;

const ROWS_WORD: Record<string, string> = { test: 'test rows', validation: 'validation rows', train: 'training rows' };

/** Accuracy lost in percentage points, one decimal: 0.0714 → "7.1". */
function points(share: number): string {
  return (share * 100).toFixed(1);
}

export function importanceBars(importance: Importance, evaluatedOn: string): ImportanceBars {
  const accuracy = importance.metric === 'accuracy';
  const sorted = [...importance.inputs].sort((a, b) => b.mean - a.mean);
  const biggest = Math.max(0, ...sorted.map((i) => i.mean));
  const rows = `${importance.rows} ${ROWS_WORD[evaluatedOn] ?? 'rows'}`;
  const caption = accuracy
    ? `Points of accuracy (${percent(importance.score)} as it is) lost when one input is shuffled among the ${rows}, ${importance.repeats} times: the longer the bar, the more the model leans on it.`
    : `Typical miss (MAE ${decimal(importance.score, 3)} as it is) added when one input is shuffled among the ${rows}, ${importance.repeats} times: the longer the bar, the more the model leans on it.`;
  const figure = (mean: number, sd: number) => (accuracy ? `${points(mean)} ± ${points(sd)}` : `${mean >= 0 ? '+' : ''}${decimal(mean, 3)} ± ${decimal(sd, 2)}`);
  const shown = sorted.slice(0, MOST_BARS);
  const others = sorted.slice(MOST_BARS);
  const largestOther = Math.max(0, ...others.map((i) => i.mean));
  return {
    caption,
    bars: shown.map((i) => ({ input: i.input, share: biggest > 0 ? Math.max(0, i.mean) / biggest : 0, figure: figure(i.mean, i.sd) })),
    rest: others.length
      ? `And ${others.length} more input${others.length === 1 ? '' : 's'}, each costing at most ${accuracy ? `${points(largestOther)} points` : decimal(largestOther, 3)}.`
      : null,
  };
}
