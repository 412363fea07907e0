// From the `train` options and the imported table to a training plan: columns named or given by position, the
// tutorial's recipe (no --csv) or the plan the app starts a table from (with --csv) as the base, then each given
// option on top.

import { findColumn, labelTask, startingPlanFor, suggestRoles, type ColumnProfile, type Dataset } from '../../workers/data';
import { columnLeftOutNote, noInputsNote, type DataNote } from '../../workers/data/notes';
import type { Task, WeightsFile } from '../../workers/engine/weights-file';
import { STARTING_SPLIT, TrainingPlanSchema, type TrainingPlan } from '../../workers/plan';
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

/**
 * `profiles`: the table's column profiles when already made (the import makes them), so they are not made again.
 * `trained`: the weights a run goes on from (--from): the label, the input columns, the task and the network are
 * theirs unless an option says otherwise.
 */
export function planFromOptions(options: TrainOptions, dataset: Dataset, profiles?: ColumnProfile[], trained?: WeightsFile): PlannedRun {
  const useRecipe = options.csv === undefined;
  if (trained && options.label === undefined && !dataset.columns.some((c) => c.name === trained.output.name)) {
    throw new UsageError(
      `${dataset.fileName} has no column ${trained.output.name}, which ${options.from ?? 'the --from weights'} predicts. ` +
        'Give --csv the table it learned from, or say which column to predict with --label.',
    );
  }
  const labelText = options.label ?? trained?.output.name ?? (useRecipe ? DEFAULT_LABEL : undefined);
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
  // those the table has: continuing then names any it lacks, and the file of the weights
  else if (trained) {
    features = trained.inputs.map((input) => input.name).filter((name) => name !== label && dataset.columns.some((c) => c.name === name));
    if (features.length === 0) {
      throw new UsageError(
        `${dataset.fileName} has none of the columns ${options.from ?? 'the --from weights'} learned from (${trained.inputs.map((i) => i.name).join(', ')}). ` +
          'Give --csv the table it learned from.',
      );
    }
  }
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
  const choice = options.task ?? (trained?.task === 'regression' ? 'regression' : 'auto');
  const described = labelTask(dataset, label, choice);
  const task = described.task;
  const notes = [...notUsed.map((column) => columnLeftOutNote(dataset.fileName, column)), ...(described.notes ?? [])];

  const base: TrainingPlan =
    useRecipe && task === 'binary' && choice === 'auto'
      ? kerasRecipe(features, label)
      : withoutExplanation(startingPlanFor(dataset, profiles, { label, features, task: choice }));

  const plan: TrainingPlan = structuredClone(base);
  if (options.scale) plan.preparation.scaling = options.scale;
  if (options.zerosMissing) plan.preparation.zeroAsMissing = zeroColumns(dataset, options.zerosMissing);
  if (options.validation !== undefined) plan.split.validation = options.validation;
  else if (options.epochs !== undefined) plan.split.validation = 0;
  if (options.test !== undefined) plan.split.test = options.test;
  // the search scores on the rows it may see, so the winner's final figure comes from rows kept out of it
  else if (options.search) plan.split.test = STARTING_SPLIT.test;
  if (plan.split.validation + plan.split.test > 0.9) {
    throw new UsageError('--validation and --test together hold back more than 90% of the rows. Make them smaller.');
  }
  if (options.layers) plan.hidden = options.layers.map((layer) => ({ ...layer }));
  else if (trained) {
    plan.hidden = trained.layers.slice(0, -1).map((layer) => ({ units: layer.units, activation: layer.activation }));
    plan.output = { ...plan.output, activation: trained.layers[trained.layers.length - 1]!.activation };
  }
  if (options.init) {
    plan.hidden = plan.hidden.map((layer) => ({ ...layer, initializer: options.init }));
    plan.output = { ...plan.output, initializer: options.init };
  }
  if (options.loss) plan.training.loss = options.loss;
  // a chosen optimizer comes with its usual learning rate (Keras'), not the one suggested for Adam
  if (options.optimizer) plan.training.optimizer = { name: options.optimizer };
  if (options.lr !== undefined) plan.training.optimizer = { ...plan.training.optimizer, learningRate: options.lr };
  if (options.l2 !== undefined) plan.training.l2 = options.l2;
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

/** --zeros-missing: the columns named, or none at all with "none" (unless the table has a column of that name). */
function zeroColumns(dataset: Dataset, names: string[]): string[] {
  const none = names.length === 1 && names[0]!.toLowerCase() === 'none' && !dataset.columns.some((c) => c.name.toLowerCase() === 'none');
  return none ? [] : names.map((name) => findColumn(dataset, name).name);
}

function withoutExplanation(suggested: ReturnType<typeof startingPlanFor>): TrainingPlan {
  const { explanation: _explanation, ...plan } = suggested;
  return TrainingPlanSchema.parse(plan);
}
