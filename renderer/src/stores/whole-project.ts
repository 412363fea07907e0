// The project as a whole, across the stores: the one place that connects them and rebuilds every screen from the
// main side's state (hydrate), starting up, the desktop menu, New / Open / Save / Save As, crash recovery and
// opening an example. No store imports this file; App.vue and the screens call it.

import type { AppInfo, PayloadOf, ProjectState } from '../../../main/contract';
import type { ExportFormat } from '../../../workers/exports/formats';
import { onConnectionLost, useApi } from '../api';
import { useShellStore } from './shell';
import { useProjectStore } from './project';
import { useDataStore } from './data';
import { useModelStore } from './model';
import { useTrainingStore } from './training';
import { useEvaluationStore } from './evaluation';
import { useSearchStore } from './search';
import { useReportStore } from './report';
import { useCrossValidationStore } from './cross-validation';
import { useExplanationsStore } from './explanations';

let unsubscribes: (() => void)[] = [];

/** Hands each store what it reads of another: the model reads the table, training the plan, evaluation the runs. */
export function connectStores(): void {
  const data = useDataStore();
  const model = useModelStore();
  const training = useTrainingStore();
  data.connect({ refreshProject: refresh });
  model.connect(data);
  training.connect(model);
  useEvaluationStore().connect(training);
  useExplanationsStore().connect(useEvaluationStore());
  useSearchStore().connect(model);
}

/** Every screen rebuilt from the main side's state (after open, new, import, recovery). */
export function hydrate(state: ProjectState): void {
  useShellStore().hydrate(state);
  useProjectStore().hydrate(state);
  useDataStore().hydrate(state);
  useModelStore().hydrate(state);
  useTrainingStore().hydrate(state);
  useEvaluationStore().hydrate(state);
  useSearchStore().hydrate(state);
  useCrossValidationStore().hydrate(state);
  useReportStore().hydrate();
  useExplanationsStore().hydrate();
}

export async function refresh(): Promise<void> {
  hydrate(await useApi().project.state());
}

export async function init(): Promise<void> {
  const api = useApi();
  const shell = useShellStore();
  const project = useProjectStore();
  connectStores();
  // say it at once: a person watching a run would otherwise see the charts just stop
  onConnectionLost((info) => {
    shell.problem = info;
  });
  await shell.attempt('Connecting…', async () => {
    shell.info = await api.app.info();
    for (const off of unsubscribes) off();
    unsubscribes = [api.onProjectChanged((change) => project.applyChange(change)), api.onAppCommand((command) => void runCommand(command))];
    useTrainingStore().setUp();
    useSearchStore().setUp();
    useCrossValidationStore().setUp();
    await refresh();
    await project.checkRecovery();
    project.recent = await api.project.recent();
  });
  shell.ready = true;
}

export function tearDown(): void {
  for (const off of unsubscribes) off();
  unsubscribes = [];
  useTrainingStore().tearDown();
  useSearchStore().tearDown();
  useCrossValidationStore().tearDown();
}

/** The desktop menu and the OS ask through app.command; the screens carry it out with their usual flow. */
export async function runCommand(command: PayloadOf<'app.command'>): Promise<void> {
  const shell = useShellStore();
  switch (command.command) {
    case 'new':
      if (await newProject()) await shell.goTo('data');
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
      await shell.goTo('data');
      await useDataStore().chooseAndImport();
      return;
    case 'export-weights':
    case 'export-tfjs':
    case 'export-onnx':
    case 'export-calculator': {
      const evaluation = useEvaluationStore();
      await evaluation.load();
      if (evaluation.run) await evaluation.exportModel(command.command.slice('export-'.length) as ExportFormat);
      else shell.report({ code: 'no_run', message: 'There is no trained model to export yet.', hint: 'Train a model on the Train screen first.' });
      return;
    }
  }
}

/** Asks before unsaved work would be lost; true when it is fine to go on. */
export async function confirmLeave(doing: string): Promise<boolean> {
  const shell = useShellStore();
  // a sentence still on its way is unsaved work too
  await useReportStore().flushAboutData();
  if (!shell.dirty || !useDataStore().summary) return true;
  const answer = await shell.askUnsaved(doing);
  if (answer === 'cancel') return false;
  if (answer === 'save') return (await save()) === true;
  return true;
}

export async function newProject(projectName?: string): Promise<boolean> {
  if (!(await confirmLeave('start a new project'))) return false;
  const state = await useShellStore().attempt('Starting a new project…', () => useApi().project.new(projectName ? { name: projectName } : undefined));
  if (!state) return false;
  hydrate(state);
  return true;
}

export async function openProject(projectPath?: string): Promise<boolean> {
  const shell = useShellStore();
  if (!(await confirmLeave('open another project'))) return false;
  const chosen = projectPath ?? (await shell.chooseFile('project'));
  if (!chosen) return false;
  const state = await shell.attempt('Opening the project…', () => useApi().project.open({ path: chosen }));
  if (!state) return false;
  hydrate(state);
  shell.say(`Opened ${state.name}.`);
  await useProjectStore().loadRecent();
  if (shell.ui.screen === 'start' && state.dataset) await shell.goTo('data');
  return true;
}

export async function save(): Promise<boolean> {
  // edits still on their way to the main side belong in the file
  await useModelStore().flush();
  await useReportStore().flushAboutData();
  const project = useProjectStore();
  if (!project.path) return saveAs();
  return project.writeFile();
}

export async function saveAs(): Promise<boolean> {
  await useModelStore().flush();
  await useReportStore().flushAboutData();
  const project = useProjectStore();
  const chosen = await useShellStore().chooseFile('saveProject');
  if (!chosen) return false;
  const target = /\.neuron$/i.test(chosen) ? chosen : `${chosen}.neuron`;
  if (!(await project.writeFile(target))) return false;
  await project.loadRecent();
  return true;
}

export async function restoreRecovery(): Promise<void> {
  const shell = useShellStore();
  const state = await shell.attempt('Restoring your work…', () => useApi().recovery.restore());
  useProjectStore().recovery = null;
  if (state) {
    hydrate(state);
    shell.say('Your unsaved work is back. Save it to keep it.');
  }
}

/** "Open the example": a fresh project named after it, the CSV read, its label chosen, the Data screen shown. */
export async function openExample(example: AppInfo['examples'][number]): Promise<boolean> {
  const shell = useShellStore();
  const title = example.title.replace(/^./, (c) => c.toUpperCase());
  if (!(await newProject(title))) return false;
  if (!(await useDataStore().importPath(example.path))) return false;
  const model = useModelStore();
  if (example.label && model.plan && model.plan.label !== example.label) await model.setRole(example.label, 'label');
  if (example.classWords) await shell.setUi({ classWords: example.classWords });
  if (example.label && example.answerNames) await shell.setUi({ answerNames: { [example.label]: example.answerNames } });
  // the report's "About this data" starts from what is known of the example's rows; the person may change it
  if (example.about) await shell.setUi({ aboutData: example.about });
  await shell.goTo('data');
  return true;
}
