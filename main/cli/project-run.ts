// The run that --project FILE.neuron and --run NAME mean, with its project opened into a session (its table read
// again): what train --project goes on from, and what predict --project --explain explains.

import path from 'node:path';
import { openProject } from '../project';
import { projectContent } from '../services/projects';
import { pickRun } from '../services/project-run';
import type { Session } from '../services/session';
import type { Run } from '../../workers/run';
import { forOption } from './files';

/** The project put in the session, and its run named `runName` (else its latest with trained weights). */
export async function projectRunInSession(file: string, runName: string | undefined, session: Session): Promise<Run> {
  const project = await forOption('--project', openProject(file));
  session.replace(await forOption('--project', projectContent(project, path.resolve(file), false)));
  return forOption('--project', Promise.resolve().then(() => pickRun(session.runs, file, runName)));
}
