// The table the person brought: importing it (path, dialog, drop), its column profiles and the task its label makes,
// and pages of rows for the virtualised table.

import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { DatasetSummary, Describe, ErrorInfo, FileSuggestion, ProjectState } from '../../../main/contract';
import { toErrorInfo, useApi } from '../api';
import { useShellStore } from './shell';

export type ColumnProfile = Describe['profiles'][number];
export type LabelTask = NonNullable<Describe['labelTask']>;

/** Rows fetched per request for the table. */
export const ROWS_PAGE = 200;

export interface RowsPage {
  columns: string[];
  rows: string[][];
}

/** What an import hands on to the rest of the app; whole-project.ts connects it. */
export interface DataLinks {
  /** every screen rebuilt from the main side's state (the new table and its starting plan) */
  refreshProject(): Promise<void>;
}

export const useDataStore = defineStore('data', () => {
  const shell = useShellStore();
  let links: DataLinks = { refreshProject: async () => {} };
  const summary = ref<DatasetSummary | null>(null);
  const profiles = shallowRef<ColumnProfile[]>([]);
  const roles = shallowRef<Describe['roles'] | null>(null);
  const labelTask = shallowRef<LabelTask | null>(null);
  const importing = ref(false);
  /** why the last import failed, shown at the import panel */
  const importError = ref<ErrorInfo | null>(null);
  /** the last import's inputs, so "skip bad rows" can retry it */
  const lastImport = ref<{ path?: string; fileName: string; content?: string } | null>(null);
  /** bumps whenever the table changes, so the row cache starts again */
  const tableVersion = ref(0);
  // Pages of rows by page number; not reactive (the table asks for what it draws).
  let pages = new Map<number, Promise<RowsPage>>();

  function connect(to: DataLinks): void {
    links = to;
  }

  function hydrate(state: ProjectState): void {
    summary.value = state.dataset;
    profiles.value = state.describe?.profiles ?? [];
    roles.value = state.describe?.roles ?? null;
    labelTask.value = state.describe?.labelTask ?? null;
    importError.value = null;
    resetRows();
  }

  function resetRows(): void {
    pages = new Map();
    tableVersion.value++;
  }

  async function describe(): Promise<void> {
    const result = await shell.attempt('Describing the columns…', () => useApi().dataset.describe(), false);
    if (!result) return;
    profiles.value = result.profiles;
    roles.value = result.roles;
    labelTask.value = result.labelTask;
  }

  /** After an import the main side has a new table and its starting plan: rebuild the data and model screens. */
  async function afterImport(): Promise<void> {
    await links.refreshProject();
    importError.value = null;
    if (shell.ui.screen === 'start') await shell.goTo('data');
  }

  async function importPath(path: string, options: { skipBadRows?: boolean; header?: boolean } = {}): Promise<boolean> {
    const fileName = path.split(/[\\/]/).pop() ?? path;
    lastImport.value = { path, fileName };
    importing.value = true;
    importError.value = null;
    shell.busy = `Reading ${fileName}…`;
    try {
      await useApi().dataset.import({ path, ...options });
      await afterImport();
      return true;
    } catch (error) {
      importError.value = toErrorInfo(error, `reading ${fileName}`);
      return false;
    } finally {
      importing.value = false;
      shell.busy = null;
    }
  }

  /** A CSV dropped on the window: its text goes to the main side. */
  async function importDropped(file: { name: string; text(): Promise<string> }, options: { skipBadRows?: boolean } = {}): Promise<boolean> {
    importing.value = true;
    importError.value = null;
    shell.busy = `Reading ${file.name}…`;
    try {
      const content = await file.text();
      lastImport.value = { fileName: file.name, content };
      await useApi().dataset.importContent({ fileName: file.name, content, ...options });
      await afterImport();
      return true;
    } catch (error) {
      importError.value = toErrorInfo(error, `reading ${file.name}`);
      return false;
    } finally {
      importing.value = false;
      shell.busy = null;
    }
  }

  /** Tries the last failed import again, leaving out the rows that do not fit. */
  async function retrySkippingBadRows(): Promise<boolean> {
    const last = lastImport.value;
    if (!last) return false;
    if (last.path) return importPath(last.path, { skipBadRows: true });
    if (last.content !== undefined) {
      const content = last.content;
      return importDropped({ name: last.fileName, text: async () => content }, { skipBadRows: true });
    }
    return false;
  }

  async function chooseAndImport(): Promise<boolean> {
    const path = await shell.chooseFile('csv');
    return path ? importPath(path) : false;
  }

  /** One page of rows as text, cached; failures show as the problem banner and an empty page. */
  function rowsPage(page: number): Promise<RowsPage> {
    let pending = pages.get(page);
    if (!pending) {
      const start = page * ROWS_PAGE;
      pending = useApi()
        .dataset.rows({ start, count: ROWS_PAGE })
        .then((answer) => ({ columns: answer.columns, rows: answer.rows }))
        .catch((error) => {
          pages.delete(page);
          shell.report(error, 'reading rows of the table');
          return { columns: [], rows: [] };
        });
      pages.set(page, pending);
    }
    return pending;
  }

  /** CSV files to offer beside the path field: the datasets folder and recent files. */
  async function csvSuggestions(): Promise<FileSuggestion[]> {
    try {
      return await useApi().files.suggestions({ kind: 'csv' });
    } catch {
      return [];
    }
  }

  function profileOf(column: string): ColumnProfile | undefined {
    return profiles.value.find((p) => p.name === column);
  }

  return {
    summary,
    profiles,
    roles,
    labelTask,
    importing,
    importError,
    lastImport,
    tableVersion,
    connect,
    hydrate,
    resetRows,
    describe,
    importPath,
    importDropped,
    retrySkippingBadRows,
    chooseAndImport,
    rowsPage,
    csvSuggestions,
    profileOf,
  };
});
