// Answers from a model's weights: every row of a CSV written out with the answers added, for the app and the CLI (one typed row is answered
// on the Use screen itself, by the engine's code in renderer/src/lib/forward-trace.ts).

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { cellValue, dataError, findColumn, parseCsv, type Dataset } from '../../workers/data';
import { parseWeightsFile, predict, WeightsFileError, type Prediction as EnginePrediction } from '../../workers/engine/predict';
import type { WeightsFile } from '../../workers/engine/weights-file';
import type { Run } from '../contract';
import { openProject } from '../project';
import { readFileBounded } from '../files/read-file';
import { writeFileVerified } from '../files/write-file';
import { writeTarget } from '../files/write-target';
import { userError } from '../errors';
import { csvText } from './csv-text';
import { weightsOf } from './export';
import { pickRun } from './project-run';
import { runFromStored } from './project-convert';

const checked = new WeakMap<object, WeightsFile>();

/** The run's weights, checked once (a project file's copy may have been edited by hand). */
export function modelOf(run: Run): WeightsFile {
  const raw = weightsOf(run);
  let model = checked.get(raw);
  if (!model) {
    model = parseWeightsFile(raw);
    checked.set(raw, model);
  }
  return model;
}

/** The columns added to the output CSV, after the file's own columns. */
export function predictionColumns(model: WeightsFile): string[] {
  const label = model.output.name;
  if (model.task === 'regression') return [`predicted ${label}`];
  if (model.task === 'binary') return [`predicted ${label}`, `probability of ${label} = ${model.output.classes?.[1] ?? '1'}`];
  return [`predicted ${label}`, ...(model.output.classes ?? []).map((c) => `probability of ${label} = ${c}`)];
}

export function predictionCells(model: WeightsFile, p: EnginePrediction): string[] {
  if ('value' in p) return [String(p.value)];
  if ('probability' in p) return [p.label, String(p.probability)];
  return [p.label, ...(model.output.classes ?? []).map((c) => String(p.probabilities[c] ?? ''))];
}

/** Where the predictions go: a .csv the rules allow, and never the file they are made from. */
export async function predictionTarget(inputPath: string | null, outputPath: string): Promise<string> {
  const output = await writeTarget(outputPath, 'table');
  const input = inputPath === null ? null : path.resolve(inputPath);
  if (input !== null && (await realpath(input).catch(() => input)) === output) {
    throw userError('same_file', 'The predictions would overwrite the file they are made from.', {
      file: output,
      hint: 'Choose another name for the output file.',
    });
  }
  return output;
}

export type RawRow = (string | number | null)[];

export interface AnsweredTable {
  /** the table's own columns and cells, written before the answers */
  columns: string[];
  cells: RawRow[];
  /** the rows as the model read them, in its input order */
  rows: RawRow[];
  predictions: EnginePrediction[];
  /** every warning of the engine, one per cell it could not use as it stands */
  warnings: string[];
}

/** The model's answers for rows already in its input order, beside the table they came from. */
export function answerRows(model: WeightsFile, table: { columns: string[]; cells: RawRow[] }, rows: RawRow[]): AnsweredTable {
  const { predictions, warnings } = predict(model, rows);
  return { columns: table.columns, cells: table.cells, rows, predictions, warnings };
}

export interface ReadChoice {
  /** the CLI finds out whether there is a header row; the app's Use screen asks for one */
  header?: 'auto' | boolean;
  /** the file's name in messages (the CLI's is the path as typed) */
  shownName?: string;
}

/** Every row of a CSV (read with the one bounded reader) answered by the model. */
export async function answerCsv(model: WeightsFile, inputPath: string, choice: ReadChoice = {}): Promise<AnsweredTable> {
  const input = path.resolve(inputPath);
  const bytes = await readFileBounded(input, 'table');
  const data = parseCsv(bytes, choice.shownName ?? path.basename(input), { header: choice.header ?? true });
  const columns = inputColumns(model, data);
  const rows: RawRow[] = [];
  const cells: RawRow[] = [];
  for (let r = 0; r < data.rowCount; r++) {
    rows.push(columns.map((c) => cellValue(data, r, c)));
    cells.push(data.columns.map((c) => cellValue(data, r, c.index)));
  }
  return answerRows(model, { columns: data.columns.map((c) => c.name), cells }, rows);
}

/** The table's column of each model input (exact name, else one that differs only in case), all missing ones named at once. */
export function inputColumns(model: WeightsFile, data: Dataset): number[] {
  const positions = model.inputs.map((input) => {
    try {
      return findColumn(data, input.name).index;
    } catch {
      return -1;
    }
  });
  const missing = model.inputs.filter((_, i) => positions[i]! < 0).map((input) => `"${input.name}"`);
  if (missing.length > 0) {
    throw dataError(
      'unknown_column',
      data.fileName,
      `${data.fileName} has no column ${missing.join(', ')}, which the model needs. Its columns are: ${data.columns.map((c) => c.name).join(', ')}.`,
      `The header row must name every input of the model: ${model.inputs.map((i) => i.name).join(', ')}.`,
    );
  }
  return positions;
}

/** The one prediction CSV, from the app and the CLI alike: the table's own columns, then the answers. */
export function predictionCsvText(model: WeightsFile, answered: AnsweredTable): string {
  const header = [...answered.columns, ...predictionColumns(model)];
  const lines = answered.cells.map((cells, r) => [...cells, ...predictionCells(model, answered.predictions[r]!)]);
  return csvText(header, lines);
}

/** Writes the prediction CSV to a target from predictionTarget, every byte checked. */
export async function writePredictionCsv(model: WeightsFile, answered: AnsweredTable, target: string): Promise<void> {
  await writeFileVerified(target, predictionCsvText(model, answered), { what: 'predictions file' });
}

/** A weights file (train --out, the app's Export) read with the bounded reader and checked. */
export async function readWeightsFile(file: string): Promise<WeightsFile> {
  const bytes = await readFileBounded(file, 'weights');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new WeightsFileError(
      `${file} is not a weights file: it is not valid JSON (${(error as Error).message}). ` +
        `Give the .json file written by "npm run train -- --out" or the app's Export Weights.`,
    );
  }
  try {
    return parseWeightsFile(json);
  } catch (error) {
    if (error instanceof WeightsFileError) throw new WeightsFileError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The weights of a project file's run named `runName`, else of its latest run that has them, read without changing
 * the file. */
export async function modelInProject(file: string, runName?: string): Promise<WeightsFile> {
  // the weights are all it needs: the embedded table stays packed (it may be large, or a gzip bomb)
  const project = await openProject(file, { checkDataset: false });
  return parseWeightsFile(pickRun(project.runs.map(runFromStored), file, runName).weights);
}

export async function predictCsv(
  run: Run,
  inputPath: string,
  outputPath: string,
): Promise<{ rows: number; outputPath: string; warnings: string[] }> {
  const model = modelOf(run);
  const output = await predictionTarget(inputPath, outputPath);
  const answered = await answerCsv(model, inputPath);
  await writePredictionCsv(model, answered, output);
  const warnings = answered.warnings;
  // a long list of warnings helps no one: the first few and a count
  const shown = warnings.length > 10 ? [...warnings.slice(0, 10), `… and ${warnings.length - 10} more.`] : warnings;
  return { rows: answered.cells.length, outputPath: output, warnings: shown };
}
