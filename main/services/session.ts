// The one open project: its table, column descriptions, plan, runs, screen state, file path and unsaved mark.
// Services change it; it tells every window (project.changed) when its name, path or unsaved mark move.

import type { Dataset } from '../../workers/data/dataset';
import type { SearchBoard } from '../../workers/search-board';
import type { DatasetSummary, Describe, PlanDraft, ProjectState, Run, UiState } from '../contract';
import { UiStateSchema } from '../contract';
import type { EventHub } from '../events';
import { userError } from '../errors';

/** The table as read, with the bytes it came from (embedded in the project file on save). */
export interface LoadedDataset {
  data: Dataset;
  bytes: Uint8Array;
  fileName: string;
  originalPath: string | null;
  parse: { header: 'auto' | boolean; skipBadRows?: boolean };
  summary: DatasetSummary;
  describe: Describe;
}

export const UNTITLED = 'Untitled project';

export class Session {
  name = UNTITLED;
  path: string | null = null;
  /** changes made since the project was opened or made; a save records how many it holds */
  private changes = 0;
  /** the changes the file on disk holds (-1: none, e.g. restored autosaved work) */
  private savedChanges = 0;
  /** ISO time the project was first made; kept through saves */
  createdAt = new Date().toISOString();
  dataset: LoadedDataset | null = null;
  plan: PlanDraft | null = null;
  /** oldest first */
  runs: Run[] = [];
  ui: UiState = UiStateSchema.parse({});
  /** the last "Find a good network for me": its leaderboard (filled in place while it runs) */
  search: SearchBoard | null = null;
  /** bumps on every replace, so events of runs from a closed project are recognised and dropped */
  generation = 0;
  private announced = { name: this.name, path: this.path, dirty: this.dirty };
  /** told after every change worth saving (the autosaver listens) */
  onTouch: () => void = () => undefined;

  constructor(private readonly hub: EventHub) {}

  /** Start over with another project's content (new, open, restore). */
  replace(content: {
    name: string;
    path: string | null;
    dirty: boolean;
    createdAt?: string;
    dataset: LoadedDataset | null;
    plan: PlanDraft | null;
    runs: Run[];
    ui: Partial<UiState>;
    search?: SearchBoard | null;
  }): void {
    this.generation++;
    this.name = content.name;
    this.path = content.path;
    this.changes = 0;
    this.savedChanges = content.dirty ? -1 : 0;
    this.createdAt = content.createdAt ?? new Date().toISOString();
    this.dataset = content.dataset;
    this.plan = content.plan;
    this.runs = content.runs;
    this.ui = UiStateSchema.parse(content.ui);
    this.search = content.search ?? null;
    this.announce(true);
  }

  /** Unsaved changes: a change made since the last save (or restored work never saved). */
  get dirty(): boolean {
    return this.changes !== this.savedChanges;
  }

  /** How many changes a snapshot taken now holds; hand it to saved() once that snapshot is on disk. */
  get changeCount(): number {
    return this.changes;
  }

  /** Something the user would want saved has changed. */
  touch(): void {
    this.changes++;
    this.onTouch();
    this.announce();
  }

  /**
   * Saved to `path` just now, holding the first `changeCount` changes: changes made while the save was running are
   * not in the file, so they stay unsaved.
   */
  saved(path: string, name: string, changeCount: number): void {
    this.path = path;
    this.name = name;
    // an older snapshot whose save ends after a newer one's does not bring back changes the newer one holds
    this.savedChanges = Math.max(this.savedChanges, changeCount);
    this.announce();
  }

  run(runId: string): Run {
    const run = this.runs.find((r) => r.id === runId);
    if (!run) {
      throw userError('no_run', 'This training run is not in the project (it may have been deleted).', {
        hint: 'Choose another run from the list.',
      });
    }
    return run;
  }

  requireDataset(): LoadedDataset {
    if (!this.dataset) {
      throw userError('no_dataset', 'There is no data in this project yet.', {
        hint: 'Import a CSV file first (or open the example).',
      });
    }
    return this.dataset;
  }

  state(): ProjectState {
    return {
      name: this.name,
      path: this.path,
      dirty: this.dirty,
      dataset: this.dataset?.summary ?? null,
      describe: this.dataset?.describe ?? null,
      plan: this.plan,
      runs: this.runs,
      ui: this.ui,
      search: this.search,
    };
  }

  /** project.changed when the name, path or unsaved mark differ from what was last told. */
  private announce(always = false): void {
    const now = { name: this.name, path: this.path, dirty: this.dirty };
    const a = this.announced;
    if (!always && a.name === now.name && a.path === now.path && a.dirty === now.dirty) return;
    this.announced = now;
    this.hub.emit('project.changed', now);
  }
}
