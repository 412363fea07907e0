// The shape of a `.neuron` project file, version 1, as a zod schema: what open checks and save writes.

import { z } from 'zod';
import { MAX_NESTING, tooDeepAt } from '../nesting';
import { TrainingPlanSchema } from '../../workers/plan';
import { ACTIVATIONS } from '../../workers/engine/spec';
import type { EpochMetrics } from '../../workers/engine/spec';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { WEIGHTS_FORMAT } from '../../workers/engine/weights-file';

export const PROJECT_FORMAT = 'neuron-studio.project';
export const PROJECT_VERSION = 1;

/**
 * A number the app computed. JSON has no NaN or Infinity (JSON.stringify writes null), and a diverged run has
 * them in its history, so a stored null reads back as NaN instead of making the whole file unreadable.
 */
const storedNumber = z
  .custom<number | null>((v) => typeof v === 'number' || v === null, { message: 'should be a number' })
  .transform((v) => (v === null ? Number.NaN : v));

const isoTime = z.string().min(1);

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

/** A plan while it is being edited: like TrainingPlan, but features may still be empty and the label unset (''). */
export const PlanDraftSchema = TrainingPlanSchema.extend({
  features: z.array(z.string()),
  label: z.string(),
});

/** One epoch's figures: epoch, loss and elapsed always, then whichever metrics the task has. */
const EpochRowSchema = z
  .looseObject({ epoch: z.number(), loss: storedNumber, elapsed: z.number() })
  .catchall(storedNumber) as unknown as z.ZodType<EpochMetrics, Record<string, number | null>>;

/** Checked loosely: the weights' own reader (workers/engine/predict.ts) checks the rest. */
const WeightsLayerSchema = z.looseObject({
  units: z.number().int().min(1),
  activation: z.enum(ACTIVATIONS),
  kernel: z.array(z.array(storedNumber)),
  bias: z.array(storedNumber).optional(),
});
export const StoredWeightsSchema = z.looseObject({
  format: z.literal(WEIGHTS_FORMAT),
  version: z.literal(1),
  task: z.enum(['binary', 'multiclass', 'regression']),
  inputs: z.array(z.looseObject({ name: z.string(), kind: z.enum(['numeric', 'categorical']) })),
  layers: z.array(WeightsLayerSchema).min(1),
  output: z.looseObject({ name: z.string() }),
}) as unknown as z.ZodType<WeightsFile, unknown>;

export const EvaluationSchema = z.looseObject({
  /** which rows were evaluated: 'test', 'validation' or 'train' */
  on: z.string(),
  task: z.enum(['binary', 'multiclass', 'regression']),
  /** class indices (classification) or values (regression), one per evaluated row */
  actual: z.array(storedNumber),
  /** binary: probability of classes[1] per row; multiclass: one array per row */
  probabilities: z.array(z.union([storedNumber, z.array(storedNumber)])).optional(),
  /** class indices or regression values */
  predicted: z.array(storedNumber).optional(),
  /** always answering the most common class (classification) or the mean (regression) */
  baseline: z.looseObject({}),
});

export const RUN_STATUSES = ['completed', 'stopped', 'failed', 'diverged'] as const;

export const StoredRunSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  createdAt: isoTime,
  finishedAt: isoTime.optional(),
  status: z.enum(RUN_STATUSES),
  /** why it stopped or failed, in words */
  message: z.string().optional(),
  plan: TrainingPlanSchema,
  history: z.array(EpochRowSchema),
  totalEpochs: z.number().int().min(0),
  trainSeconds: z.number().min(0).optional(),
  weights: StoredWeightsSchema.optional(),
  evaluation: EvaluationSchema.optional(),
});

/** How the screens looked when saved; loose, so the app can remember more without a new file version. */
export const UiStateSchema = z.looseObject({
  screen: z.string().optional(),
  selectedRunId: z.string().nullable().optional(),
  compareRunIds: z.array(z.string()).optional(),
  threshold: z.number().min(0).max(1).optional(),
  /** the last values typed on the "use the model" screen, column -> text */
  lastPatient: z.record(z.string(), z.string()).optional(),
});

/**
 * Refuses a file nested deeper than any the app writes before anything reads into it: its loose parts (ui, a run's
 * extra fields) would otherwise carry, say, 100,000 levels through to JSON.stringify, which overflows the stack.
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
  ui: UiStateSchema,
});

export const ProjectFileSchema = notTooDeep.pipe(ProjectFields);

export type ParseOptions = z.infer<typeof ParseOptionsSchema>;
export type ProjectDataset = z.infer<typeof ProjectDatasetSchema>;
export type PlanDraft = z.infer<typeof PlanDraftSchema>;
export type StoredEvaluation = z.output<typeof EvaluationSchema>;
export type StoredRun = z.output<typeof StoredRunSchema>;
export type RunStatus = (typeof RUN_STATUSES)[number];
export type UiState = z.output<typeof UiStateSchema>;
export type ProjectFile = z.output<typeof ProjectFileSchema>;
