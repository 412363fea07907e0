// How training progress reads in a terminal: one Keras-like line per epoch, and the figures of the last epoch.

import type { EpochMetrics } from '../../workers/engine/spec';

/** Metric names in the order Keras prints them. */
const METRIC_ORDER = ['loss', 'accuracy', 'mae', 'rmse', 'r2', 'val_loss', 'val_accuracy', 'val_mae', 'val_rmse', 'val_r2'] as const;

/** `Epoch 3/150 - loss: 0.6378 - accuracy: 0.6510 - val_loss: 0.6012 - val_accuracy: 0.6800` */
export function epochLine(metrics: EpochMetrics, totalEpochs: number): string {
  let line = `Epoch ${metrics.epoch}/${totalEpochs}`;
  for (const name of METRIC_ORDER) {
    const value = metrics[name];
    if (value !== undefined) line += ` - ${name}: ${value.toFixed(4)}`;
  }
  return line;
}

/** The last epoch's figures by Keras name (no epoch number or time), as the --json line carries them. */
export function lastMetrics(history: readonly EpochMetrics[]): Record<string, number> {
  const last = history[history.length - 1];
  const metrics: Record<string, number> = {};
  if (!last) return metrics;
  for (const name of METRIC_ORDER) {
    const value = last[name];
    if (value !== undefined) metrics[name] = value;
  }
  return metrics;
}
