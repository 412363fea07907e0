// The open project written to a file of its own without the app's bookkeeping (no recent list, no autosave): what
// train --save writes, the same project file the app's Save writes (toProjectFile, the project module's checked save).

import { access } from 'node:fs/promises';
import { writeTarget } from '../files/write-target';
import { openProject, projectName, saveProject } from '../project';
import { toProjectFile } from './project-convert';
import type { Session } from './session';

/** Writes the session to `file` (a .neuron name; the project is named after it) and says where it went. */
export async function saveSessionAs(session: Session, file: string): Promise<string> {
  const target = await writeTarget(file, 'project');
  await saveProject(target, { ...toProjectFile(session), name: projectName(target) });
  return target;
}

/**
 * A file already at `file` must be a project that opens (it is replaced, its previous version kept as .bak), so that
 * a long run does not end in a refused save; anything else there is refused (ProjectFileError) and left untouched.
 */
export async function checkReplaceableProject(file: string): Promise<void> {
  const present = await access(file).then(() => true, () => false);
  if (present) await openProject(file);
}
