// Every run's trained weights, read when a project opens by the same reader predict uses (workers/engine/predict.ts),
// so a broken model is named at once (file, run, layer) instead of failing later on the Use screen.

import { parseWeightsFile, WeightsFileError } from '../../workers/engine/predict';
import type { ProjectFile, StoredRun } from './schema';

/** Why a run's weights cannot be used, in words naming the run, or null when they can. */
export function runWeightsProblem(run: StoredRun, position: number): string | null {
  if (!run.weights) return null;
  const which = `run ${position} ("${run.name}")`;
  let inputs: string[];
  try {
    inputs = parseWeightsFile(run.weights).inputs.map((input) => input.name);
  } catch (error) {
    if (!(error instanceof WeightsFileError)) throw error;
    return `the trained weights of ${which} cannot be used. ${error.message}`;
  }
  // Names compared loosely: the plan may name a column in another case, or list the label, which training leaves out.
  const key = (name: string) => name.trim().toLowerCase();
  const label = key(run.plan.label);
  const learned = run.plan.features.filter((f) => key(f) !== label);
  const same = inputs.length === learned.length && inputs.every((name) => learned.some((f) => key(f) === key(name)));
  if (same) return null;
  return `the trained weights of ${which} take ${inputs.length} input${inputs.length === 1 ? '' : 's'} (${inputs.join(', ')}), ` +
    `but the run learned from ${learned.length} (${learned.join(', ')})`;
}

/** The first run whose weights cannot be used, in words, or null. */
export function projectWeightsProblem(project: ProjectFile): string | null {
  for (let i = 0; i < project.runs.length; i++) {
    const problem = runWeightsProblem(project.runs[i], i + 1);
    if (problem) return problem;
  }
  return null;
}
