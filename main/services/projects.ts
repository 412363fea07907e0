// New, open, save and save-as of the .neuron file; autosave to the recovery file; the recent projects list.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  createAutosaver,
  createRecentList,
  decodeDataset,
  discardRecovery,
  findRecovery,
  openProject,
  openRecovery,
  PROJECT_EXTENSION,
  projectName,
  recoveryPath,
  saveProject,
  type Autosaver,
  type ProjectFile,
  type RecentList,
} from '../project';
import type { ProjectChanged, ProjectState, Recovery, RecentProject } from '../contract';
import type { WriteFs } from '../files/write-file';
import { writeTarget } from '../files/write-target';
import { userError } from '../errors';
import { describeLabel, loadDataset, type CsvParser } from './datasets';
import { runFromStored, searchFromStored, toProjectFile } from './project-convert';
import { UNTITLED, type Session } from './session';

export interface ProjectsOptions {
  session: Session;
  /** the app's own folder: recent list, recovery file */
  dataDir: string;
  parser?: CsvParser;
  /** ms between autosaves; default 5000 */
  autosaveMs?: number;
  /** called before the session is replaced (stop the old project's runs) */
  beforeReplace?: () => void;
  /** the file system calls of saves (tests inject short writes and full disks) */
  writeFs?: WriteFs;
}

export class Projects {
  readonly recent: RecentList;
  private readonly autosaver: Autosaver;
  private readonly session: Session;
  private readonly autosaveDir: string;
  /** where a recovery file found at start-up is kept until the user restores or discards it */
  private readonly foundDir: string;
  private readonly ready: Promise<void>;

  constructor(private readonly options: ProjectsOptions) {
    this.session = options.session;
    this.recent = createRecentList(path.join(options.dataDir, 'recent-projects.json'));
    this.autosaveDir = path.join(options.dataDir, 'autosave');
    this.foundDir = path.join(options.dataDir, 'recovered');
    this.autosaver = createAutosaver({
      dir: this.autosaveDir,
      intervalMs: options.autosaveMs,
      getSnapshot: () =>
        this.session.dirty && (this.session.dataset || this.session.runs.length > 0)
          ? { project: toProjectFile(this.session), projectPath: this.session.path }
          : null,
      onError: (error) => console.error('[neuron-studio] autosave failed:', error),
    });
    // The last session's autosave is set aside first, so this session's autosaves cannot overwrite it.
    this.ready = this.setAsideLastAutosave();
  }

  /** The session changed in a way worth saving. */
  changed(): void {
    this.autosaver.markDirty();
  }

  async create(name?: string): Promise<ProjectState> {
    this.options.beforeReplace?.();
    this.session.replace({ name: name?.trim() || UNTITLED, path: null, dirty: false, dataset: null, plan: null, runs: [], ui: {} });
    await this.autosaver.markClean();
    return this.session.state();
  }

  async open(file: string): Promise<ProjectState> {
    const full = path.resolve(file);
    const project = await openProject(full);
    await this.load(project, full, false);
    await this.autosaver.markClean();
    await this.recent.add(full);
    return this.session.state();
  }

  /** Save to the project's file, or to `file` (save as). A failed save leaves the work unsaved. */
  async save(file?: string): Promise<ProjectChanged> {
    const asked = file ?? this.session.path;
    if (!asked) {
      throw userError('no_path', 'This project has not been saved before, so it needs a file name.', {
        hint: 'Use Save As… and choose where to keep it.',
      });
    }
    const target = await writeTarget(asked, 'project');
    const nameForFile = file ? projectName(target) : this.session.name;
    // counted with the snapshot: saveProject turns it into text before it first waits
    const written = this.session.changeCount;
    const generation = this.session.generation;
    const project: ProjectFile = { ...toProjectFile(this.session), name: nameForFile };
    await saveProject(target, project, { fs: this.options.writeFs });
    // another project opened meanwhile is not the one this save wrote: its state is what the screens show
    if (this.session.generation !== generation) return { name: this.session.name, path: this.session.path, dirty: this.session.dirty };
    this.session.saved(target, nameForFile, written);
    // Changes made while saving are not in the file: the autosave keeps them.
    if (this.session.dirty) this.autosaver.markDirty();
    else await this.autosaver.markClean().catch((error: unknown) => console.error('[neuron-studio] autosave not cleared:', error));
    // the list is a convenience: a list that cannot be written does not make a saved project "not saved"
    await this.recent.add(target).catch((error: unknown) => console.error('[neuron-studio] recent list not updated:', error));
    return { name: this.session.name, path: this.session.path, dirty: this.session.dirty };
  }

  async recentProjects(): Promise<RecentProject[]> {
    return this.recent.list();
  }

  async checkRecovery(): Promise<Recovery> {
    await this.ready;
    const found = await findRecovery(this.foundDir);
    if (!found) return { available: false };
    return { available: true, name: found.name, path: found.projectPath, savedAt: found.savedAt };
  }

  async restoreRecovery(): Promise<ProjectState> {
    await this.ready;
    const file = recoveryPath(this.foundDir);
    // findRecovery also says "nothing" once the work's project was saved after the autosave: never older over newer
    if (!(await findRecovery(this.foundDir))) {
      throw userError('no_recovery', 'There is no autosaved work to restore (or its project was saved since).', {
        hint: 'Open a project or start a new one.',
      });
    }
    const snapshot = await openRecovery(file);
    await this.load(snapshot.project, snapshot.projectPath, true);
    await discardRecovery(this.foundDir);
    this.autosaver.markDirty();
    return this.session.state();
  }

  async discardRecovery(): Promise<void> {
    await this.ready;
    await discardRecovery(this.foundDir);
  }

  /** The user chose not to keep the unsaved work (closing with "Don't Save"): nothing to recover. */
  async discardAutosave(): Promise<void> {
    await this.autosaver.markClean();
  }

  /** Write any pending autosave now (before quitting with unsaved work, or in tests). */
  flushAutosave(): Promise<void> {
    return this.autosaver.flush();
  }

  async close(): Promise<void> {
    await this.autosaver.stop();
  }

  private async load(project: ProjectFile, file: string | null, dirty: boolean): Promise<void> {
    const content = await projectContent(project, file, dirty, this.options.parser);
    this.options.beforeReplace?.();
    this.session.replace(content);
  }

  private async setAsideLastAutosave(): Promise<void> {
    const last = recoveryPath(this.autosaveDir);
    if (!(await fs.stat(last).catch(() => null))) return;
    await fs.mkdir(this.foundDir, { recursive: true });
    await fs.rename(last, recoveryPath(this.foundDir));
  }
}

/** What an opened project file puts in the session (Session.replace): its table read again, its runs, its plan; the
 * app's Open and `train --project` alike. */
export async function projectContent(project: ProjectFile, file: string | null, dirty: boolean, parser?: CsvParser): Promise<Parameters<Session['replace']>[0]> {
  let dataset = null;
  if (project.dataset) {
    const bytes = decodeDataset(project, file ?? `${project.name}${PROJECT_EXTENSION}`);
    const { fileName, originalPath, parse } = project.dataset;
    dataset = await loadDataset(bytes, fileName, originalPath, parse, parser);
    if (project.plan?.label) {
      // the label chosen in the project, not the one suggested on import
      try {
        dataset.describe.labelTask = describeLabel(dataset.data, project.plan.label, project.plan.task);
      } catch {
        dataset.describe.labelTask = null; // a label no longer in the table: the Data screen says so
      }
    }
  }
  return {
    name: project.name || (file ? projectName(file) : UNTITLED),
    path: file,
    dirty,
    createdAt: project.createdAt,
    dataset,
    plan: project.plan,
    runs: project.runs.map(runFromStored),
    ui: project.ui,
    search: project.search ? searchFromStored(project.search) : null,
  };
}
