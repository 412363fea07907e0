// From the `train` options and the imported table to a training plan: columns named or given by position, the
// tutorial's recipe (no --csv) or the suggested model (with --csv) as the base, then each given option on top.

import { findColumn, labelTask, suggestPlan, suggestRoles, type ColumnProfile, type Dataset } from '../../workers/data';
import { columnLeftOutNote, noInputsNote, type DataNote } from '../../workers/data/notes';
import type { Task } from '../../workers/engine/weights-file';
import { TrainingPlanSchema, type TrainingPlan } from '../../workers/plan';
import { noteWords } from './data-notes';
import { UsageError } from './errors';
import { DEFAULT_LABEL, kerasRecipe } from './keras-recipe';
import type { TrainOptions } from './options';

export interface PlannedRun {
  plan: TrainingPlan;
  task: Task;
  /** what to know before training: columns left out on their own, rows without a label, a label like an identifier */
  notes: DataNote[];
}

/** `profiles`: the table's column profiles when already made (the import makes them), so they are not made again. */
export function planFromOptions(options: TrainOptions, dataset: Dataset, profiles?: ColumnProfile[]): PlannedRun {
  const useRecipe = options.csv === undefined;
  const labelText = options.label ?? (useRecipe ? DEFAULT_LABEL : undefined);
  if (labelText === undefined) {
    const names = dataset.columns.map((c) => c.name).join(', ');
    throw new UsageError(
      `--label is missing: say which column of ${dataset.fileName} to predict, by name or 0-based position (its columns: ${names}).`,
    );
  }
  const label = findColumn(dataset, labelText).name;
  let notUsed: { name: string; reason: string }[] = [];
  let features: string[];
  if (options.features) features = options.features.map((name) => findColumn(dataset, name).name);
  else {
    // Every other column, except those that cannot help (record numbers, free text, constants).
    notUsed = suggestRoles(dataset, profiles).notUsed.filter((c) => c.name !== label);
    const skipped = new Set(notUsed.map((c) => c.name));
    features = dataset.columns.map((c) => c.name).filter((name) => name !== label && !skipped.has(name));
  }
  if (features.includes(label)) {
    throw new UsageError(`--features lists the label "${label}" itself. Leave it out of --features.`);
  }
  if (features.length === 0) throw new UsageError(noteWords(noInputsNote(dataset.fileName, label, notUsed)));
  const choice = options.task ?? 'auto';
  const described = labelTask(dataset, label, choice);
  const task = described.task;
  const notes = [...notUsed.map((column) => columnLeftOutNote(dataset.fileName, column)), ...(described.notes ?? [])];

  const base: TrainingPlan =
    useRecipe && task === 'binary' && choice === 'auto'
      ? kerasRecipe(features, label)
      : withoutExplanation(suggestPlan(dataset, profiles, { label, features, task: choice }));

  const plan: TrainingPlan = structuredClone(base);
  if (options.scale) plan.preparation.scaling = options.scale;
  if (options.zerosMissing) plan.preparation.zeroAsMissing = options.zerosMissing.map((name) => findColumn(dataset, name).name);
  if (options.validation !== undefined) plan.split.validation = options.validation;
  else if (options.epochs !== undefined) plan.split.validation = 0;
  if (options.test !== undefined) plan.split.test = options.test;
  if (plan.split.validation + plan.split.test > 0.9) {
    throw new UsageError('--validation and --test together hold back more than 90% of the rows. Make them smaller.');
  }
  if (options.layers) plan.hidden = options.layers.map((layer) => ({ ...layer }));
  if (options.init) {
    plan.hidden = plan.hidden.map((layer) => ({ ...layer, initializer: options.init }));
    plan.output = { ...plan.output, initializer: options.init };
  }
  if (options.loss) plan.training.loss = options.loss;
  if (options.optimizer && options.optimizer !== plan.training.optimizer.name) plan.training.optimizer = { name: options.optimizer };
  if (options.lr !== undefined) plan.training.optimizer = { ...plan.training.optimizer, learningRate: options.lr };
  if (options.epochs !== undefined) plan.training.epochs = options.epochs;
  if (options.batch !== undefined) plan.training.batchSize = options.batch;
  if (options.classWeights !== undefined) plan.training.classWeights = options.classWeights;
  // The suggested plan holds back validation rows and stops early on them. Given --epochs N, it runs exactly N
  // epochs and, as Keras' fit() and the tutorial's recipe, holds nothing back unless --validation asks.
  if (plan.split.validation === 0 || options.epochs !== undefined) plan.training.earlyStopping = null;
  if (options.seed !== undefined) {
    plan.training.seed = options.seed;
    plan.split.seed = options.seed;
  }
  return { plan: TrainingPlanSchema.parse(plan), task, notes };
}

function withoutExplanation(suggested: ReturnType<typeof suggestPlan>): TrainingPlan {
  const { explanation: _explanation, ...plan } = suggested;
  return plan;
}
