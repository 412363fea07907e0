// `npm run export -- --weights FILE.json | --project FILE.neuron [--run NAME]` with one or more of --tfjs DIR,
// --onnx FILE.onnx, --html FILE.html and --out FILE.json: the model in the formats asked for, written as the app's
// Export menu writes them (main/services/model-export.ts). The calculator page's "why" needs rows like the training
// rows: a project's run has its own; with --weights they come from --background FILE.csv.

import { EXPORT_FORMATS, exportedSentence, type ExportFormat } from '../../workers/exports/formats';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { EventHub } from '../events';
import { calculatorFactsOfRun, calculatorFactsOfWeights } from '../services/calculator-facts';
import { exportModel, exportRun, type ExportChoices } from '../services/export';
import { readWeightsFile } from '../services/predictions';
import { Session } from '../services/session';
import { EXIT_OK, UsageError } from './errors';
import { forOption } from './files';
import { EXPORT_HELP } from './help';
import { parseExportOptions, type ExportOptions } from './options';
import { backgroundRows, checkBackground } from './predict-explain';
import { projectRunInSession } from './project-run';
import type { Terminal } from './terminal';

/** Each target option and the format it writes, in the order they are written. */
const TARGETS: { option: '--out' | '--tfjs' | '--onnx' | '--html'; key: 'out' | 'tfjs' | 'onnx' | 'html'; format: ExportFormat }[] = [
  { option: '--out', key: 'out', format: 'weights' },
  { option: '--tfjs', key: 'tfjs', format: 'tfjs' },
  { option: '--onnx', key: 'onnx', format: 'onnx' },
  { option: '--html', key: 'html', format: 'calculator' },
];

function checkOptions(options: ExportOptions): void {
  if ((options.weights === undefined) === (options.project === undefined)) {
    throw new UsageError('Give the model with --weights FILE.json or --project FILE.neuron (one of the two).');
  }
  if (options.run !== undefined && options.project === undefined) {
    throw new UsageError('--run names a run of a project: give the project with --project FILE.neuron.');
  }
  if (!TARGETS.some((t) => options[t.key] !== undefined)) {
    throw new UsageError('Say what to export: --tfjs FOLDER (TensorFlow.js), --onnx FILE.onnx, --html FILE.html (the calculator page) or --out FILE.json (the weights), one or more.');
  }
  checkBackground(options, {
    option: '--html',
    add: '--html FILE.html',
    given: options.html !== undefined,
    against: 'the calculator page explains its answers against',
    each: 'the page explains each answer',
  });
}

/** The calculator page's facts from --weights and --background, read only when the page is asked for. */
async function factsOfWeightsFile(model: WeightsFile, weightsFile: string, file: string) {
  const { table, background } = await backgroundRows(model, file);
  return calculatorFactsOfWeights(model, weightsFile, table, background);
}

export async function exportCommand(args: string[], terminal: Terminal): Promise<number> {
  const options = parseExportOptions(args);
  if (options.help) {
    terminal.out(EXPORT_HELP);
    return EXIT_OK;
  }
  checkOptions(options);

  let write: (format: ExportFormat, target: string, choices: ExportChoices) => Promise<{ path: string; files: string[] }>;
  let calculator: ExportChoices['calculator'];
  if (options.weights !== undefined) {
    const model = await forOption('--weights', readWeightsFile(options.weights));
    write = (format, target, choices) => exportModel(model, format, target, choices);
    calculator = options.html !== undefined ? () => forOption('--background', factsOfWeightsFile(model, options.weights!, options.background!)) : undefined;
  } else {
    const session = new Session(new EventHub());
    const run = await projectRunInSession(options.project!, options.run, session);
    write = (format, target, choices) => exportRun(run, format, target, choices);
    calculator = async () => calculatorFactsOfRun(session, run.id);
  }

  for (const target of TARGETS) {
    const where = options[target.key];
    if (where === undefined) continue;
    const done = await forOption(target.option, write(target.format, where, { precision: options.precision, calculator }));
    terminal.out(exportedSentence(target.format, done.path, done.files));
  }
  terminal.err(`Each format is described in docs/: ${TARGETS.filter((t) => options[t.key] !== undefined).map((t) => EXPORT_FORMATS[t.format].doc).join(', ')}.`);
  return EXIT_OK;
}
