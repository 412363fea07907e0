// The Runs table's loss column: the figure and what it is, in words (which loss, on which rows). A regression run's
// loss is the squared error of the scaled label, a number nobody can read: it shows the typical miss (RMSE) in the
// label's own units instead.

import type { EpochMetrics, LossName } from '../../../workers/engine/spec';
import { decimal } from './format';

/** The column's header, explained. */
export const LOSS_COLUMN_HELP =
  'The number training makes small; lower is better. For classes: the cross-entropy (how sure it was of the right ' +
  'answers). For numbers: the typical miss (RMSE) in the label\'s own units.';

const LOSS_NAMES: Record<LossName, string> = {
  binary_crossentropy: 'binary cross-entropy',
  categorical_crossentropy: 'categorical cross-entropy',
  mse: 'mean squared error',
  sse: 'sum of squared errors',
};

/** The last epoch's loss as the table shows it, and what it is; '–' before the first epoch. */
export function lossCell(history: readonly EpochMetrics[], plan: { label: string; training: { loss: LossName | 'auto' } }): { text: string; title: string } {
  const last = history[history.length - 1];
  if (!last) return { text: '–', title: 'No epoch has finished yet.' };
  const validation = last.val_loss !== undefined;
  const rows = validation ? 'on the validation rows' : 'on the training rows';
  if (last.accuracy === undefined) {
    const rmse = validation ? last.val_rmse : last.rmse;
    if (rmse !== undefined) {
      return { text: `RMSE ${decimal(rmse, 3)}`, title: `The typical miss (root mean squared error) ${rows}, in ${plan.label}'s units; lower is better.` };
    }
  }
  const loss = plan.training.loss;
  const name = loss === 'auto' ? (last.accuracy !== undefined ? 'cross-entropy' : 'mean squared error') : LOSS_NAMES[loss];
  return { text: decimal(validation ? last.val_loss : last.loss, 3), title: `The ${name} ${rows}; lower is better.` };
}
