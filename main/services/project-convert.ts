// Between the open project (Session) and its file (ProjectFile): runs, dataset bytes, plan and screen state.

import {
  encodeDataset,
  type ProjectDataset,
  type ProjectFile,
  type StoredRun,
} from '../project';
import type { Run } from '../contract';
import type { Session } from './session';

/** Runs still queued or running are not saved: they have no weights yet. */
export function isSavedRun(run: Run): boolean {
  return run.status !== 'queued' && run.status !== 'running';
}

export function storedRun(run: Run): StoredRun {
  const stored: Record<string, unknown> = {
    id: run.id,
    name: run.name,
    createdAt: new Date(run.createdAt).toISOString(),
    status: run.status,
    plan: run.plan,
    history: run.history,
    totalEpochs: run.totalEpochs,
    // kept beside the schema's fields (the schema lets extra fields through)
    stopReason: run.stopReason,
    rows: run.rows,
    warnings: run.warnings,
  };
  if (run.finishedAt !== null) stored.finishedAt = new Date(run.finishedAt).toISOString();
  if (run.message !== null) stored.message = run.message;
  if (run.trainSeconds !== null) stored.trainSeconds = run.trainSeconds;
  if (run.weights) stored.weights = run.weights;
  if (run.evaluation) stored.evaluation = run.evaluation;
  return stored as StoredRun;
}

const STOP_REASON_OF_STATUS = { completed: 'completed', stopped: 'stopped', diverged: 'diverged', failed: null } as const;

export function runFromStored(stored: StoredRun): Run {
  const extra = stored as StoredRun & { stopReason?: unknown; rows?: unknown; warnings?: unknown };
  const rows = extra.rows as Run['rows'] | undefined;
  return {
    id: stored.id,
    name: stored.name,
    status: stored.status,
    createdAt: Date.parse(stored.createdAt),
    finishedAt: stored.finishedAt ? Date.parse(stored.finishedAt) : null,
    totalEpochs: stored.totalEpochs,
    history: stored.history,
    stopReason: (typeof extra.stopReason === 'string' ? extra.stopReason : STOP_REASON_OF_STATUS[stored.status]) as Run['stopReason'],
    message: stored.message ?? null,
    trainSeconds: stored.trainSeconds ?? null,
    rows: rows && typeof rows === 'object' ? rows : null,
    warnings: Array.isArray(extra.warnings) ? (extra.warnings as string[]) : [],
    plan: stored.plan,
    weights: stored.weights ?? null,
    evaluation: (stored.evaluation as Run['evaluation']) ?? null,
  };
}

/** The dataset as stored, encoded once per import (gzip of a large file is not free). */
const encodedCache = new WeakMap<Uint8Array, ProjectDataset>();

export function toProjectFile(session: Session, now = new Date()): ProjectFile {
  let dataset: ProjectDataset | null = null;
  if (session.dataset) {
    const d = session.dataset;
    dataset = encodedCache.get(d.bytes) ?? null;
    if (!dataset || dataset.fileName !== d.fileName || dataset.originalPath !== d.originalPath) {
      dataset = encodeDataset(d.bytes, d.fileName, d.originalPath, d.parse);
      encodedCache.set(d.bytes, dataset);
    }
  }
  return {
    format: 'neuron-studio.project',
    version: 1,
    name: session.name,
    createdAt: session.createdAt,
    savedAt: now.toISOString(),
    dataset,
    plan: session.plan,
    runs: session.runs.filter(isSavedRun).map(storedRun),
    ui: session.ui,
  };
}
