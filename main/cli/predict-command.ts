// `npm run predict -- --weights FILE (--input 3,4 | --csv FILE) [--json] [--out FILE.csv]`, or --project FILE.neuron
// instead of --weights: answers for new rows from a trained model; --out is written only when every row succeeded.

import { parseCsv } from '../../workers/data';
import { parseWeightsFile, predict, WeightsFileError } from '../../workers/engine/predict';
import { csvText } from '../services/csv-text';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { EXIT_OK, UsageError } from './errors';
import { checkOutputPath, readInputFile, shownPath, writeOutputFile } from './files';
import { PREDICT_HELP } from './help';
import { parsePredictOptions } from './options';
import { predictionCells, predictionColumns, predictionLine } from './prediction-text';
import { rowsFromDataset, rowsFromInput } from './predict-rows';
import { weightsFromProject } from './project-weights';
import type { Terminal } from './terminal';

/** Warnings beyond this many are counted, not listed. */
const SHOWN_WARNINGS = 10;

export async function predictCommand(args: string[], terminal: Terminal): Promise<number> {
  const options = parsePredictOptions(args);
  if (options.help) {
    terminal.out(PREDICT_HELP);
    return EXIT_OK;
  }
  if ((options.weights === undefined) === (options.project === undefined)) {
    throw new UsageError('Give the model with --weights FILE.json or --project FILE.neuron (one of the two).');
  }
  if ((options.input === undefined) === (options.csv === undefined)) {
    throw new UsageError('Give the rows to predict with --input 3,4 (one row) or --csv FILE (many rows), one of the two.');
  }
  const out = options.out ? await checkOutputPath(options.out, '--out', 'table') : undefined;

  const model = options.weights !== undefined ? await readWeights(options.weights) : await weightsFromProject(options.project!);
  const given =
    options.input !== undefined
      ? rowsFromInput(options.input, model.inputs)
      : rowsFromDataset(parseCsv(await readInputFile(options.csv!, '--csv', 'table'), options.csv!, { header: 'auto' }), model.inputs);

  const { predictions, warnings } = predict(model, given.rows);
  for (const warning of warnings.slice(0, SHOWN_WARNINGS)) terminal.err(`Note: ${warning}`);
  if (warnings.length > SHOWN_WARNINGS) terminal.err(`Note: ... and ${warnings.length - SHOWN_WARNINGS} more notes like these.`);

  if (options.json) terminal.out(JSON.stringify(predictions));
  else for (const prediction of predictions) terminal.out(predictionLine(prediction, model));

  if (out) {
    const header = [...given.table.header, ...predictionColumns(model)];
    const rows = given.table.cells.map((cells, r) => [...cells, ...predictionCells(predictions[r], model)]);
    await writeOutputFile(out, csvText(header, rows), '--out', 'table');
    terminal.err(`Predictions written to ${shownPath(options.out!, out)}`);
  }
  return EXIT_OK;
}

async function readWeights(file: string): Promise<WeightsFile> {
  const bytes = await readInputFile(file, '--weights', 'weights');
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch (error) {
    throw new WeightsFileError(
      `--weights: ${file} is not a weights file: it is not valid JSON (${(error as Error).message}). ` +
        `Give the .json file written by "npm run train -- --out" or the app's Export Weights.`,
    );
  }
  try {
    return parseWeightsFile(json);
  } catch (error) {
    if (error instanceof WeightsFileError) throw new WeightsFileError(`--weights: ${file}: ${error.message}`);
    throw error;
  }
}
