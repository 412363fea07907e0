// Training curves as chart points: one {x: epoch, y: value} array per run and metric, grown as epochs arrive instead
// of rebuilt, so a progress message costs only its new epochs.

import type { EpochMetrics } from '../../../workers/engine/spec';
import type { Point } from './decimate';

export interface Series {
  label: string;
  color: string;
  dashed?: boolean;
  points: readonly Point[];
  /** scatter plots draw dots without a line */
  showLine?: boolean;
  pointRadius?: number;
  width?: number;
  /** x strictly increasing (training curves); false for ROC curves and scatter plots */
  sorted?: boolean;
}

export type MetricKey = Exclude<keyof EpochMetrics, 'epoch' | 'elapsed'>;

interface Cached {
  /** history entries read so far */
  read: number;
  points: Point[];
}

const cache = new WeakMap<readonly EpochMetrics[], Map<MetricKey, Cached>>();

/** The points of one metric over a history; epochs without that metric (or non-finite values) are left out. */
export function metricPoints(history: readonly EpochMetrics[], key: MetricKey): readonly Point[] {
  let byKey = cache.get(history);
  if (!byKey) cache.set(history, (byKey = new Map()));
  let entry = byKey.get(key);
  if (!entry || entry.read > history.length) byKey.set(key, (entry = { read: 0, points: [] }));
  for (let i = entry.read; i < history.length; i++) {
    const e = history[i]!;
    const y = e[key];
    if (typeof y === 'number' && Number.isFinite(y)) entry.points.push({ x: e.epoch, y });
  }
  entry.read = history.length;
  return entry.points;
}

/** Colours for the run shown (strong) and for runs compared with it (softer, in turn). */
export const runColours = {
  train: '#2b6cb0',
  validation: '#dd6b20',
  compared: ['#38a169', '#805ad5', '#d53f8c', '#319795', '#718096'],
};
