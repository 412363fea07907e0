// createCore: the services of one app and a handler for every request of the contract, ready for any transport.

import os from 'node:os';
import path from 'node:path';
import { EventHub } from '../events';
import { createDispatch, type Dispatch, type Handlers } from '../transport/dispatch';
import type { WriteFs } from '../files/write-file';
import type { CsvParser } from '../services/datasets';
import { createPoolParser } from '../services/import-pool';
import { Files } from '../services/files';
import { Projects } from '../services/projects';
import type { ReportPrinter } from '../services/report-pdf';
import { ProjectRuns } from '../services/runs';
import { RunExplanations } from '../services/run-explanations';
import { ProjectSearch } from '../services/project-search';
import { RunCrossValidations } from '../services/run-cross-validations';
import { Session } from '../services/session';
import { TrainingService, type TrainingServiceOptions } from '../services/training';
import { appHandlers } from './app';
import type { Context, Dialogs } from './context';
import { crossValidationHandlers } from './cross-validation';
import { datasetHandlers } from './dataset';
import { dialogHandlers } from './dialogs';
import { explainHandlers } from './explain';
import { planHandlers } from './plan';
import { projectHandlers } from './project';
import { reportHandlers } from './report';
import { resultHandlers } from './results';
import { searchHandlers } from './search';
import { trainingHandlers } from './training';

const ROOT = path.resolve(__dirname, '../..');

export interface CoreOptions {
  mode: 'desktop' | 'web';
  /** the app's own folder (recent lists, autosave); default $NEURON_STUDIO_DATA_DIR or ~/.neuron-studio */
  dataDir?: string;
  /** where the example CSVs are; default datasets/ of the repository */
  datasetsDir?: string;
  /** the person's home folder, where new files are first offered (in Documents); default os.homedir() */
  homeDir?: string;
  version?: string;
  dialogs?: Dialogs | null;
  /** prints the report to PDF (the desktop passes the window's) */
  reportPrinter?: ReportPrinter | null;
  /** the pool's worker file etc. (the desktop build passes its built worker) */
  training?: TrainingServiceOptions;
  /** how a CSV's bytes become a Dataset; default: in this thread when small, in a pool worker when big */
  parser?: CsvParser;
  /** the import worker (the desktop build passes its built workers/import-task chunk) */
  importWorkerFile?: string;
  autosaveMs?: number;
  /** the file system calls of project saves (tests inject full disks) */
  writeFs?: WriteFs;
  /** check each result against the contract (tests) */
  checkResults?: boolean;
  log?: (error: unknown) => void;
}

export interface Core {
  dispatch: Dispatch;
  hub: EventHub;
  context: Context;
  close(): Promise<void>;
}

export function defaultDataDir(): string {
  return process.env.NEURON_STUDIO_DATA_DIR || path.join(os.homedir(), '.neuron-studio');
}

function packageVersion(): string {
  try {
    return (require(path.join(ROOT, 'package.json')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

export function createHandlers(ctx: Context): Handlers {
  return {
    ...appHandlers(ctx),
    ...dialogHandlers(ctx),
    ...datasetHandlers(ctx),
    ...planHandlers(ctx),
    ...trainingHandlers(ctx),
    ...searchHandlers(ctx),
    ...crossValidationHandlers(ctx),
    ...resultHandlers(ctx),
    ...explainHandlers(ctx),
    ...projectHandlers(ctx),
    ...reportHandlers(ctx),
  };
}

export function createCore(options: CoreOptions): Core {
  const hub = new EventHub();
  const dataDir = options.dataDir ?? defaultDataDir();
  const session = new Session(hub);
  const training = new TrainingService(options.training);
  const runs = new ProjectRuns(session, training, hub);
  const search = new ProjectSearch(session, training, runs, hub);
  const crossValidations = new RunCrossValidations(session, training, hub, options.log);
  const poolParser = options.parser ? null : createPoolParser({ workerFile: options.importWorkerFile });
  const parser = options.parser ?? poolParser!.parser;
  const projects = new Projects({
    session,
    dataDir,
    parser,
    autosaveMs: options.autosaveMs,
    writeFs: options.writeFs,
    beforeReplace: () => {
      runs.stopAll();
      search.stop();
      crossValidations.stopAll();
    },
  });
  session.onTouch = () => projects.changed();
  const datasetsDir = options.datasetsDir ?? path.join(ROOT, 'datasets');
  const context: Context = {
    mode: options.mode,
    version: options.version ?? packageVersion(),
    datasetsDir,
    hub,
    session,
    runs,
    explanations: new RunExplanations(session, training),
    search,
    crossValidations,
    projects,
    files: new Files(datasetsDir, dataDir, projects.recent, options.homeDir),
    parser,
    dialogs: options.dialogs ?? null,
    reportPrinter: options.reportPrinter ?? null,
  };
  const dispatch = createDispatch(createHandlers(context), { checkResults: options.checkResults, log: options.log });
  return {
    dispatch,
    hub,
    context,
    async close() {
      search.stop();
      runs.close();
      crossValidations.stopAll();
      await projects.close();
      await training.close();
      await poolParser?.close();
    },
  };
}
