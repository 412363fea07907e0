// What a calculator page carries inside it (a <script type="application/json">) for its script to answer with: the
// shape calculator.ts writes and page-script.ts reads, so the two cannot disagree.

import type { RawRow } from '../../engine/explain';
import type { WeightsFile } from '../../engine/weights-file';
import type { SeenRange } from '../../usual-values';

/** The id of the element that holds the page's data. */
export const PAGE_DATA_ID = 'calculator-model';

export interface PageData {
  weights: WeightsFile;
  /** the rows "the average answer" of the why-sentence is taken over (the app's 100 seeded training rows) */
  background: RawRow[];
  /** the label's answers by the names a person gave them ("1" → "diabetes") */
  answerNames: Record<string, string>;
  /** a typical value per input, for "Fill with typical values" and the first case shown */
  typical: Record<string, string>;
  /** a numeric input's range in the table it learned from: a value beyond it is said to be a guess, as on Use */
  seen?: Record<string, SeenRange>;
}
