// Between the open project (Session) and its file (ProjectFile): runs, dataset bytes, plan and screen state.

import {
  encodeDataset,
  type ProjectDataset,
  type ProjectFile,
  type StoredRun,
  type StoredSearch,
} from '../project';
import { isFinished, type Run } from '../../workers/run';
import type { SearchBoard } from '../../workers/search-board';
import type { Session } from './session';

/** A finished run as its project file keeps it: times as ISO text, and what it does not have left out. */
export function storedRun(run: Run): StoredRun {
  // a run still training has no weights yet: toProjectFile leaves it out, and nothing else may save one
  if (!isFinished(run.status)) throw new Error(`Run ${run.id} is still ${run.status}; only a finished run is saved.`);
  const stored: StoredRun = {
    id: run.id,
    name: run.name,
    createdAt: new Date(run.createdAt).toISOString(),
    status: run.status,
    plan: run.plan,
    history: run.history,
    totalEpochs: run.totalEpochs,
    stopReason: run.stopReason,
    rows: run.rows,
    warnings: run.warnings,
  };
  if (run.finishedAt !== null) stored.finishedAt = new Date(run.finishedAt).toISOString();
  if (run.message !== null) stored.message = run.message;
  if (run.trainSeconds !== null) stored.trainSeconds = run.trainSeconds;
  if (run.weights) stored.weights = run.weights;
  if (run.evaluation) stored.evaluation = run.evaluation;
  if (run.continuedFrom) stored.continuedFrom = run.continuedFrom;
  if (run.keptEpoch !== undefined) stored.keptEpoch = run.keptEpoch;
  if (run.snapshots) stored.snapshots = run.snapshots;
  if (run.crossValidation) stored.crossValidation = run.crossValidation;
  return stored;
}

/** Files saved before a run kept its stop reason: the status says it, except for a failed run. */
const STOP_REASON_OF_STATUS = { completed: 'completed', stopped: 'stopped', diverged: 'diverged', failed: null } as const;

export function runFromStored(stored: StoredRun): Run {
  const run: Run = {
    id: stored.id,
    name: stored.name,
    status: stored.status,
    createdAt: Date.parse(stored.createdAt),
    finishedAt: stored.finishedAt ? Date.parse(stored.finishedAt) : null,
    totalEpochs: stored.totalEpochs,
    history: stored.history,
    stopReason: stored.stopReason === undefined ? STOP_REASON_OF_STATUS[stored.status] : stored.stopReason,
    message: stored.message ?? null,
    trainSeconds: stored.trainSeconds ?? null,
    rows: stored.rows ?? null,
    warnings: stored.warnings ?? [],
    plan: stored.plan,
    weights: stored.weights ?? null,
    evaluation: stored.evaluation ?? null,
    crossValidation: stored.crossValidation ?? null,
  };
  if (stored.continuedFrom) run.continuedFrom = stored.continuedFrom;
  if (stored.keptEpoch !== undefined) run.keptEpoch = stored.keptEpoch;
  if (stored.snapshots) run.snapshots = stored.snapshots;
  return run;
}

/**
 * The leaderboard as its project file keeps it: times as ISO text; a search still running is kept as stopped, its
 * candidates not yet scored in this round as not finished (their earlier scores stay).
 */
export function storedSearch(board: SearchBoard): StoredSearch {
  const { startedAt, finishedAt, status, ...rest } = structuredClone(board);
  const stored: StoredSearch = {
    ...rest,
    startedAt: new Date(startedAt).toISOString(),
    status: status === 'running' ? 'stopped' : status,
    candidates: rest.candidates.map((c) =>
      c.status === 'running' || c.status === 'waiting'
        ? { ...c, status: 'stopped' as const, trying: null, message: 'Not finished: the project was saved while the search ran.' }
        : c,
    ),
  };
  if (finishedAt !== null) stored.finishedAt = new Date(finishedAt).toISOString();
  return stored;
}

export function searchFromStored(stored: StoredSearch): SearchBoard {
  const { startedAt, finishedAt, ...rest } = stored;
  return { ...rest, startedAt: Date.parse(startedAt), finishedAt: finishedAt ? Date.parse(finishedAt) : null };
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
    runs: session.runs.filter((run) => isFinished(run.status)).map(storedRun),
    ui: session.ui,
    ...(session.search ? { search: storedSearch(session.search) } : {}),
  };
}
