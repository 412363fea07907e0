// predict --project FILE.neuron: the weights of the project's latest run that has weights, read without changing
// the file (a broken project is refused with the project module's plain message).

import { openProject, ProjectFileError } from '../project';
import { parseWeightsFile } from '../../workers/engine/predict';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { UsageError } from './errors';

export async function weightsFromProject(file: string): Promise<WeightsFile> {
  let project;
  try {
    // the weights are all it needs: the embedded table stays packed (it may be large, or a gzip bomb)
    project = await openProject(file, { checkDataset: false });
  } catch (error) {
    if (error instanceof ProjectFileError) throw new ProjectFileError(error.code, error.file, `--project: ${error.message}`, { hint: error.hint });
    throw error;
  }
  const runs = [...project.runs].reverse();
  const run = runs.find((r) => r.weights && (r.status === 'completed' || r.status === 'stopped'));
  if (!run || !run.weights) {
    throw new UsageError(`--project: ${file} has no trained run with weights yet. Train a model in it first.`);
  }
  return parseWeightsFile(run.weights);
}
