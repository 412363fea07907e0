// The one contract between the screen and the main side: every request and event, with zod schemas, and the Api type.
// Both transports (Electron IPC, browser-mode WebSocket) and the in-memory test pair are generated from this object.
// Pure code only (zod + shared types): the renderer, the preload and the web client import it.
// The renderer gets its one `api` from `getApi()` in renderer/src/transport/renderer-api.ts (desktop bridge or browser socket).

import { z } from 'zod';
import { LayerSchema, PlanDraftSchema, TrainingSettingsSchema } from '../workers/plan';
import {
  EpochKernelsSchema,
  EpochMetricsSchema,
  EvaluationSchema,
  RunSchema,
  RunStatusSchema,
  RunSummarySchema,
  StopReasonSchema,
  WeightsFileSchema,
} from '../workers/run';
import { EXPORT_FORMAT_NAMES, type ExportFormat } from '../workers/exports/formats';
import { SearchBoardSchema } from '../workers/search-board';
import { BUDGET_NAMES } from '../workers/search-space';
import { CrossValidationSchema, CV_METRICS } from '../workers/cross-validation';
import { DATA_NOTE_CODES, NOTE_ACTIONS, type DataNote } from '../workers/data/notes';
import { COLUMN_KINDS, WARNING_CODES, type ColumnProfile } from '../workers/data/profile';
import type { LabelTask, Roles } from '../workers/data/roles';
import type { CaseExplanation, Importance, WhatIf } from '../workers/engine/explain';

// ---------------------------------------------------------------------------------------------------------------
// Errors: both transports carry `{ ok: false, error }`; the client throws an ApiError with the same fields.

export const ErrorInfoSchema = z.object({
  /** machine-readable: bad_argument, not_found, no_dataset, no_run, data_error codes (ragged_rows, ...), project_file,
   * file codes (not_a_file, too_large, disk_full, wrong_extension, other_kind, ...: main/files/file-error.ts), io, internal */
  code: z.string(),
  /** a plain sentence for the person using the app; never a stack trace */
  message: z.string(),
  file: z.string().optional(),
  row: z.number().optional(),
  column: z.string().optional(),
  /** what to do next, e.g. "Fix the file or choose 'skip bad rows'." */
  hint: z.string().optional(),
});
export type ErrorInfo = z.infer<typeof ErrorInfoSchema>;

export class ApiError extends Error {
  readonly code: string;
  readonly file?: string;
  readonly row?: number;
  readonly column?: string;
  readonly hint?: string;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    if (info.file !== undefined) this.file = info.file;
    if (info.row !== undefined) this.row = info.row;
    if (info.column !== undefined) this.column = info.column;
    if (info.hint !== undefined) this.hint = info.hint;
  }
  toInfo(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message };
    if (this.file !== undefined) info.file = this.file;
    if (this.row !== undefined) info.row = this.row;
    if (this.column !== undefined) info.column = this.column;
    if (this.hint !== undefined) info.hint = this.hint;
    return info;
  }
}

export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ErrorInfo };

// ---------------------------------------------------------------------------------------------------------------
// Shapes that travel. Objects made by other parts (profiles, evaluation) are loose: extra fields pass through.

const Ok = z.object({ ok: z.literal(true) });
const NoArgs = z.object({}).strict().optional();

export const AppInfoSchema = z.object({
  mode: z.enum(['desktop', 'web']),
  /** false in browser mode: the renderer shows a path field with files.suggestions instead of a dialog */
  nativeDialogs: z.boolean(),
  version: z.string(),
  /** example datasets, e.g. { title: 'diabetes (Pima)', path: '/…/datasets/diabetes.csv', label: 'Outcome' } */
  examples: z.array(
    z.object({
      title: z.string(),
      path: z.string(),
      label: z.string().optional(),
      /** how the example's two classes are spoken of, e.g. "people with diabetes" */
      classWords: z.object({ positive: z.string(), negative: z.string() }).optional(),
      /** the names of the label's answers, value → name, e.g. { "1": "diabetes", "0": "no diabetes" } */
      answerNames: z.record(z.string(), z.string()).optional(),
      /** who or what the rows are, for the report's "About this data" (e.g. women of Pima heritage aged 21 or older) */
      about: z.string().optional(),
    }),
  ),
  platform: z.string(),
});

export const FileSuggestionSchema = z.object({
  path: z.string(),
  /** file name (or project name) to show */
  label: z.string(),
  group: z.enum(['recent-project', 'example', 'datasets', 'recent-csv']),
});

/** as workers/data/profile.ts names them ('id' = a record number or code) */
export const ColumnKindSchema = z.enum(COLUMN_KINDS);
export const TaskSchema = z.enum(['binary', 'multiclass', 'regression']);

/**
 * True only when a schema's output and the domain's own type are the same type. The types of the data the
 * workers make (profiles, roles, notes) are declared once, in workers/data; each schema below is held to its type by
 * a `const … : SameType<…> = true` line, so the two cannot drift (tsc fails on the first difference).
 */
type SameType<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Something the import or the label did on its own, as workers/data/notes.ts words it: what, and what to do (CLI, app). */
export const DataNoteSchema = z.object({
  code: z.enum(DATA_NOTE_CODES),
  message: z.string(),
  cli: z.string(),
  app: z.string(),
  column: z.string().optional(),
  action: z.object({ do: z.enum(NOTE_ACTIONS), button: z.string() }).optional(),
  warning: z.literal(true).optional(),
});
const dataNoteFits: SameType<z.output<typeof DataNoteSchema>, DataNote> = true;

export const DatasetSummarySchema = z.object({
  /** the file name the user knows, e.g. diabetes.csv */
  fileName: z.string(),
  /** where it was read from (null for a dropped file's content) */
  path: z.string().nullable(),
  rows: z.number().int(),
  columns: z.array(z.object({ name: z.string(), kind: ColumnKindSchema.or(z.string()) })),
  /** rows left out by "skip bad rows" */
  skippedRows: z.number().int().default(0),
  /** seconds spent reading and profiling */
  importSeconds: z.number().optional(),
  /** what the import did on its own: columns renamed, rows skipped, no column usable as an input */
  notes: z.array(DataNoteSchema).default([]),
});

/** One column's description, as workers/data/profile.ts makes it (kind, missing, stats, histogram, warnings). */
export const ColumnProfileSchema = z.object({
  name: z.string(),
  index: z.number().int(),
  kind: ColumnKindSchema,
  numeric: z.boolean(),
  count: z.number(),
  missing: z.number(),
  missingShare: z.number(),
  distinct: z.number(),
  min: z.number().optional(),
  max: z.number().optional(),
  mean: z.number().optional(),
  std: z.number().optional(),
  zeros: z.number().optional(),
  integer: z.boolean().optional(),
  categories: z.array(z.object({ value: z.string(), count: z.number() })).optional(),
  histogram: z.array(z.object({ label: z.string(), count: z.number(), from: z.number().optional(), to: z.number().optional() })),
  nonNumeric: z.object({ count: z.number(), examples: z.array(z.object({ row: z.number(), value: z.string() })) }).optional(),
  warnings: z.array(z.object({ code: z.enum(WARNING_CODES), message: z.string(), fix: z.string().optional() })),
});
const columnProfileFits: SameType<z.output<typeof ColumnProfileSchema>, ColumnProfile> = true;

/** Suggested roles, as workers/data/roles.ts makes them: the label, the features, and the columns left out with why. */
export const RolesSchema = z.object({
  label: z.string().nullable(),
  features: z.array(z.string()),
  notUsed: z.array(z.object({ name: z.string(), reason: z.string() })),
});
const rolesFit: SameType<z.output<typeof RolesSchema>, Roles> = true;

/** What the label makes of the task (binary / multiclass / regression), its classes and rows with no label. */
export const LabelTaskSchema = z.object({
  task: TaskSchema,
  classes: z.array(z.string()).optional(),
  classCounts: z.array(z.number()).optional(),
  missingLabels: z.number(),
  notes: z.array(DataNoteSchema).optional(),
});
const labelTaskFits: SameType<z.output<typeof LabelTaskSchema>, LabelTask> = true;
void [dataNoteFits, columnProfileFits, rolesFit, labelTaskFits];

export const DescribeSchema = z.object({
  profiles: z.array(ColumnProfileSchema),
  roles: RolesSchema,
  /** the task the current (or suggested) label makes; null when there is no label yet */
  labelTask: LabelTaskSchema.nullable(),
});

// The plan draft, the run and its parts have one schema each, shared with the project file (main/project/schema.ts).
export {
  EpochMetricsSchema,
  EvaluationSchema,
  PlanDraftSchema,
  RunSchema,
  RunStatusSchema,
  RunSummarySchema,
  StopReasonSchema,
  WeightsFileSchema,
};
export type { PlanDraft } from '../workers/plan';
export type { Evaluation, Run, RunStatus, RunSummary } from '../workers/run';
// The search's leaderboard likewise (workers/search-board.ts).
export { SearchBoardSchema };
export type { SearchBoard } from '../workers/search-board';

/** The longest "About this data" the report prints (a few sentences; the field stops there). */
export const ABOUT_DATA_LIMIT = 1000;

/** A change to the screen state: only the fields given are changed (no defaults, unlike UiStateSchema). */
export const UiPatchSchema = z.looseObject({
  /** 'start' | 'data' | 'model' | 'train' | 'evaluate' | 'use' (the renderer's names) */
  screen: z.string().optional(),
  selectedRunId: z.string().nullable().optional(),
  threshold: z.number().min(0).max(1).optional(),
  /** runs drawn together on the training chart */
  compareRunIds: z.array(z.string()).optional(),
  /** the last values typed on the "use the model" screen, column → text */
  lastPatient: z.record(z.string(), z.string()).optional(),
  /** the names a person gave a label's answers, by label column: { Outcome: { "1": "diabetes", "0": "no diabetes" } }
   * (the screens' words only: the weights keep the label's own values; renderer/src/lib/answer-names.ts) */
  answerNames: z.record(z.string(), z.record(z.string(), z.string())).optional(),
  /** the person's sentence about the data, printed on the report ("About this data"); changing it is unsaved work */
  aboutData: z.string().max(ABOUT_DATA_LIMIT, `"About this data" holds at most ${ABOUT_DATA_LIMIT} characters`).optional(),
});

/** How the screens looked; saved with the project. Loose: the renderer may remember more. */
export const UiStateSchema = UiPatchSchema.extend({
  screen: z.string().default('start'),
  selectedRunId: z.string().nullable().default(null),
  threshold: z.number().min(0).max(1).default(0.5),
  compareRunIds: z.array(z.string()).default([]),
});

export const ProjectChangedSchema = z.object({ name: z.string(), path: z.string().nullable(), dirty: z.boolean() });

/** Everything the renderer needs to rebuild every screen. */
export const ProjectStateSchema = z.object({
  name: z.string(),
  path: z.string().nullable(),
  dirty: z.boolean(),
  dataset: DatasetSummarySchema.nullable(),
  describe: DescribeSchema.nullable(),
  plan: PlanDraftSchema.nullable(),
  runs: z.array(RunSchema),
  ui: UiStateSchema,
  /** the last search's leaderboard (workers/search-board.ts), null when the project has none */
  search: SearchBoardSchema.nullable().optional(),
});

export const RecentProjectSchema = z.object({ path: z.string(), name: z.string(), exists: z.boolean() });

export const RecoverySchema = z.object({
  available: z.boolean(),
  name: z.string().optional(),
  /** the project's own file, when it had one */
  path: z.string().nullable().optional(),
  /** ms since epoch */
  savedAt: z.number().optional(),
});

// Explanations of a run (workers/engine/explain.ts makes them, in the pool): each schema held to the engine's type.
const ChanceOrValue = z.enum(['chance', 'value']);
export const CaseExplanationSchema = z.object({
  answer: ChanceOrValue,
  className: z.string().optional(),
  base: z.number(),
  value: z.number(),
  contributions: z.array(z.object({ input: z.string(), value: z.number() })),
  method: z.enum(['exact', 'sampled']),
  backgroundRows: z.number(),
});
export const ImportanceSchema = z.object({
  metric: z.enum(['accuracy', 'mae']),
  score: z.number(),
  inputs: z.array(z.object({ input: z.string(), mean: z.number(), sd: z.number(), drops: z.array(z.number()) })),
  rows: z.number(),
  repeats: z.number(),
});
export const WhatIfSchema = z.object({
  input: z.string(),
  values: z.array(z.union([z.number(), z.string()])),
  forCase: z.array(z.number()),
  average: z.array(z.number()),
});
const explanationsFit: [
  SameType<z.output<typeof CaseExplanationSchema>, CaseExplanation>,
  SameType<z.output<typeof ImportanceSchema>, Importance>,
  SameType<z.output<typeof WhatIfSchema>, WhatIf>,
] = [true, true, true];
void explanationsFit;
/** An explanation says which run it is of: an answer arriving after the run shown changed is dropped. */
const OfRun = z.object({ runId: z.string() });
/** The case as typed on the Use screen: input name → its text (empty or null: not given). */
const CaseValuesSchema = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));

const DialogArgs = z.object({ defaultPath: z.string().optional(), title: z.string().optional() }).strict().optional();
const PathOrNull = z.string().nullable();
const ExportFormatSchema = z.enum(EXPORT_FORMAT_NAMES as [ExportFormat, ...ExportFormat[]]);
const RunId = z.object({ runId: z.string().min(1) }).strict();
const ValueSchema = z.union([z.string(), z.number(), z.null()]);

// ---------------------------------------------------------------------------------------------------------------
// Requests and events.

function request<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, doc: string) {
  return { args, result, doc };
}

export const requests = {
  'app.info': request(NoArgs, AppInfoSchema, 'Which face is running, its version, and the example datasets.'),
  'files.suggestions': request(
    z.object({ kind: z.enum(['csv', 'project']) }).strict(),
    z.array(FileSuggestionSchema),
    "Browser mode's path field: recent projects, the CSVs in datasets/, recent CSVs.",
  ),
  'files.savePath': request(
    z.object({ kind: z.enum(['project', 'predictions', 'weights', 'tfjs', 'onnx', 'calculator']) }).strict(),
    z.string(),
    "Where a save dialog starts: beside the project's file, else in the person's Documents (or home) folder.",
  ),

  'dialogs.openCsv': request(DialogArgs, PathOrNull, 'Native open dialog for a CSV (desktop only); null when cancelled.'),
  'dialogs.openProject': request(DialogArgs, PathOrNull, 'Native open dialog for a .neuron project.'),
  'dialogs.saveProject': request(DialogArgs, PathOrNull, 'Native save dialog for a .neuron project.'),
  'dialogs.saveCsv': request(DialogArgs, PathOrNull, 'Native save dialog for predictions as CSV.'),
  'dialogs.saveExport': request(
    z.object({ format: ExportFormatSchema, defaultPath: z.string().optional(), title: z.string().optional() }).strict(),
    PathOrNull,
    'Native save dialog for an export: a file of its kind, or a new folder\'s name for TensorFlow.js.',
  ),

  'dataset.import': request(
    z.object({ path: z.string().min(1), header: z.boolean().optional(), skipBadRows: z.boolean().optional() }).strict(),
    DatasetSummarySchema,
    "Read a CSV into the current project (replaces its table, suggests roles into the plan).",
  ),
  'dataset.importContent': request(
    z
      .object({
        fileName: z.string().min(1),
        content: z.string(),
        header: z.boolean().optional(),
        skipBadRows: z.boolean().optional(),
      })
      .strict(),
    DatasetSummarySchema,
    'A CSV dropped on the window, as text.',
  ),
  'dataset.rows': request(
    z.object({ start: z.number().int().min(0), count: z.number().int().min(0).max(5000) }).strict(),
    z.object({ start: z.number(), total: z.number(), columns: z.array(z.string()), rows: z.array(z.array(z.string())) }),
    'Cells as text for the virtualised table.',
  ),
  'dataset.describe': request(NoArgs, DescribeSchema, 'Column profiles, suggested roles and the label task.'),

  'project.setPlan': request(
    z.object({ plan: PlanDraftSchema }).strict(),
    PlanDraftSchema,
    'Roles, preparation, split, layers and training settings; returns the plan with defaults filled.',
  ),
  'model.suggest': request(
    z.object({ features: z.array(z.string()).optional(), label: z.string().optional() }).strict().optional(),
    z.object({
      hidden: z.array(LayerSchema),
      training: TrainingSettingsSchema,
      /** one sentence per choice, in plain words */
      notes: z.array(z.string()).default([]),
    }),
    'The suggested layers and training settings for the current label and data size (the Suggest button).',
  ),

  'training.start': request(
    z
      .object({
        name: z.string().optional(),
        /** go on from this finished run's weights (the plan must still fit them) */
        continueFrom: z.string().min(1).optional(),
        /** with continueFrom: how many more epochs (default: the plan's) */
        epochs: z.number().int().min(1).max(100_000).optional(),
      })
      .strict()
      .optional(),
    z.object({ runId: z.string() }),
    "Queue a run with the project's plan (project.setPlan changes it), from new weights or a finished run's.",
  ),
  'training.stop': request(RunId, Ok, 'Stop a run; it keeps its history so far.'),
  'training.list': request(NoArgs, z.array(RunSummarySchema), 'Every run of the project, oldest first.'),
  'training.get': request(RunId, RunSchema, 'One run with weights and evaluation.'),
  'training.delete': request(RunId, Ok, 'Forget a run (stops it first if it is live).'),
  'training.setThreshold': request(
    z.object({ runId: z.string().min(1), threshold: z.number().min(0).max(1) }).strict(),
    RunSchema,
    "A yes/no run's decision threshold, kept in its weights (what Use, the exports and predict answer with).",
  ),

  'search.start': request(
    z.object({ budget: z.enum(BUDGET_NAMES), seed: z.number().int().optional() }).strict(),
    SearchBoardSchema,
    "Find a good network for the project's plan: candidates scored by cross-validation, the winner then retrained as a run.",
  ),
  'search.stop': request(NoArgs, Ok, 'Stop the search; the best candidate so far wins and is retrained.'),
  'crossValidation.start': request(
    z.object({ runId: z.string().min(1), folds: z.number().int().min(2).max(100).optional() }).strict(),
    Ok,
    "k-fold cross-validation of a run's plan (default 5 folds) on the pool; crossValidation.progress says how it goes.",
  ),
  'crossValidation.stop': request(RunId, Ok, "Stop a run's cross-validation; nothing of it is kept."),

  'explain.answer': request(
    z.object({ runId: z.string().min(1), values: CaseValuesSchema }).strict(),
    CaseExplanationSchema.extend(OfRun.shape),
    "Why this answer: each input's share of (this case's answer − the average answer over the run's training rows).",
  ),
  'explain.inputs': request(
    RunId,
    ImportanceSchema.extend(OfRun.shape),
    'What matters overall: what shuffling each input costs on the rows the run was evaluated on (5 repeats); kept per run.',
  ),
  'explain.whatIf': request(
    z.object({ runId: z.string().min(1), input: z.string().min(1), values: CaseValuesSchema }).strict(),
    WhatIfSchema.extend(OfRun.shape),
    "How the answer follows one input across its usual range: for this case, and on average over the evaluated rows.",
  ),

  'predict.csv': request(
    z.object({ runId: z.string().min(1), inputPath: z.string().min(1), outputPath: z.string().min(1) }).strict(),
    z.object({ rows: z.number(), outputPath: z.string(), warnings: z.array(z.string()).default([]) }),
    'Predict every row of a CSV and write it with the predictions added.',
  ),
  'report.savePdf': request(
    z.object({ runIds: z.array(z.string().min(1)).min(1).max(100) }).strict(),
    z.object({ path: z.string(), bytes: z.number() }).nullable(),
    "Desktop: the report screen (these runs' pages) printed to PDF and saved where the person chooses; null when cancelled.",
  ),
  'export.model': request(
    z.object({ runId: z.string().min(1), format: ExportFormatSchema, path: z.string().min(1) }).strict(),
    z.object({ format: ExportFormatSchema, path: z.string(), files: z.array(z.string()), bytes: z.number() }),
    "Write a run's model as weights JSON, a TensorFlow.js folder, an ONNX file or a calculator page (workers/exports/formats.ts).",
  ),

  'project.new': request(z.object({ name: z.string().optional() }).strict().optional(), ProjectStateSchema, 'Start an empty project.'),
  'project.open': request(z.object({ path: z.string().min(1) }).strict(), ProjectStateSchema, 'Open a .neuron file.'),
  'project.save': request(
    z.object({ path: z.string().min(1).optional() }).strict().optional(),
    ProjectChangedSchema,
    'Save to the project file; with a path, save as (the project then lives there).',
  ),
  'project.state': request(NoArgs, ProjectStateSchema, 'Everything needed to rebuild every screen.'),
  'project.setUi': request(
    z.object({ ui: UiPatchSchema }).strict(),
    UiStateSchema,
    'Remember screen, selected run, threshold... (saved with the project; only a new "About this data" makes it unsaved).',
  ),
  'project.recent': request(NoArgs, z.array(RecentProjectSchema), 'The last ten projects, newest first.'),

  'recovery.check': request(NoArgs, RecoverySchema, 'Is there autosaved work from a session that did not end well?'),
  'recovery.restore': request(NoArgs, ProjectStateSchema, 'Bring the autosaved project back (as unsaved).'),
  'recovery.discard': request(NoArgs, Ok, 'Delete the autosaved work.'),
} as const;

export const events = {
  'training.progress': z.object({
    runId: z.string(),
    /** epochs new since the last message */
    epochs: z.array(EpochMetricsSchema),
    totalEpochs: z.number(),
    /** seconds since the run started */
    elapsed: z.number(),
    /** about twice a second: the kernels ([layer][fanIn][units]) at the end of epoch `epoch`, for the live drawing */
    weights: EpochKernelsSchema.optional(),
    /** during an epoch that lasts longer than a message interval: how many of its training rows are done */
    partial: z.object({ epoch: z.number(), rowsDone: z.number(), rows: z.number() }).optional(),
  }),
  'training.finished': z.object({ runId: z.string(), run: RunSchema }),
  'training.failed': z.object({ runId: z.string(), error: ErrorInfoSchema, run: RunSummarySchema.optional() }),
  /** the leaderboard as it fills (at most five a second) */
  'search.progress': z.object({ board: SearchBoardSchema }),
  /** the search has ended; `board.winnerRunId` is the run retraining its winner, when it had one */
  'search.finished': z.object({ board: SearchBoardSchema }),
  /** a run's cross-validation: when it starts, as each fold ends, and how it ended (the figures are then on the run) */
  'crossValidation.progress': z.object({
    runId: z.string(),
    state: z.enum(['running', 'finished', 'stopped', 'failed']),
    metric: z.enum(CV_METRICS),
    /** each fold's score once it has ended, in fold order (null: still training) */
    folds: z.array(z.number().nullable()),
    crossValidation: CrossValidationSchema.optional(),
    error: ErrorInfoSchema.optional(),
  }),
  'project.changed': ProjectChangedSchema,
  /**
   * Desktop only: a menu item or the OS asked for something the screens carry out with their usual flow (so unsaved
   * work is asked about the same way): 'open-path' opens `path` (a .neuron double-clicked in the file manager).
   */
  'app.command': z.object({
    command: z.enum(['new', 'open', 'open-path', 'save', 'save-as', 'import-csv', ...EXPORT_FORMAT_NAMES.map((f) => `export-${f}` as const)]),
    path: z.string().optional(),
  }),
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Types derived from the schemas.

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type EventName = keyof typeof events;
export type ArgsOf<N extends RequestName> = z.input<Requests[N]['args']>;
export type ParsedArgsOf<N extends RequestName> = z.output<Requests[N]['args']>;
export type ResultOf<N extends RequestName> = z.output<Requests[N]['result']>;
export type PayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

export type AppInfo = z.infer<typeof AppInfoSchema>;
export type FileSuggestion = z.infer<typeof FileSuggestionSchema>;
export type DatasetSummary = z.infer<typeof DatasetSummarySchema>;
export type { ColumnProfile, DataNote, LabelTask, Roles };
export type Describe = z.infer<typeof DescribeSchema>;
export type UiState = z.infer<typeof UiStateSchema>;
export type ProjectState = z.infer<typeof ProjectStateSchema>;
export type ProjectChanged = z.infer<typeof ProjectChangedSchema>;
export type RecentProject = z.infer<typeof RecentProjectSchema>;
export type Recovery = z.infer<typeof RecoverySchema>;

type RequestFn<N extends RequestName> =
  undefined extends ArgsOf<N>
    ? (args?: ArgsOf<N>) => Promise<ResultOf<N>>
    : (args: ArgsOf<N>) => Promise<ResultOf<N>>;

type DomainOf<N> = N extends `${infer D}.${string}` ? D : never;
type EventMethod<E> = E extends `${infer D}.${infer M}` ? `on${Capitalize<D>}${Capitalize<M>}` : never;

/**
 * The one api the renderer uses: `api.dataset.import({ path })`, `api.training.start()`, ...
 * and `api.onTrainingProgress(handler)` returning an unsubscribe function.
 */
export type Api = {
  [D in DomainOf<RequestName>]: {
    [N in RequestName as N extends `${D}.${infer M}` ? M : never]: RequestFn<N>;
  };
} & {
  [E in EventName as EventMethod<E>]: (handler: (payload: PayloadOf<E>) => void) => () => void;
};

// ---------------------------------------------------------------------------------------------------------------
// Runtime helpers shared by every transport.

export const requestNames = Object.keys(requests) as RequestName[];
export const eventNames = Object.keys(events) as EventName[];

/** 'training.progress' → 'onTrainingProgress' */
export function eventMethodName(name: EventName): string {
  const [domain, member] = name.split('.') as [string, string];
  return `on${domain[0]!.toUpperCase()}${domain.slice(1)}${member[0]!.toUpperCase()}${member.slice(1)}`;
}

/** The readable sentence for a zod error on a request's arguments. */
export function describeBadArguments(name: string, error: z.ZodError): ErrorInfo {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
  const what = first ? first.message : 'invalid value';
  return {
    code: 'bad_argument',
    message: `The request "${name}" got a bad argument${where}: ${what}.`,
    hint: 'This is a fault in the app; please report it.',
  };
}

/**
 * Build the Api object from two functions: `call(name, args)` resolving to an envelope, and
 * `subscribe(event, handler)` returning an unsubscribe. Envelopes with ok:false become thrown ApiErrors.
 */
export function buildApi(
  call: (name: RequestName, args: unknown) => Promise<Envelope<unknown>>,
  subscribe: (event: EventName, handler: (payload: unknown) => void) => () => void,
): Api {
  const api: Record<string, unknown> = {};
  for (const name of requestNames) {
    const [domain, member] = name.split('.') as [string, string];
    const group = (api[domain] ??= {}) as Record<string, unknown>;
    group[member] = async (args?: unknown) => {
      const envelope = await call(name, args);
      if (!envelope.ok) throw new ApiError(envelope.error);
      return envelope.result;
    };
  }
  for (const event of eventNames) {
    api[eventMethodName(event)] = (handler: (payload: unknown) => void) => subscribe(event, handler);
  }
  return api as Api;
}
