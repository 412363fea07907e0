// The window around every screen: app info, the screen shown and the other screen choices (ui), the unsaved mark,
// the problem banner, notices, the busy message, attempt(), the file chooser and the unsaved-work question.

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, ArgsOf, ErrorInfo, FileSuggestion, ProjectState, UiState } from '../../../main/contract';
import { EXPORT_FORMATS, type ExportFormat } from '../../../workers/exports/formats';
import { plain, toErrorInfo, useApi } from '../api';

export type Screen = 'start' | 'data' | 'model' | 'train' | 'evaluate' | 'use' | 'report';

/** What the file chooser is asked for; the save kinds accept a path that does not exist yet. */
export type FileKind = 'csv' | 'project' | 'saveProject' | 'saveCsv' | `export:${ExportFormat}`;

/** The save kinds as the main side names them (it decides where each is first offered). */
function saveKindOf(kind: FileKind): ArgsOf<'files.savePath'>['kind'] | null {
  if (kind.startsWith('export:')) return kind.slice('export:'.length) as ExportFormat;
  return kind === 'saveProject' ? 'project' : kind === 'saveCsv' ? 'predictions' : null;
}

/** The browser-mode path field, open while a person chooses a file. */
export interface FilePrompt {
  /** one number per request for a file: the dialog fills its field only when this changes */
  id: number;
  kind: FileKind;
  title: string;
  path: string;
  suggestions: FileSuggestion[];
  resolve: (path: string | null) => void;
}

export type UnsavedAnswer = 'save' | 'discard' | 'cancel';

/** The in-app question asked before work would be lost. */
export interface UnsavedPrompt {
  doing: string;
  resolve: (answer: UnsavedAnswer) => void;
}

const DEFAULT_UI: UiState = { screen: 'start', selectedRunId: null, threshold: 0.5, compareRunIds: [] };

export const useShellStore = defineStore('shell', () => {
  const info = ref<AppInfo | null>(null);
  const ready = ref(false);
  const ui = ref<UiState>({ ...DEFAULT_UI });
  /** the unsaved mark: the project has changes not yet in its file */
  const dirty = ref(false);
  /** the message over every screen; null when all is well */
  const problem = ref<ErrorInfo | null>(null);
  /** a short, calm confirmation ("Saved to …") */
  const notice = ref<string | null>(null);
  /** what the app is busy with, in words; null when idle */
  const busy = ref<string | null>(null);
  const filePrompt = ref<FilePrompt | null>(null);
  const unsavedPrompt = ref<UnsavedPrompt | null>(null);
  /** requests for a file so far; an answer that arrives for an older one is stale */
  let fileRequests = 0;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

  function hydrate(state: ProjectState): void {
    dirty.value = state.dirty;
    ui.value = { ...DEFAULT_UI, ...state.ui };
  }

  function report(error: unknown, doing?: string): void {
    problem.value = toErrorInfo(error, doing);
  }

  function dismissProblem(): void {
    problem.value = null;
  }

  function say(message: string): void {
    notice.value = message;
    clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => (notice.value = null), 4000);
  }

  /** Runs an action with a busy message, turning any failure into the problem banner; returns undefined on failure. */
  async function attempt<T>(doing: string, action: () => Promise<T>, showBusy = true): Promise<T | undefined> {
    if (showBusy) busy.value = doing;
    try {
      return await action();
    } catch (error) {
      report(error, doing.toLowerCase().replace(/…$/, ''));
      return undefined;
    } finally {
      if (showBusy && busy.value === doing) busy.value = null;
    }
  }

  async function goTo(screen: Screen): Promise<void> {
    ui.value = { ...ui.value, screen };
    await setUi({ screen });
  }

  /** Remembers screen choices in the project (without marking it unsaved). */
  async function setUi(patch: Partial<UiState> & Record<string, unknown>): Promise<void> {
    ui.value = { ...ui.value, ...patch };
    try {
      await useApi().project.setUi({ ui: plain(patch) });
    } catch (error) {
      report(error, 'remembering the screen');
    }
  }

  /** Asks the person what to do with unsaved work before they `doing` (e.g. "open another project"). */
  async function askUnsaved(doing: string): Promise<UnsavedAnswer> {
    const answer = await new Promise<UnsavedAnswer>((resolve) => {
      unsavedPrompt.value = { doing, resolve };
    });
    unsavedPrompt.value = null;
    return answer;
  }

  function answerUnsaved(answer: UnsavedAnswer): void {
    unsavedPrompt.value?.resolve(answer);
  }

  const titles: Record<'csv' | 'project' | 'saveProject' | 'saveCsv', string> = {
    csv: 'Choose a CSV file',
    project: 'Open a project',
    saveProject: 'Save the project as',
    saveCsv: 'Save the predictions as',
  };
  function titleOf(kind: FileKind): string {
    if (!kind.startsWith('export:')) return titles[kind as keyof typeof titles];
    const format = EXPORT_FORMATS[kind.slice('export:'.length) as ExportFormat];
    return format.writes === 'folder' ? `Export as ${format.title} (the name of a new folder)` : `Export as ${format.title}`;
  }

  /** Where the main side offers to save a new file of this kind; '' for opening, or if it cannot say. */
  async function defaultPathFor(kind: FileKind): Promise<string> {
    const saveKind = saveKindOf(kind);
    if (!saveKind) return '';
    try {
      return await useApi().files.savePath({ kind: saveKind });
    } catch {
      // the field still takes any path
      return '';
    }
  }

  /**
   * A file path from the person: the desktop's native dialog, or in browser mode the path field with suggestions
   * (recent files and the datasets folder). Null when they cancel, and for a request overtaken by a newer one or
   * made while they are answering another (it never replaces a field they may be typing in).
   */
  async function chooseFile(kind: FileKind, title = titleOf(kind)): Promise<string | null> {
    const api = useApi();
    const asked = ++fileRequests;
    if (info.value?.nativeDialogs) {
      const defaultPath = await defaultPathFor(kind);
      const args = defaultPath ? { title, defaultPath } : { title };
      const answer = await attempt(
        'Choosing a file…',
        () => {
          switch (kind) {
            case 'csv':
              return api.dialogs.openCsv(args);
            case 'project':
              return api.dialogs.openProject(args);
            case 'saveProject':
              return api.dialogs.saveProject(args);
            case 'saveCsv':
              return api.dialogs.saveCsv(args);
            default:
              return api.dialogs.saveExport({ format: kind.slice('export:'.length) as ExportFormat, ...args });
          }
        },
        false,
      );
      return answer ?? null;
    }
    // everything the field shows arrives before it opens, so nothing fills it in after a person starts typing
    const [defaultPath, suggestions] = await Promise.all([
      defaultPathFor(kind),
      api.files.suggestions({ kind: kind === 'project' || kind === 'saveProject' ? 'project' : 'csv' }).catch(
        // suggestions only help; the field still takes any path
        () => [] as FileSuggestion[],
      ),
    ]);
    if (asked !== fileRequests || filePrompt.value) return null;
    return new Promise<string | null>((resolve) => {
      filePrompt.value = {
        id: asked,
        kind,
        title,
        path: defaultPath,
        suggestions,
        resolve: (chosen) => {
          filePrompt.value = null;
          resolve(chosen && chosen.trim() ? chosen.trim() : null);
        },
      };
    });
  }

  return {
    info,
    ready,
    ui,
    dirty,
    problem,
    notice,
    busy,
    filePrompt,
    unsavedPrompt,
    hydrate,
    report,
    dismissProblem,
    say,
    attempt,
    goTo,
    setUi,
    askUnsaved,
    answerUnsaved,
    chooseFile,
  };
});
