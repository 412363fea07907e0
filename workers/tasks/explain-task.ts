// The piscina task that explains a trained model: why one answer (Shapley values), what matters overall
// (permutation importance on the evaluated rows), and what-if curves. The main side hands over the weights and the
// few raw rows each needs, never the whole table. Reached through train-task.ts's entry by name ('explain').

import { explainCase, explainImportance, explainWhatIf, type CaseExplanation, type Importance, type RawRow, type WhatIf } from '../engine/explain';
import type { WeightsFile } from '../engine/weights-file';

export type ExplainTaskInput =
  | { kind: 'case'; weights: WeightsFile; values: RawRow; background: RawRow[]; seed: number }
  | { kind: 'importance'; weights: WeightsFile; rows: RawRow[]; actual: number[]; repeats: number; seed: number }
  | { kind: 'what-if'; weights: WeightsFile; input: string; values: RawRow; rows: RawRow[]; range: { min: number; max: number; points: number } | null };

export type ExplainTaskOutput = CaseExplanation | Importance | WhatIf;

export function explainTask(input: ExplainTaskInput): ExplainTaskOutput {
  if (input.kind === 'case') return explainCase(input.weights, input.values, input.background, { seed: input.seed });
  if (input.kind === 'importance') return explainImportance(input.weights, input.rows, input.actual, { repeats: input.repeats, seed: input.seed });
  return explainWhatIf(input.weights, input.input, input.values, input.rows, input.range);
}
