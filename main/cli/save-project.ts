// train --save FILE.neuron: a project holding the CSV itself, the plan, and this run with its history, weights and
// evaluation, so the app (or predict --project) opens it on any computer. Written atomically by the project module.

import path from 'node:path';
import type { Dataset } from '../../workers/data/dataset';
import type { TrainingPlan } from '../../workers/plan';
import { access } from 'node:fs/promises';
import {
  encodeDataset, newProject, openProject, ProjectFileError, projectName, saveProject, type ProjectFile, type StoredRun,
} from '../project';
import type { TrainingRun } from '../services/training';

export interface RunToSave {
  bytes: Uint8Array;
  /** the CSV's path as given */
  fileName: string;
  dataset: Dataset;
  plan: TrainingPlan;
  run: TrainingRun;
}

export function projectOfRun(file: string, { bytes, fileName, dataset, plan, run }: RunToSave, now = new Date()): ProjectFile {
  const project = newProject(projectName(file), now);
  project.dataset = encodeDataset(bytes, path.basename(fileName), path.resolve(fileName), { header: dataset.hasHeader });
  project.plan = plan;
  const result = run.result;
  const stored: StoredRun = {
    id: run.id,
    name: 'Run 1',
    createdAt: new Date(run.startedAt ?? now.getTime()).toISOString(),
    finishedAt: new Date(run.finishedAt ?? now.getTime()).toISOString(),
    status: run.status === 'queued' || run.status === 'running' ? 'failed' : run.status,
    plan,
    history: run.history,
    totalEpochs: run.totalEpochs,
  };
  if (run.message !== undefined) stored.message = run.message;
  if (result) {
    stored.trainSeconds = result.trainSeconds;
    stored.weights = result.weights;
    stored.evaluation = result.evaluation;
  }
  project.runs = [stored];
  project.ui = { selectedRunId: run.id };
  return project;
}

export async function saveRunAsProject(file: string, run: RunToSave): Promise<void> {
  await saveProject(file, projectOfRun(file, run));
}

/**
 * Before training: a file already at the --save path must be a project that opens (it is replaced, its previous
 * version kept as .bak). Anything else there (a broken project, another kind of file) is refused and left untouched.
 */
export async function checkSaveTarget(file: string): Promise<void> {
  const present = await access(file).then(() => true, () => false);
  if (!present) return;
  try {
    await openProject(file);
  } catch (error) {
    if (!(error instanceof ProjectFileError)) throw error;
    throw new ProjectFileError(
      error.code,
      error.file,
      `--save: ${error.message} Nothing was trained; give --save another file name, or move that file away.`,
      { hint: error.hint },
    );
  }
}
