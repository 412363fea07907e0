// A training plan: everything a user chooses between "here is my table" and "press Train".
// The CLI's options, the project file and the app's Train request all carry this one shape.

import { z } from 'zod';
import { ACTIVATIONS, CLASS_WEIGHTINGS, INITIALIZERS, LOSSES, OPTIMIZERS, type ActivationName, type LossName } from './engine/spec';
import { featureWidth, type Task } from './engine/weights-file';
import type { ColumnProfile } from './data/profile';

// The numbers a person types on the Model screen, each with its rule and the words for breaking it: the plan's
// schema checks them here, and the form checks what is typed with these same schemas (settingProblem below).
const UnitsSchema = z
  .number()
  .int('Units are counted in whole numbers.')
  .min(1, 'A layer needs at least 1 unit: with none it passes nothing on.')
  .max(4096, 'A layer can have at most 4096 units.');
const EpochsSchema = z
  .number()
  .int('Epochs are counted in whole numbers.')
  .min(1, 'Training needs at least 1 epoch (one pass over the training rows).')
  .max(100000, 'At most 100000 epochs.');
const BatchSizeSchema = z.number().int('A batch is a whole number of rows.').min(1, 'A batch needs at least 1 row.');
const LearningRateSchema = z
  .number()
  .positive('The learning rate must be more than 0 (e.g. 0.001): at 0 the weights never change, below 0 they move the wrong way.');
const PatienceSchema = z.number().int('Patience is a whole number of epochs.').min(1, 'Wait at least 1 epoch before stopping.');

export const LayerSchema = z.object({
  units: UnitsSchema,
  activation: z.enum(ACTIVATIONS),
  initializer: z.enum(INITIALIZERS).optional(),
  useBias: z.boolean().optional(),
  dropout: z.number().min(0).max(0.95).optional(),
});

export const PreparationChoicesSchema = z.object({
  /** how a missing numeric value is filled, or 'drop' to leave the row out */
  numericMissing: z.enum(['median', 'mean', 'most_frequent', 'drop']).default('median'),
  categoricalMissing: z.enum(['most_frequent', 'drop']).default('most_frequent'),
  scaling: z.enum(['standard', 'minmax', 'none']).default('standard'),
  /** columns where a 0 means "not measured" (Pima's Insulin, SkinThickness, ...) */
  zeroAsMissing: z.array(z.string()).default([]),
  /** numeric columns whose few non-numeric entries are treated as missing */
  nonNumericAsMissing: z.array(z.string()).default([]),
});

export const SplitSchema = z.object({
  validation: z.number().min(0).max(0.9).default(0),
  test: z.number().min(0).max(0.9).default(0),
  seed: z.number().int().default(7),
  stratify: z.boolean().default(true),
});

/** The split a freshly imported table starts with: rows kept for early stopping, and rows the model never sees, for
 * Evaluate (Pima: 154 test rows, 54 of them with diabetes). */
export const STARTING_SPLIT = { validation: 0.15, test: 0.2 } as const;

export const OptimizerSchema = z.object({
  name: z.enum(OPTIMIZERS),
  learningRate: LearningRateSchema.optional(),
  momentum: z.number().min(0).max(1).optional(),
  nesterov: z.boolean().optional(),
  rho: z.number().min(0).max(1).optional(),
  beta1: z.number().min(0).max(1).optional(),
  beta2: z.number().min(0).max(1).optional(),
  epsilon: z.number().positive().optional(),
});

export const TrainingSettingsSchema = z.object({
  /** 'auto' follows the label: binary_crossentropy, categorical_crossentropy or mse */
  loss: z.union([z.enum(LOSSES), z.literal('auto')]).default('auto'),
  optimizer: OptimizerSchema.default({ name: 'adam' }),
  epochs: EpochsSchema.default(150),
  batchSize: BatchSizeSchema.default(10),
  seed: z.number().int().default(7),
  l2: z.number().min(0).default(0),
  /** 'balanced': each row's loss weighs rows / (classes × rows of its class), so a rare class counts as much as a
   * common one (scikit-learn's class_weight='balanced'); classification only */
  classWeights: z.enum(CLASS_WEIGHTINGS).default('none'),
  earlyStopping: z
    .object({ patience: PatienceSchema, restoreBestWeights: z.boolean().default(true) })
    .nullable()
    .default(null),
});

export const TrainingPlanSchema = z.object({
  features: z.array(z.string()).min(1),
  label: z.string(),
  /** 'auto': the label's values decide (workers/data/roles.ts labelTask); 'regression': a numeric label is predicted as a number */
  task: z.enum(['auto', 'regression']).default('auto'),
  preparation: PreparationChoicesSchema.default(PreparationChoicesSchema.parse({})),
  split: SplitSchema.default(SplitSchema.parse({})),
  /** hidden layers only; the output layer follows the label unless `output` overrides its activation */
  hidden: z.array(LayerSchema).default([]),
  output: z.object({ activation: z.enum(ACTIVATIONS).optional(), initializer: z.enum(INITIALIZERS).optional() }).default({}),
  training: TrainingSettingsSchema.default(TrainingSettingsSchema.parse({})),
});

/**
 * A plan while the user edits it: like TrainingPlan, but features may be empty and the label unset ('').
 * training.start checks it against TrainingPlanSchema and the dataset and says what is missing; the project file
 * keeps it as it is.
 */
export const PlanDraftSchema = TrainingPlanSchema.extend({
  features: z.array(z.string()),
  label: z.string(),
});

/** The output layer's activation a task needs, unless the plan's `output` says otherwise. */
export function outputActivation(task: Task): ActivationName {
  return task === 'binary' ? 'sigmoid' : task === 'multiclass' ? 'softmax' : 'linear';
}

/** The loss a task trains with when the plan's loss is 'auto'. */
export function autoLoss(task: Task): LossName {
  return task === 'binary' ? 'binary_crossentropy' : task === 'multiclass' ? 'categorical_crossentropy' : 'mse';
}

/** The network inputs a plan's features make, from their profiles, counted as training will: one per numeric column,
 * one per category of a column stored as text. */
export function planInputWidth(features: readonly string[], profileOf: (name: string) => Pick<ColumnProfile, 'numeric' | 'categories'> | undefined): number {
  return featureWidth(features.map((feature) => {
    const profile = profileOf(feature);
    return !profile || profile.numeric ? { kind: 'numeric' as const } : { kind: 'categorical' as const, categories: profile.categories ?? [] };
  }));
}

/** The number fields of the Model screen, by the plan field each one sets. */
export const SETTING_RULES = {
  units: UnitsSchema,
  epochs: EpochsSchema,
  batchSize: BatchSizeSchema,
  learningRate: LearningRateSchema,
  patience: PatienceSchema,
} as const;
export type SettingName = keyof typeof SETTING_RULES;

/** Settings that may be left empty, and what empty means. */
const EMPTY_MEANS: Partial<Record<SettingName, string>> = { learningRate: "the optimizer's usual rate" };

/**
 * What is typed into a setting's field, read by the plan's own rule: the number (undefined: left empty where that
 * means a default), or why it cannot work, in words. `notANumber`: the field holds text that is no number (a
 * browser's number field then reports '' as its value).
 */
export function readSetting(name: SettingName, text: string, notANumber = false): { value: number | undefined } | { problem: string } {
  const schema = SETTING_RULES[name];
  const typed = text.trim();
  const wanted = `Type ${schema.isInt ? 'a whole number' : 'a number'} ${rangeWords(schema)}.`;
  if (notANumber || (typed !== '' && !Number.isFinite(Number(typed)))) {
    return { problem: `${typed ? `"${typed}"` : 'That'} is not a number. ${wanted}` };
  }
  if (typed === '') return name in EMPTY_MEANS ? { value: undefined } : { problem: `This cannot be empty. ${wanted}` };
  const checked = schema.safeParse(Number(typed));
  return checked.success ? { value: checked.data } : { problem: checked.error.issues[0]?.message ?? wanted };
}

/** "from 1 to 4096", "of 1 or more", "above 0", from the schema's own bounds (a whole number's are ±2^53 − 1). */
function rangeWords(schema: z.ZodNumber): string {
  const min = schema.minValue ?? -Infinity;
  const max = schema.maxValue ?? Infinity;
  const exclusive = schema.safeParse(min).success === false;
  if (max < Number.MAX_SAFE_INTEGER) return `from ${min} to ${max}`;
  return exclusive ? `above ${min}` : `of ${min} or more`;
}

/** A choice still to make before training can start, in plain words, with where to make it. */
export interface MissingChoice {
  code: 'no_dataset' | 'no_label' | 'no_features' | 'label_is_feature' | 'refused_setting';
  message: string;
  hint: string;
  column?: string;
}

/** What still stops a plan from training, first things first; empty when it can start. The main side refuses a run
 * with the first of these, and the Train screen shows it before asking. */
export function missingForTraining(plan: { label: string; features: readonly string[] } | null, hasTable = true): MissingChoice[] {
  if (!hasTable) return [{ code: 'no_dataset', message: 'There is no data in this project yet.', hint: 'Import a CSV file first (or open the example).' }];
  if (!plan) plan = { label: '', features: [] };
  const missing: MissingChoice[] = [];
  if (!plan.label) {
    missing.push({
      code: 'no_label',
      message: 'Choose the column the model should predict (the label) first.',
      hint: 'On the Data screen, set one column\'s role to "label".',
    });
  }
  if (plan.features.length === 0) {
    missing.push({
      code: 'no_features',
      message: 'Choose at least one feature column for the model to learn from.',
      hint: 'On the Data screen, set some columns\' role to "feature".',
    });
  }
  if (plan.label && plan.features.includes(plan.label)) {
    missing.push({
      code: 'label_is_feature',
      message: `"${plan.label}" is the label, so it cannot also be a feature.`,
      hint: `Set "${plan.label}" to "label" only, or choose another label.`,
      column: plan.label,
    });
  }
  return missing;
}

export type LayerPlan = z.infer<typeof LayerSchema>;
export type PreparationChoices = z.infer<typeof PreparationChoicesSchema>;
export type SplitPlan = z.infer<typeof SplitSchema>;
export type TrainingSettingsPlan = z.infer<typeof TrainingSettingsSchema>;
export type TrainingPlan = z.infer<typeof TrainingPlanSchema>;
export type PlanDraft = z.infer<typeof PlanDraftSchema>;
