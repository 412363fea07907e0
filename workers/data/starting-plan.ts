// The plan a table starts from, the one home for every face (the app's new table, the CLI's --csv): the suggested
// label and inputs (identifiers, free text and constants left out), 0 as missing where zeros look like "not
// measured", non-numeric entries as missing, standard scaling, the split, and the suggested network and settings,
// with early stopping on the validation rows.

import { PlanDraftSchema, type PlanDraft, type TrainingPlan } from '../plan';
import type { Dataset } from './dataset';
import { findColumn } from './dataset';
import { profileDataset, type ColumnProfile, type WarningCode } from './profile';
import { labelTaskIfAny, suggestRoles, type LabelTask } from './roles';
import { suggestModel, type ModelSuggestion } from './suggest-model';

export interface StartingPlanOptions {
  /** default: the suggested label */
  label?: string;
  /** default: every usable column besides the label */
  features?: string[];
  /** the plan's task choice (default 'auto': the label's values decide) */
  task?: TrainingPlan['task'];
  /** share of rows kept for validation (early stopping); default: the suggestion's own choice */
  validation?: number;
  /** share of rows held out for the final score (default 0) */
  test?: number;
  seed?: number;
}

/** The suggested network and settings for a label and its feature columns: what Suggest gives, and what a new
 * table starts with (`validation`: the share the plan keeps for validation, if it already keeps one). */
export function modelFor(dataset: Dataset, label: LabelTask, featureCount: number, validation?: number): ModelSuggestion {
  return suggestModel(label.task, dataset.rowCount - label.missingLabels, Math.max(1, featureCount), validation);
}

/**
 * The whole starting plan, with the suggestion's reasons. Without a usable label (none suggested, or one value
 * only) or without features, it is a draft that says so; what still has to be chosen is missingForTraining's.
 */
export function startingPlanFor(
  dataset: Dataset,
  profiles: ColumnProfile[] = profileDataset(dataset),
  options: StartingPlanOptions = {},
): PlanDraft & { explanation: string[] } {
  const roles = suggestRoles(dataset, profiles);
  const label = options.label !== undefined ? findColumn(dataset, options.label).name : (roles.label ?? '');
  const features = options.features ?? roles.features.filter((f) => f !== label);
  // the column suggested as label is an ordinary input when another label is chosen
  if (options.features === undefined && roles.label !== null && roles.label !== label) features.push(roles.label);
  const flagged = (code: WarningCode) => profiles.filter((p) => features.includes(p.name) && p.warnings.some((w) => w.code === code)).map((p) => p.name);
  const seed = options.seed ?? 7;
  const draft = PlanDraftSchema.parse({
    features: dataset.columns.map((c) => c.name).filter((n) => features.includes(n)),
    label,
    task: options.task ?? 'auto',
    preparation: { zeroAsMissing: flagged('zeros_look_missing'), nonNumericAsMissing: flagged('non_numeric_entries') },
    split: { validation: options.validation ?? 0, test: options.test ?? 0, seed },
  });
  const task = label ? labelTaskIfAny(dataset, label, draft.task) : null;
  if (!task) return { ...draft, explanation: [] };
  const suggestion = modelFor(dataset, task, draft.features.length, options.validation);
  return {
    ...draft,
    split: { ...draft.split, validation: suggestion.split.validation },
    hidden: suggestion.hidden,
    training: { ...suggestion.training, seed },
    explanation: suggestion.explanation,
  };
}
