// "What matters" as bars to print: each input's permutation importance (workers/engine/explain.ts Importance), the
// biggest first, a bar as long as its share of the biggest. The words are the Use screen's and the CLI's
// (workers/explain-words.ts); this file adds only the bars' lengths, how it was measured, and the cut a page needs.

import type { Importance } from '../../../workers/engine/explain';
import { importanceRows, importanceSentence } from '../../../workers/explain-words';

export interface ImportanceBar {
  input: string;
  /** 0…1: this input's cost against the biggest (0 when shuffling it cost nothing or helped) */
  share: number;
  /** "9.1 points", "2.1 larger" */
  figure: string;
}

export interface ImportanceBars {
  /** "Glucose matters most: ..." */
  sentence: string;
  /** how it was measured: on which rows, how many times */
  measured: string;
  bars: ImportanceBar[];
  /** "And 6 more inputs, each costing at most 0.4 points." past MOST_BARS; null when all are drawn */
  rest: string | null;
}

/** Bars a page has room for; the smaller ones past it are said in one line. */
export const MOST_BARS = 10;

const ROWS_WORD: Record<string, string> = { test: 'test rows', validation: 'validation rows', train: 'training rows' };

export function importanceBars(importance: Importance, evaluatedOn: string): ImportanceBars {
  const rows = importanceRows(importance);
  const biggest = Math.max(0, ...rows.map((r) => r.mean));
  const shown = rows.slice(0, MOST_BARS);
  const others = rows.slice(MOST_BARS);
  const what = importance.metric === 'accuracy' ? 'accuracy it loses' : 'how much larger its typical miss grows';
  return {
    sentence: importanceSentence(importance),
    measured: `Each bar: the ${what} when that input is shuffled among the ${importance.rows} ${ROWS_WORD[evaluatedOn] ?? 'rows'}, on average over ${importance.repeats} shuffles.`,
    bars: shown.map((r) => ({ input: r.input, share: biggest > 0 ? Math.max(0, r.mean) / biggest : 0, figure: r.text })),
    rest: others.length ? `And ${others.length} more input${others.length === 1 ? '' : 's'}, each costing at most ${others[0]!.text}.` : null,
  };
}
