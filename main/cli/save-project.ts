// train --save FILE.neuron: before training, a file already at that path must be a project that opens; the project
// itself is written by the services (main/services/project-save.ts) from the session the run trained in.

import { checkReplaceableProject } from '../services/project-save';

export async function checkSaveTarget(file: string): Promise<void> {
  try {
    await checkReplaceableProject(file);
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'ProjectFileError') throw error;
    error.message = `--save: ${error.message} Nothing was trained; give --save another file name, or move that file away.`;
    throw error;
  }
}
