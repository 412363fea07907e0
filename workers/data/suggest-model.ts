// The suggested model: hidden layers sized for the data, the output layer and loss the task needs, Adam with a
// learning rate, epochs, batch size, early stopping; and a whole suggested plan for a table (suggestPlan).

import type { Task } from '../engine/weights-file';
import type { LayerPlan, SplitPlan, TrainingPlan } from '../plan';
import { autoLoss, outputActivation, TrainingPlanSchema } from '../plan';
import type { Dataset } from './dataset';
import { findColumn } from './dataset';
import { noFeatures } from './prepare';
import type { ColumnProfile } from './profile';
import { profileDataset } from './profile';
import { labelTask, suggestRoles } from './roles';

export interface ModelSuggestion extends Pick<TrainingPlan, 'hidden' | 'training' | 'output'> {
  /** how much of the training rows to hold back to watch for over-fitting (the plan's split.validation) */
  split: Pick<SplitPlan, 'validation'>;
  /** one sentence per choice, for the user */
  explanation: string[];
}

function powerOfTwoNear(x: number): number {
  return 2 ** Math.round(Math.log2(Math.max(1, x)));
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/**
 * `keptForValidation`: the share of rows the plan already keeps for validation (the app's Data screen); without it
 * the suggestion chooses one (0.2 from 50 rows on) and returns it as split.validation.
 */
export function suggestModel(task: Task, rowCount: number, featureCount: number, keptForValidation?: number): ModelSuggestion {
  const explanation: string[] = [];
  // Width follows the inputs (about twice as many units), depth the amount of data: a small table gets one
  // small layer, a larger one two, the second half as wide (a funnel towards the output).
  const width = clamp(powerOfTwoNear(2 * featureCount), 8, rowCount >= 5000 ? 128 : 64);
  const hidden: LayerPlan[] =
    rowCount < 200 ? [{ units: Math.min(width, 16), activation: 'relu' }] : [
      { units: width, activation: 'relu' },
      { units: Math.max(4, width / 2), activation: 'relu' },
    ];
  explanation.push(
    `${hidden.length === 1 ? 'One hidden layer' : `${hidden.length} hidden layers`} of ${hidden.map((l) => l.units).join(' and ')} units ` +
      `with ReLU: room for ${featureCount} inputs without memorising ${rowCount} rows.`,
  );

  const output: TrainingPlan['output'] = { activation: outputActivation(task) };
  const loss = autoLoss(task);
  explanation.push(
    task === 'binary'
      ? 'Output: one sigmoid unit giving the probability of the second class, trained with binary cross-entropy.'
      : task === 'multiclass'
        ? 'Output: one softmax unit per class giving each class its probability, trained with categorical cross-entropy.'
        : 'Output: one linear unit giving the value (the label is standardised for training and turned back), trained with mean squared error.',
  );

  const batchSize = rowCount < 2000 ? 16 : rowCount < 20000 ? 32 : rowCount < 200000 ? 64 : 256;
  // About the same number of weight updates whatever the size, within 30..300 epochs; early stopping ends sooner.
  const epochs = clamp(Math.round((20000 * batchSize) / Math.max(1, rowCount) / 10) * 10, 30, 300);
  const learningRate = 0.001;
  const validation = keptForValidation ?? (rowCount >= 50 ? 0.2 : 0);
  const whose = keptForValidation === undefined ? 'are held back for validation' : 'kept for validation on the Data screen are watched';
  const patience = clamp(Math.round(epochs / 10), 10, 25);
  explanation.push(`Adam with learning rate ${learningRate}: it adapts each weight's step and rarely needs tuning.`);
  explanation.push(`Batches of ${batchSize} rows, up to ${epochs} passes over the data (epochs).`);
  if (validation > 0) {
    explanation.push(
      `${Math.round(validation * 100)} % of the rows ${whose}; training stops when their loss has not ` +
        `improved for ${patience} epochs, and the best weights are kept.`,
    );
  } else {
    explanation.push(
      keptForValidation === undefined
        ? 'Too few rows to hold some back for validation: training runs all its epochs.'
        : 'No rows are kept for validation on the Data screen, so training runs all its epochs (keep some to let it stop early).',
    );
  }
  const training: TrainingPlan['training'] = {
    loss,
    optimizer: { name: 'adam', learningRate },
    epochs,
    batchSize,
    seed: 7,
    l2: 0,
    classWeights: 'none',
    earlyStopping: validation > 0 ? { patience, restoreBestWeights: true } : null,
  };
  return { hidden, training, output, split: { validation }, explanation };
}

export interface PlanOptions {
  /** default: the suggested label */
  label?: string;
  /** default: every usable column besides the label */
  features?: string[];
  /** share of rows held out for the final score (default 0) */
  test?: number;
  seed?: number;
  /** the plan's task choice (default 'auto': the label's values decide) */
  task?: TrainingPlan['task'];
}

/**
 * A complete plan from the table alone: the suggested label and inputs, 0 as missing where zeros look like "not
 * measured", non-numeric entries as missing, standard scaling, the suggested model. DataError when nothing is usable.
 */
export function suggestPlan(dataset: Dataset, profiles: ColumnProfile[] = profileDataset(dataset), options: PlanOptions = {}): TrainingPlan & { explanation: string[] } {
  const roles = suggestRoles(dataset, profiles);
  const label = options.label !== undefined ? findColumn(dataset, options.label).name : roles.label;
  const features = options.features ?? roles.features.filter((f) => f !== label);
  if (options.features === undefined && options.label !== undefined && roles.label !== null && roles.label !== label && profiles.find((p) => p.name === roles.label)?.kind !== 'id') {
    features.push(roles.label); // the column suggested as label is an ordinary input when another label is chosen
  }
  if (label === null || features.length === 0) throw noFeatures(dataset, label, roles.notUsed);
  const { task } = labelTask(dataset, label, options.task);
  const flagged = (code: string) => profiles.filter((p) => features.includes(p.name) && p.warnings.some((w) => w.code === code)).map((p) => p.name);
  const suggestion = suggestModel(task, dataset.rowCount, features.length);
  const plan = TrainingPlanSchema.parse({
    features: dataset.columns.map((c) => c.name).filter((n) => features.includes(n)),
    label,
    task: options.task ?? 'auto',
    preparation: { zeroAsMissing: flagged('zeros_look_missing'), nonNumericAsMissing: flagged('non_numeric_entries') },
    split: { validation: suggestion.split.validation, test: options.test ?? 0, seed: options.seed ?? 7 },
    hidden: suggestion.hidden,
    output: suggestion.output,
    training: { ...suggestion.training, seed: options.seed ?? 7 },
  });
  return { ...plan, explanation: suggestion.explanation };
}
