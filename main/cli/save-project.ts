// train --save FILE.neuron: a project holding the CSV itself, the plan, and this run with its history, weights and
// evaluation, so the app (or predict --project) opens it on any computer. Written atomically by the project module.

import path from 'node:path';
import type { Dataset } from '../../workers/data/dataset';
import type { TrainingPlan } from '../../workers/plan';
import { encodeDataset, newProject, projectName, saveProject, type ProjectFile, type StoredRun } from '../project';
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
