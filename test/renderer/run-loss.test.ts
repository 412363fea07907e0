// The Runs table's loss column: which loss on which rows in words, and a regression run's miss in the label's units.
import { describe, expect, it } from 'vitest';
import { lossCell } from '../../renderer/src/lib/run-loss';

const epoch = (figures: Record<string, number>) => ({ epoch: 1, elapsed: 1, loss: 0.5, ...figures });

describe('the loss column', () => {
  it('names the cross-entropy and the rows it was measured on', () => {
    expect(lossCell([epoch({ accuracy: 0.7, val_loss: 0.4812, val_accuracy: 0.7 })], { label: 'Outcome', training: { loss: 'auto' } }))
      .toEqual({ text: '0.481', title: 'The cross-entropy on the validation rows; lower is better.' });
    expect(lossCell([epoch({ accuracy: 0.7 })], { label: 'Outcome', training: { loss: 'binary_crossentropy' } }))
      .toEqual({ text: '0.5', title: 'The binary cross-entropy on the training rows; lower is better.' });
  });

  it('shows a regression run\'s typical miss in the label\'s units, not the scaled squared error', () => {
    // regression: the column showed 0.214, the squared error of the scaled prices, which no one can read
    expect(lossCell([epoch({ loss: 0.214, mae: 2.1, rmse: 2.95, val_loss: 0.25, val_mae: 2.3, val_rmse: 3.1 })], { label: 'price', training: { loss: 'auto' } }))
      .toEqual({ text: 'RMSE 3.1', title: "The typical miss (root mean squared error) on the validation rows, in price's units; lower is better." });
  });

  it('says nothing before the first epoch', () => {
    expect(lossCell([], { label: 'y', training: { loss: 'auto' } }).text).toBe('–');
  });
});
