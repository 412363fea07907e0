// The shape of a `.neuron` project file, version 1, as a zod schema: what open checks and save writes.

import { z } from 'zod';
import { MAX_NESTING, tooDeepAt } from '../nesting';
import { PlanDraftSchema } from '../../workers/plan';
import { FINISHED_STATUSES, RunSchema } from '../../workers/run';
import { SearchBoardSchema } from '../../workers/search-board';
import { UiPatchSchema } from '../contract';

export const PROJECT_FORMAT = 'neuron-studio.project';
export const PROJECT_VERSION = 1;

export const ParseOptionsSchema = z.object({
  header: z.union([z.literal('auto'), z.boolean()]),
  skipBadRows: z.boolean().optional(),
});

export const DatasetContentSchema = z.object({
  /** 'utf8': the CSV text as is; 'gzip-base64': gzip'd bytes in base64 (large or non-UTF-8 files) */
  encoding: z.enum(['utf8', 'gzip-base64']),
  data: z.string(),
  /** of the CSV's own bytes, so a damaged copy is noticed */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'should be 64 hexadecimal digits'),
  /**
   * the CSV's own size in bytes, so unpacking stops there (a 14 MB file can unpack to 10 GiB). Files saved before
   * it was added have none: they are unpacked up to the largest table a project holds (MAX_STORED_CSV_BYTES).
   */
  bytes: z.number().int().min(0).optional(),
});

export const ProjectDatasetSchema = z.object({
  /** the name the user knows, e.g. diabetes.csv */
  fileName: z.string().min(1),
  /** where it was read from; informative only, the bytes below are what the project uses */
  originalPath: z.string().nullable(),
  parse: ParseOptionsSchema,
  content: DatasetContentSchema,
});

const isoTime = z.string().min(1);

/**
 * A run as the file keeps it: the app's run (workers/run.ts), finished (a live run has no weights yet, so it is not
 * saved), with its times as ISO text, and the fields files from before stopReason, rows and warnings were kept may
 * lack left out rather than null. Fields it does not know are dropped, so a file of a newer app still opens.
 */
export const StoredRunSchema = RunSchema.pick({ id: true, name: true, plan: true, history: true, totalEpochs: true }).extend({
  createdAt: isoTime,
  finishedAt: isoTime.optional(),
  status: z.enum(FINISHED_STATUSES),
  message: RunSchema.shape.message.unwrap().optional(),
  trainSeconds: RunSchema.shape.trainSeconds.unwrap().optional(),
  stopReason: RunSchema.shape.stopReason.optional(),
  rows: RunSchema.shape.rows.optional(),
  warnings: RunSchema.shape.warnings.optional(),
  weights: RunSchema.shape.weights.unwrap().optional(),
  evaluation: RunSchema.shape.evaluation.unwrap().optional(),
  continuedFrom: RunSchema.shape.continuedFrom,
  keptEpoch: RunSchema.shape.keptEpoch,
  snapshots: RunSchema.shape.snapshots,
  crossValidation: RunSchema.shape.crossValidation.unwrap().unwrap().optional(),
});

/**
 * The last search's leaderboard as the file keeps it: the app's board (workers/search-board.ts), ended (a search
 * still running when the project is saved is kept as stopped there), its times as ISO text.
 */
export const StoredSearchSchema = SearchBoardSchema.extend({
  startedAt: isoTime,
  finishedAt: isoTime.optional(),
  status: SearchBoardSchema.shape.status.exclude(['running']),
});

/**
 * Refuses a file nested deeper than any the app writes before anything reads into it: its loose parts (ui, an
 * evaluation's extra fields) would otherwise carry, say, 100,000 levels through to JSON.stringify, which overflows
 * the stack.
 */
const notTooDeep = z.unknown().superRefine((value, ctx) => {
  const where = tooDeepAt(value);
  if (where === null) return;
  ctx.addIssue({
    code: 'custom',
    path: where,
    message: `nested more than ${MAX_NESTING} levels deep`,
    params: { inWords: `is nested more than ${MAX_NESTING} levels deep (lists or groups inside each other), deeper than any file Neuron Studio writes` },
  });
});

const ProjectFields = z.object({
  format: z.literal(PROJECT_FORMAT),
  version: z.literal(PROJECT_VERSION),
  name: z.string(),
  createdAt: isoTime,
  savedAt: isoTime,
  dataset: ProjectDatasetSchema.nullable(),
  plan: PlanDraftSchema.nullable(),
  runs: z.array(StoredRunSchema),
  /** the screen state, each field optional: the app fills in the rest (main/contract.ts UiStateSchema) */
  ui: UiPatchSchema,
  /** files saved before the search existed have none */
  search: StoredSearchSchema.optional(),
});

export const ProjectFileSchema = notTooDeep.pipe(ProjectFields);

export type ParseOptions = z.infer<typeof ParseOptionsSchema>;
export type ProjectDataset = z.infer<typeof ProjectDatasetSchema>;
export type StoredRun = z.output<typeof StoredRunSchema>;
export type StoredSearch = z.output<typeof StoredSearchSchema>;
export type StoredUiState = z.output<typeof UiPatchSchema>;
export type ProjectFile = z.output<typeof ProjectFileSchema>;
