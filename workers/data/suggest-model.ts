// The suggested model: hidden layers sized for the data, the output layer and loss the task needs, Adam with a
// learning rate, L2, epochs, batch size, early stopping. The whole plan a table starts from is starting-plan.ts's.

import type { Task } from '../engine/weights-file';
import type { LayerPlan, SplitPlan, TrainingPlan } from '../plan';
import { autoLoss, outputActivation } from '../plan';

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

/** Below this many rows a table is small: one hidden layer, small batches, a larger step and stronger L2. */
const SMALL_TABLE = 2000;

/**
 * `keptForValidation`: the share of rows the plan already keeps for validation (the app's Data screen); without it
 * the suggestion chooses one (0.2 from 50 rows on) and returns it as split.validation.
 *
 * The rule, for any table: the fewer the rows, the smaller and more held back the network. Width follows the inputs
 * (about twice as many units, 8 to 16 under 200 rows, up to 64, 128 from 5000 rows); a small table (under 2000 rows)
 * gets one hidden layer, a larger one two, the second half as wide. L2 about 10 / rows (a power of ten, 0.01 at
 * most) keeps the weights small where few rows would let them memorise. Adam's step is 0.01 on a small table, whose
 * epoch is only a few dozen updates, so it settles before early stopping's patience runs out; 0.001 (Keras' default)
 * on larger ones. Early stopping on the validation rows keeps the best weights. On Pima (768 rows, 8 inputs) this is
 * one layer of 16, L2 0.01, Adam 0.01, batches of 16.
 */
export function suggestModel(task: Task, rowCount: number, featureCount: number, keptForValidation?: number): ModelSuggestion {
  const explanation: string[] = [];
  const small = rowCount < SMALL_TABLE;
  const width = clamp(powerOfTwoNear(2 * featureCount), 8, rowCount < 200 ? 16 : rowCount >= 5000 ? 128 : 64);
  const hidden: LayerPlan[] = small
    ? [{ units: width, activation: 'relu' }]
    : [
        { units: width, activation: 'relu' },
        { units: Math.max(4, width / 2), activation: 'relu' },
      ];
  explanation.push(
    `${hidden.length === 1 ? 'One hidden layer' : `${hidden.length} hidden layers`} of ${hidden.map((l) => l.units).join(' and ')} units ` +
      `with ReLU: room for ${featureCount} input${featureCount === 1 ? '' : 's'} without memorising ${rowCount} rows` +
      `${small ? ` (under ${SMALL_TABLE} rows, one layer generalises best)` : ''}.`,
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

  const batchSize = small ? 16 : rowCount < 20000 ? 32 : rowCount < 200000 ? 64 : 256;
  // About the same number of weight updates whatever the size, within 30..300 epochs; early stopping ends sooner.
  const epochs = clamp(Math.round((20000 * batchSize) / Math.max(1, rowCount) / 10) * 10, 30, 300);
  const learningRate = small ? 0.01 : 0.001;
  const l2 = Math.min(0.01, Number(`1e${Math.round(Math.log10(10 / Math.max(1, rowCount)))}`)); // 1e-4, not 10 ** -4 = 0.00009999…
  const validation = keptForValidation ?? (rowCount >= 50 ? 0.2 : 0);
  const whose = keptForValidation === undefined ? 'are held back for validation' : 'kept for validation on the Data screen are watched';
  const patience = clamp(Math.round(epochs / 10), 10, 25);
  explanation.push(
    small
      ? `Adam with learning rate ${learningRate}: it adapts each weight's step; with few rows an epoch is only a few dozen steps, so a larger one settles in time.`
      : `Adam with learning rate ${learningRate}: it adapts each weight's step and rarely needs tuning.`,
  );
  explanation.push(`L2 of ${l2} (about 10 ÷ ${rowCount} rows): large weights cost extra, so the network learns the pattern rather than the rows.`);
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
    l2,
    classWeights: 'none',
    earlyStopping: validation > 0 ? { patience, restoreBestWeights: true } : null,
  };
  return { hidden, training, output, split: { validation }, explanation };
}
