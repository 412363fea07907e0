// Answers from a run's weights: every row of a CSV written out with the answers added (one typed row is answered
// on the Use screen itself, by the engine's code in renderer/src/lib/forward-trace.ts).

import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { cellValue, findColumn, parseCsv } from '../../workers/data';
import { parseWeightsFile, predict, type Prediction as EnginePrediction } from '../../workers/engine/predict';
import type { WeightsFile } from '../../workers/engine/weights-file';
import type { Run } from '../contract';
import { readFileBounded } from '../files/read-file';
import { writeFileVerified } from '../files/write-file';
import { writeTarget } from '../files/write-target';
import { userError } from '../errors';
import { csvText } from './csv-text';
import { weightsOf } from './export';

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

export async function predictCsv(
  run: Run,
  inputPath: string,
  outputPath: string,
): Promise<{ rows: number; outputPath: string; warnings: string[] }> {
  const model = modelOf(run);
  const input = path.resolve(inputPath);
  const output = await writeTarget(outputPath, 'table');
  if ((await realpath(input).catch(() => input)) === output) {
    throw userError('same_file', 'The predictions would overwrite the file they are made from.', {
      file: output,
      hint: 'Choose another name for the output file.',
    });
  }
  const bytes = await readFileBounded(input, 'table');
  const data = parseCsv(bytes, path.basename(input), { header: true });
  const columns = model.inputs.map((i) => findColumn(data, i.name).index);
  const rows: (string | number | null)[][] = [];
  for (let r = 0; r < data.rowCount; r++) rows.push(columns.map((c) => cellValue(data, r, c)));
  const { predictions, warnings } = predict(model, rows);

  const header = [...data.columns.map((c) => c.name), ...predictionColumns(model)];
  const lines: (string | number | null)[][] = [];
  for (let r = 0; r < data.rowCount; r++) {
    lines.push([...data.columns.map((c) => cellValue(data, r, c.index)), ...predictionCells(model, predictions[r]!)]);
  }
  await writeFileVerified(output, csvText(header, lines), { what: 'predictions file' });
  // a long list of warnings helps no one: the first few and a count
  const shown = warnings.length > 10 ? [...warnings.slice(0, 10), `… and ${warnings.length - 10} more.`] : warnings;
  return { rows: data.rowCount, outputPath: output, warnings: shown };
}
