// `train --project P.neuron [--run NAME]`: a run of a project goes on learning, on the project's own table and plan
// (the app's Continue); `--from FILE.json`: the weights a run starts from. Which options go with which.

import { readWeightsFile } from '../services/predictions';
import type { Session } from '../services/session';
import type { ContinueFrom } from '../services/runs';
import type { WeightsFile } from '../../workers/engine/weights-file';
import type { Run } from '../../workers/run';
import { UsageError } from './errors';
import { forOption } from './files';
import { projectRunInSession } from './project-run';
import type { TrainOptions } from './options';

/** The options that make or change a plan: with --project the project's own plan is used, so they are refused. */
const PLAN_OPTIONS: [keyof TrainOptions, string][] = [
  ['csv', '--csv'], ['label', '--label'], ['features', '--features'], ['task', '--task'], ['layers', '--layers'],
  ['init', '--init'], ['optimizer', '--optimizer'], ['lr', '--lr'], ['loss', '--loss'], ['batch', '--batch'],
  ['validation', '--validation'], ['test', '--test'], ['scale', '--scale'], ['seed', '--seed'],
  ['zerosMissing', '--zeros-missing'], ['from', '--from'],
];

/** Refuses options that cannot go together, before anything is read. */
export function checkContinueOptions(options: TrainOptions): void {
  if (options.run !== undefined && options.project === undefined) {
    throw new UsageError('--run names a run of a project: give the project with --project FILE.neuron.');
  }
  if (options.project === undefined) return;
  const given = PLAN_OPTIONS.filter(([key]) => options[key] !== undefined).map(([, name]) => name);
  if (options.skipBadRows) given.push('--skip-bad-rows');
  if (given.length > 0) {
    throw new UsageError(
      `${given.join(', ')} cannot go with --project: the run goes on with the project's own table and model. ` +
        'Change the model in the app, or give only --epochs (and --out, --save, --json) with --project.',
    );
  }
}

/** The weights of --from, read with the bounded reader and checked. */
export function weightsToContinue(file: string): Promise<WeightsFile> {
  return forOption('--from', readWeightsFile(file));
}

/** The project of --project put in the session, and the run of it to go on from. */
export async function projectToContinue(options: TrainOptions, session: Session): Promise<{ run: Run; from: ContinueFrom }> {
  const run = await projectRunInSession(options.project!, options.run, session);
  return { run, from: { runId: run.id, ...(options.epochs !== undefined ? { epochs: options.epochs } : {}) } };
}
