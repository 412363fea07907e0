// The one open project: its table, column descriptions, plan, runs, screen state, file path and unsaved mark.
// Services change it; it tells every window (project.changed) when its name, path or unsaved mark move.

import type { Dataset } from '../../workers/data/dataset';
import type { DatasetSummary, Describe, PlanDraft, ProjectState, Run, UiState } from '../contract';
import { UiStateSchema } from '../contract';
import type { EventHub } from '../transport/dispatch';
import { userError } from '../transport/errors';

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
  dirty = false;
  /** ISO time the project was first made; kept through saves */
  createdAt = new Date().toISOString();
  dataset: LoadedDataset | null = null;
  plan: PlanDraft | null = null;
  /** oldest first */
  runs: Run[] = [];
  ui: UiState = UiStateSchema.parse({});
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
  }): void {
    this.generation++;
    this.name = content.name;
    this.path = content.path;
    this.dirty = content.dirty;
    this.createdAt = content.createdAt ?? new Date().toISOString();
    this.dataset = content.dataset;
    this.plan = content.plan;
    this.runs = content.runs;
    this.ui = UiStateSchema.parse(content.ui);
    this.announce(true);
  }

  /** Something the user would want saved has changed. */
  touch(): void {
    this.dirty = true;
    this.onTouch();
    this.announce();
  }

  /** Saved to `path` just now. */
  saved(path: string, name: string): void {
    this.path = path;
    this.name = name;
    this.dirty = false;
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
