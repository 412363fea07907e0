// Autosave of unsaved work to a recovery file, so a crash loses at most a few seconds; found again at the next start.

import fs from 'node:fs/promises';
import path from 'node:path';
import { readFileBounded, readFileIfPresent } from '../files/read-file';
import { mustParseAsJson, writeFileVerified } from '../files/write-file';
import { ProjectFileError } from './errors';
import { looksCutOff, projectFromJson, projectReadFailed } from './open';
import { ProjectFileSchema, type ProjectFile } from './schema';

export const RECOVERY_FORMAT = 'neuron-studio.recovery';
export const RECOVERY_FILE_NAME = 'recovery.neuron-recovery';

/** What the app hands the autosaver: the project as it is now, and its own file if it has one. */
export interface RecoverySnapshot {
  project: ProjectFile;
  projectPath: string | null;
}

export interface FoundRecovery {
  /** the recovery file */
  path: string;
  /** ms since epoch, when the autosave was written */
  savedAt: number;
  /** the project's name */
  name: string;
  /** the project's own .neuron file, or null for a project never saved */
  projectPath: string | null;
}

export interface Autosaver {
  /** something changed: the next tick writes the recovery file */
  markDirty(): void;
  /** the user saved (or discarded) the work: nothing to recover any more; removes the recovery file */
  markClean(): Promise<void>;
  /** writes now if there are unsaved changes */
  flush(): Promise<void>;
  /** stops the timer and writes what is still unsaved (the app is stopping with unsaved work: keep it for the next
   * start); leaves the recovery file (call markClean first when the person chose not to keep their changes) */
  stop(): Promise<void>;
  readonly dirty: boolean;
}

export interface AutosaverOptions {
  /** the app's recovery folder (userData, or ~/.neuron-studio) */
  dir: string;
  /** default 5000 */
  intervalMs?: number;
  /** null when there is nothing worth keeping */
  getSnapshot: () => RecoverySnapshot | null;
  /** a failed autosave is not fatal; the app may log or show it */
  onError?: (error: unknown) => void;
}

export function recoveryPath(dir: string): string {
  return path.join(dir, RECOVERY_FILE_NAME);
}

export function createAutosaver(options: AutosaverOptions): Autosaver {
  const file = recoveryPath(options.dir);
  let dirty = false;
  let writing: Promise<void> = Promise.resolve();

  async function write(): Promise<void> {
    if (!dirty) return;
    dirty = false; // a change made while writing sets it again, and the next tick writes again
    try {
      const snapshot = options.getSnapshot();
      if (!snapshot) return;
      const project = ProjectFileSchema.parse(snapshot.project);
      const body = { format: RECOVERY_FORMAT, version: 1, savedAt: new Date().toISOString(), projectPath: snapshot.projectPath, project };
      await fs.mkdir(options.dir, { recursive: true });
      await writeFileVerified(file, JSON.stringify(body), { what: 'autosave', verify: mustParseAsJson });
    } catch (error) {
      dirty = true;
      options.onError?.(error);
    }
  }

  function tick(): Promise<void> {
    writing = writing.then(write);
    return writing;
  }

  const timer = setInterval(() => void tick(), options.intervalMs ?? 5000);
  timer.unref(); // the autosaver never keeps the app (or a test) alive

  return {
    markDirty() {
      dirty = true;
    },
    async markClean() {
      dirty = false;
      await writing;
      await discardRecovery(options.dir);
    },
    flush: tick,
    async stop() {
      clearInterval(timer);
      await tick();
    },
    get dirty() {
      return dirty;
    },
  };
}

/** Reads the recovery file; throws ProjectFileError if it is missing or damaged. */
export async function openRecovery(file: string): Promise<RecoverySnapshot & { savedAt: number }> {
  let text: string;
  try {
    text = Buffer.from(await readFileBounded(file, 'project')).toString('utf8');
  } catch (error) {
    const problem = projectReadFailed(file, error);
    throw new ProjectFileError(
      problem.code,
      file,
      problem.code === 'not_found' ? 'There is no autosaved work to restore.' : `The autosaved work could not be read: ${problem.message}`,
    );
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new ProjectFileError(looksCutOff(text) ? 'truncated' : 'not_json', file, 'The autosaved work is damaged and cannot be restored.');
  }
  if (body?.format !== RECOVERY_FORMAT) {
    throw new ProjectFileError('wrong_format', file, `${path.basename(file)} is not a Neuron Studio recovery file.`);
  }
  // The project inside goes through the same checks (and migration) as an opened file.
  const project = await projectFromJson(body.project, file);
  const savedAt = Date.parse(String(body.savedAt));
  return {
    project,
    projectPath: typeof body.projectPath === 'string' ? body.projectPath : null,
    savedAt: Number.isFinite(savedAt) ? savedAt : (await fs.stat(file)).mtimeMs,
  };
}

/** When the project file at `file` was last saved (its savedAt), or null when it is missing or cannot be read. */
export async function lastSavedAt(file: string): Promise<number | null> {
  try {
    const bytes = await readFileIfPresent(file, 'project');
    if (!bytes) return null;
    const savedAt = Date.parse(String((JSON.parse(Buffer.from(bytes).toString('utf8')) as { savedAt?: unknown }).savedAt));
    return Number.isFinite(savedAt) ? savedAt : null;
  } catch {
    return null; // a damaged project file: the autosave may be the best copy left
  }
}

/**
 * Autosaved work left by a session that did not end well, or null. Null too when the work's own project file was
 * saved after the autosave (opened and saved again since): restoring would replace newer work with older.
 * A damaged recovery file is left in place.
 */
export async function findRecovery(dir: string): Promise<FoundRecovery | null> {
  const file = recoveryPath(dir);
  let found: FoundRecovery;
  try {
    const opened = await openRecovery(file);
    found = { path: file, savedAt: opened.savedAt, name: opened.project.name, projectPath: opened.projectPath };
  } catch {
    return null;
  }
  if (found.projectPath) {
    const saved = await lastSavedAt(found.projectPath);
    if (saved !== null && saved >= found.savedAt) return null;
  }
  return found;
}

export async function discardRecovery(dir: string): Promise<void> {
  await fs.rm(recoveryPath(dir), { force: true });
}
