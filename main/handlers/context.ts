// What every handler file receives: the services of one app (desktop window, browser-mode server or a test).

import type { ExportFormat } from '../../workers/exports/formats';
import type { Handlers } from '../transport/dispatch';
import type { EventHub } from '../events';
import type { CsvParser } from '../services/datasets';
import type { Files } from '../services/files';
import type { Projects } from '../services/projects';
import type { ReportPrinter } from '../services/report-pdf';
import type { ProjectRuns } from '../services/runs';
import type { RunExplanations } from '../services/run-explanations';
import type { ProjectSearch } from '../services/project-search';
import type { RunCrossValidations } from '../services/run-cross-validations';
import type { Session } from '../services/session';

/** Native file dialogs (desktop only); each resolves to a path, or null when cancelled. */
export interface Dialogs {
  openCsv(options: DialogOptions): Promise<string | null>;
  openProject(options: DialogOptions): Promise<string | null>;
  saveProject(options: DialogOptions): Promise<string | null>;
  saveCsv(options: DialogOptions): Promise<string | null>;
  /** a file of the format's kind, or (TensorFlow.js) the name of a new folder */
  saveExport(format: ExportFormat, options: DialogOptions): Promise<string | null>;
}

export interface DialogOptions {
  defaultPath?: string;
  title?: string;
}

export interface Context {
  mode: 'desktop' | 'web';
  version: string;
  datasetsDir: string;
  hub: EventHub;
  session: Session;
  runs: ProjectRuns;
  explanations: RunExplanations;
  search: ProjectSearch;
  crossValidations: RunCrossValidations;
  projects: Projects;
  files: Files;
  parser: CsvParser;
  dialogs: Dialogs | null;
  /** the report printed to PDF (desktop only) */
  reportPrinter: ReportPrinter | null;
}

/** A handler file's share of the requests. */
export type HandlerGroup<K extends keyof Handlers> = Pick<Handlers, K>;
