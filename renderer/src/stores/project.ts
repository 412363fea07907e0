// The project as a whole: its name, file and unsaved mark, the screen shown, New / Open / Save / Save As, recent
// projects, crash recovery, file choosing (native dialog or browser-mode path field), and the message shown when
// something goes wrong. Rebuilding every screen from the main side's state starts here (hydrate).

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { AppInfo, ErrorInfo, FileSuggestion, PayloadOf, ProjectState, RecentProject, Recovery, UiState } from '../../../main/contract';
import { onConnectionLost, plain, toErrorInfo, useApi } from '../api';
import { useDataStore } from './data';
import { useModelStore } from './model';
import { useTrainingStore } from './training';
import { useEvaluationStore } from './evaluation';

export type Screen = 'start' | 'data' | 'model' | 'train' | 'evaluate' | 'use';

/** What the file chooser is asked for; the save kinds accept a path that does not exist yet. */
export type FileKind = 'csv' | 'project' | 'saveProject' | 'saveCsv' | 'saveWeights';

/** The save kinds as the main side names them (it decides where each is first offered). */
const SAVE_KINDS: Partial<Record<FileKind, 'project' | 'predictions' | 'weights'>> = {
  saveProject: 'project',
  saveCsv: 'predictions',
  saveWeights: 'weights',
};

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

/** The in-app question asked before work would be lost. */
export interface UnsavedPrompt {
  doing: string;
  resolve: (answer: 'save' | 'discard' | 'cancel') => void;
}

const DEFAULT_UI: UiState = { screen: 'start', selectedRunId: null, threshold: 0.5, compareRunIds: [] };

export const useProjectStore = defineStore('project', () => {
  const info = ref<AppInfo | null>(null);
  const name = ref('Untitled');
  const path = ref<string | null>(null);
  const dirty = ref(false);
  const ui = ref<UiState>({ ...DEFAULT_UI });
  const recent = ref<RecentProject[]>([]);
  const recovery = ref<Recovery | null>(null);
  /** the message over every screen; null when all is well */
  const problem = ref<ErrorInfo | null>(null);
  /** a short, calm confirmation ("Saved to …") */
  const notice = ref<string | null>(null);
  /** what the app is busy with, in words; null when idle */
  const busy = ref<string | null>(null);
  const ready = ref(false);
  const filePrompt = ref<FilePrompt | null>(null);
  const unsavedPrompt = ref<UnsavedPrompt | null>(null);
  let unsubscribes: (() => void)[] = [];
  /** requests for a file so far; an answer that arrives for an older one is stale */
  let fileRequests = 0;
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;

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

  /** Every screen rebuilt from the main side's state (after open, new, import, recovery). */
  function hydrate(state: ProjectState): void {
    name.value = state.name;
    path.value = state.path;
    dirty.value = state.dirty;
    ui.value = { ...DEFAULT_UI, ...state.ui };
    useDataStore().hydrate(state);
    useModelStore().hydrate(state);
    useTrainingStore().hydrate(state);
    useEvaluationStore().hydrate(state);
  }

  async function refresh(): Promise<void> {
    hydrate(await useApi().project.state());
  }

  async function init(): Promise<void> {
    const api = useApi();
    // say it at once: a person watching a run would otherwise see the charts just stop
    onConnectionLost((info) => {
      problem.value = info;
    });
    await attempt('Connecting…', async () => {
      info.value = await api.app.info();
      for (const off of unsubscribes) off();
      unsubscribes = [
        api.onProjectChanged((change) => {
          name.value = change.name;
          path.value = change.path;
          dirty.value = change.dirty;
        }),
        api.onAppCommand((command) => void runCommand(command)),
      ];
      useTrainingStore().setUp();
      await refresh();
      recovery.value = await api.recovery.check();
      recent.value = await api.project.recent();
    });
    ready.value = true;
  }

  function tearDown(): void {
    for (const off of unsubscribes) off();
    unsubscribes = [];
    useTrainingStore().tearDown();
  }

  /** The desktop menu and the OS ask through app.command; the screens carry it out with their usual flow. */
  async function runCommand(command: PayloadOf<'app.command'>): Promise<void> {
    switch (command.command) {
      case 'new':
        if (await newProject()) await goTo('data');
        return;
      case 'open':
        await openProject();
        return;
      case 'open-path':
        if (command.path) await openProject(command.path);
        return;
      case 'save':
        await save();
        return;
      case 'save-as':
        await saveAs();
        return;
      case 'import-csv':
        await goTo('data');
        await useDataStore().chooseAndImport();
        return;
      case 'export-weights': {
        const evaluation = useEvaluationStore();
        await evaluation.load();
        if (evaluation.run) await evaluation.exportWeights();
        else report({ code: 'no_run', message: 'There is no trained model to export yet.', hint: 'Train a model on the Train screen first.' });
        return;
      }
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

  /** Asks before unsaved work would be lost; true when it is fine to go on. */
  async function confirmLeave(doing: string): Promise<boolean> {
    if (!dirty.value || !useDataStore().summary) return true;
    const answer = await new Promise<'save' | 'discard' | 'cancel'>((resolve) => {
      unsavedPrompt.value = { doing, resolve };
    });
    unsavedPrompt.value = null;
    if (answer === 'cancel') return false;
    if (answer === 'save') return (await save()) === true;
    return true;
  }

  function answerUnsaved(answer: 'save' | 'discard' | 'cancel'): void {
    unsavedPrompt.value?.resolve(answer);
  }

  async function newProject(projectName?: string): Promise<boolean> {
    if (!(await confirmLeave('start a new project'))) return false;
    const state = await attempt('Starting a new project…', () => useApi().project.new(projectName ? { name: projectName } : undefined));
    if (!state) return false;
    hydrate(state);
    return true;
  }

  async function openProject(projectPath?: string): Promise<boolean> {
    if (!(await confirmLeave('open another project'))) return false;
    const chosen = projectPath ?? (await chooseFile('project'));
    if (!chosen) return false;
    const state = await attempt('Opening the project…', () => useApi().project.open({ path: chosen }));
    if (!state) return false;
    hydrate(state);
    say(`Opened ${state.name}.`);
    await loadRecent();
    if (ui.value.screen === 'start' && state.dataset) await goTo('data');
    return true;
  }

  async function save(): Promise<boolean> {
    // edits still on their way to the main side belong in the file
    await useModelStore().flush();
    if (!path.value) return saveAs();
    const changed = await attempt('Saving…', () => useApi().project.save());
    if (!changed) return false;
    name.value = changed.name;
    path.value = changed.path;
    dirty.value = changed.dirty;
    say(`Saved to ${changed.path}.`);
    return true;
  }

  async function saveAs(): Promise<boolean> {
    await useModelStore().flush();
    const chosen = await chooseFile('saveProject');
    if (!chosen) return false;
    const target = /\.neuron$/i.test(chosen) ? chosen : `${chosen}.neuron`;
    const changed = await attempt('Saving…', () => useApi().project.save({ path: target }));
    if (!changed) return false;
    name.value = changed.name;
    path.value = changed.path;
    dirty.value = changed.dirty;
    say(`Saved to ${changed.path}.`);
    await loadRecent();
    return true;
  }

  async function loadRecent(): Promise<void> {
    try {
      recent.value = await useApi().project.recent();
    } catch {
      // the list is a convenience: without it the Start screen still works
    }
  }

  async function restoreRecovery(): Promise<void> {
    const state = await attempt('Restoring your work…', () => useApi().recovery.restore());
    recovery.value = null;
    if (state) {
      hydrate(state);
      say('Your unsaved work is back. Save it to keep it.');
    }
  }

  async function discardRecovery(): Promise<void> {
    await attempt('Discarding…', () => useApi().recovery.discard(), false);
    recovery.value = null;
  }

  const titles: Record<FileKind, string> = {
    csv: 'Choose a CSV file',
    project: 'Open a project',
    saveProject: 'Save the project as',
    saveCsv: 'Save the predictions as',
    saveWeights: 'Save the weights as',
  };

  /** Where the main side offers to save a new file of this kind; '' for opening, or if it cannot say. */
  async function defaultPathFor(kind: FileKind): Promise<string> {
    const saveKind = SAVE_KINDS[kind];
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
  async function chooseFile(kind: FileKind, title = titles[kind]): Promise<string | null> {
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
            case 'saveWeights':
              return api.dialogs.saveWeights(args);
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
    name,
    path,
    dirty,
    ui,
    recent,
    recovery,
    problem,
    notice,
    busy,
    ready,
    filePrompt,
    unsavedPrompt,
    report,
    dismissProblem,
    say,
    attempt,
    hydrate,
    refresh,
    init,
    tearDown,
    goTo,
    setUi,
    confirmLeave,
    answerUnsaved,
    newProject,
    openProject,
    save,
    saveAs,
    loadRecent,
    restoreRecovery,
    discardRecovery,
    chooseFile,
  };
});
