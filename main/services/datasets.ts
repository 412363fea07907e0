// Reading a CSV into the project: parsed and described by workers/data (bytes from main/files), kept in the session.

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { cellText, labelTaskIfAny, modelFor, parseCsv, startingPlanFor, type Dataset } from '../../workers/data';
import { LayerSchema, STARTING_SPLIT, TrainingSettingsSchema, type LayerPlan, type TrainingSettingsPlan } from '../../workers/plan';
import { importNotes, noInputsNote } from '../../workers/data/notes';
import { profileDataset } from '../../workers/data/profile';
import { suggestRoles, type TaskChoice } from '../../workers/data/roles';
import { PlanDraftSchema, type DatasetSummary, type Describe, type PlanDraft } from '../contract';
import type { LoadedDataset } from './session';

export interface ParseChoice {
  header: 'auto' | boolean;
  skipBadRows?: boolean;
}

/** Parses bytes (in a pool worker when the file is big, if the app gave one) into a Dataset. */
export type CsvParser = (bytes: Uint8Array, fileName: string, parse: ParseChoice) => Promise<Dataset>;

export const parseInThisThread: CsvParser = async (bytes, fileName, parse) =>
  parseCsv(bytes, fileName, { header: parse.header, skipBadRows: parse.skipBadRows });

/** Parse, profile and suggest roles: everything the Data screen shows. */
export async function loadDataset(
  bytes: Uint8Array,
  fileName: string,
  originalPath: string | null,
  parse: ParseChoice,
  parser: CsvParser = parseInThisThread,
): Promise<LoadedDataset> {
  const started = performance.now();
  const data = await parser(bytes, fileName, parse);
  const profiles = profileDataset(data);
  const roles = suggestRoles(data, profiles);
  const describe: Describe = { profiles, roles, labelTask: roles.label ? describeLabel(data, roles.label) : null };
  const notes = importNotes(data);
  if (roles.label && roles.features.length === 0) notes.push(noInputsNote(fileName, roles.label, roles.notUsed));
  const summary: DatasetSummary = {
    fileName,
    path: originalPath,
    rows: data.rowCount,
    columns: data.columns.map((column, i) => ({ name: column.name, kind: profiles[i]?.kind ?? 'numeric' })),
    skippedRows: data.skippedRows?.count ?? 0,
    importSeconds: (performance.now() - started) / 1000,
    notes,
  };
  return { data, bytes, fileName, originalPath, parse, summary, describe };
}

/**
 * The task a label makes (under the plan's task choice), with its classes and notes; null when the column cannot be
 * a label (one class, empty).
 */
export function describeLabel(data: Dataset, label: string, choice: TaskChoice = 'auto'): Describe['labelTask'] {
  return labelTaskIfAny(data, label, choice);
}

/** The suggested network and training settings for predicting `label` from `features`, with why, in plain words
 * (`validation`: the share of rows the plan keeps for validation); null when the label has a single value. The
 * starting plan of a new table has exactly these (workers/data/starting-plan.ts modelFor is both's). */
export function suggestionFor(
  data: Dataset,
  label: string,
  features: readonly string[],
  validation: number,
  choice: TaskChoice = 'auto',
): { hidden: LayerPlan[]; training: TrainingSettingsPlan; notes: string[] } | null {
  const task = describeLabel(data, label, choice);
  if (!task) return null;
  const suggestion = modelFor(data, task, features.length, validation);
  return {
    hidden: z.array(LayerSchema).parse(suggestion.hidden),
    training: TrainingSettingsSchema.parse(suggestion.training),
    notes: suggestion.explanation,
  };
}

/** The plan a freshly imported table starts from: the one starting plan (workers/data/starting-plan.ts) with the
 * app's starting split, so early stopping has its validation rows and Evaluate its test rows from the first run on. */
export function startingPlan(loaded: LoadedDataset): PlanDraft {
  const { explanation: _reasons, ...plan } = startingPlanFor(loaded.data, loaded.describe.profiles, {
    validation: STARTING_SPLIT.validation,
    test: STARTING_SPLIT.test,
  });
  return PlanDraftSchema.parse(plan);
}

/** Rows as text for the virtualised table; a missing cell is an empty string. */
export function datasetRows(data: Dataset, start: number, count: number): { start: number; total: number; columns: string[]; rows: string[][] } {
  const end = Math.min(data.rowCount, start + count);
  const rows: string[][] = [];
  for (let row = start; row < end; row++) {
    const cells: string[] = new Array(data.columns.length);
    for (let c = 0; c < data.columns.length; c++) cells[c] = cellText(data, row, c) ?? '';
    rows.push(cells);
  }
  return { start, total: data.rowCount, columns: data.columns.map((c) => c.name), rows };
}
