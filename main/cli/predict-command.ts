// `npm run predict -- --weights FILE (--input 3,4 | --csv FILE) [--json] [--out FILE.csv]`, or --project FILE.neuron
// instead of --weights: answers for new rows from a trained model; --out is written only when every row succeeded.
// --explain says why each answer (main/cli/predict-explain.ts).

import {
  answerCsv, answerRows, modelInProject, predictionTarget, readWeightsFile, writePredictionCsv,
} from '../services/predictions';
import { EXIT_OK, UsageError } from './errors';
import { forOption, shownPath } from './files';
import { PREDICT_HELP } from './help';
import { parsePredictOptions } from './options';
import { answerExplainer, checkExplainOptions, explanationLine, withExplanation, type AnswerExplainer } from './predict-explain';
import { predictionLine } from './prediction-text';
import { rowsFromInput } from './predict-rows';
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
  if (options.run !== undefined && options.project === undefined) {
    throw new UsageError('--run names a run of a project: give the project with --project FILE.neuron.');
  }
  if ((options.input === undefined) === (options.csv === undefined)) {
    throw new UsageError('Give the rows to predict with --input 3,4 (one row) or --csv FILE (many rows), one of the two.');
  }
  checkExplainOptions(options);
  const out = options.out ? await forOption('--out', predictionTarget(options.csv ?? null, options.out)) : undefined;

  let explainer: AnswerExplainer | null = null;
  try {
    explainer = options.explain ? await answerExplainer(options) : null;
    const model =
      explainer?.model ??
      (options.weights !== undefined
        ? await forOption('--weights', readWeightsFile(options.weights))
        : await forOption('--project', modelInProject(options.project!, options.run)));
    const answered =
      options.input !== undefined
        ? answerRows(model, ...rowsFromInput(options.input, model.inputs))
        : await forOption('--csv', answerCsv(model, options.csv!, { header: 'auto', shownName: options.csv }));

    const { predictions, warnings } = answered;
    for (const warning of warnings.slice(0, SHOWN_WARNINGS)) terminal.err(`Note: ${warning}`);
    if (warnings.length > SHOWN_WARNINGS) terminal.err(`Note: ... and ${warnings.length - SHOWN_WARNINGS} more notes like these.`);

    const explained = explainer ? await explainer.explain(answered.rows) : null;
    if (options.json) terminal.out(JSON.stringify(explained ? predictions.map((p, i) => withExplanation(p, explained[i]!)) : predictions));
    else {
      predictions.forEach((prediction, i) => {
        terminal.out(predictionLine(prediction, model));
        if (explained) terminal.out(explanationLine(explained[i]!, model, answered.rows[i]!, explainer!.over));
      });
    }

    if (out) {
      await forOption('--out', writePredictionCsv(model, answered, out));
      terminal.err(`Predictions written to ${shownPath(options.out!, out)}`);
    }
    return EXIT_OK;
  } finally {
    await explainer?.close();
  }
}
