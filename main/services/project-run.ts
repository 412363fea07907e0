// Which run of a project file a command means: the one named (`--run NAME`), else the latest with trained weights.
// predict answers with it and train continues it.

import { WeightsFileError } from '../../workers/engine/predict';
import { hasTrainedWeights, type Run } from '../../workers/run';
import { shownName } from '../project/errors';
import { userError } from '../errors';

export function pickRun(runs: readonly Run[], file: string, name?: string): Run {
  const shown = shownName(file);
  if (name === undefined) {
    const latest = [...runs].reverse().find(hasTrainedWeights);
    if (!latest) throw new WeightsFileError(`${file} has no trained run with weights yet. Train a model in it first.`);
    return latest;
  }
  const wanted = name.trim();
  const run = runs.find((r) => r.name === wanted) ?? only(runs.filter((r) => r.name.toLowerCase() === wanted.toLowerCase()));
  if (!run) {
    const names = runs.map((r) => `"${r.name}"`).join(', ');
    throw userError('no_run', `${shown} has no run named "${wanted}". ${runs.length ? `Its runs are ${names}.` : 'It has no runs yet.'}`, {
      hint: 'Give the name of one of its runs, as the Train screen lists them.',
    });
  }
  if (!hasTrainedWeights(run)) {
    const why = run.weights ? `it ${run.status}` : run.status === 'failed' ? 'it failed' : 'it ended before it had any';
    throw userError('no_weights', `"${run.name}" in ${shown} has no trained weights to use (${why}).`, {
      hint: 'Choose a run that finished or was stopped.',
    });
  }
  return run;
}

function only<T>(items: T[]): T | undefined {
  return items.length === 1 ? items[0] : undefined;
}
