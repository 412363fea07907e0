// What the calculator page says besides the weights, from what is known of the model: a project's run (its table and
// split) or a weights file alone. Pure; main/services reads the files and picks the background rows.

import type { RawRow } from '../engine/explain';
import type { WeightsFile } from '../engine/weights-file';
import { modelLimits } from '../model-limits';
import type { CalculatorFacts } from './calculator';

export interface KnownOfModel {
  title: string;
  /** the rows "the average answer" is taken over (main/services/explanations.ts backgroundOf or backgroundOfTable) */
  background: RawRow[];
  /** the table it learned from and, for a project's run, how many of its rows it trained on; null for weights alone */
  learnedFrom: { fileName: string; rows?: { train: number; of: number } | null } | null;
  answerNames?: Record<string, string>;
  /** "About this data" */
  about?: string | null;
  fields?: CalculatorFacts['fields'];
  madeOn: string;
  /** limits beyond the three every model has (the small-test caution, say) */
  moreLimits?: string[];
}

export function calculatorFactsFor(weights: WeightsFile, known: KnownOfModel): CalculatorFacts {
  const about = known.about?.trim() || null;
  const limits = modelLimits({
    task: weights.task,
    inputs: weights.inputs.length,
    fileName: known.learnedFrom?.fileName ?? null,
    rows: known.learnedFrom?.rows ?? null,
    described: about !== null,
  });
  return {
    title: known.title,
    background: known.background,
    answerNames: known.answerNames ?? {},
    limits: [...limits, ...(known.moreLimits ?? [])],
    about,
    fields: known.fields ?? {},
    madeOn: known.madeOn,
  };
}
