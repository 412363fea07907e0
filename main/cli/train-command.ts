// `npm run train -- [options]`: import the CSV, make the plan, train on the worker pool through the training service
// (printing one Keras-like line per epoch), then print the final figures and write the outputs, only on success.

import path from 'node:path';
import { parseCsv } from '../../workers/data';
import { importNotes } from '../../workers/data/notes';
import { TrainingService } from '../services/training';
import type { TrainingRun } from '../services/training';
import { epochLine, lastMetrics } from './epoch-line';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_OUR_FAULT } from './errors';
import { noteLine } from './data-notes';
import { checkOutputPath, forOption, readInputFile, shownPath, writeOutputFile } from './files';
import { TRAIN_HELP } from './help';
import { DEFAULT_CSV } from './keras-recipe';
import { parseTrainOptions } from './options';
import type { Terminal } from './terminal';
import { planFromOptions } from './train-plan';
import { evaluationFigures, summaryLine } from './train-summary';
import { describeRun } from './run-description';
import { checkSaveTarget, saveRunAsProject } from './save-project';

export async function trainCommand(args: string[], terminal: Terminal): Promise<number> {
  const options = parseTrainOptions(args);
  if (options.help) {
    terminal.out(TRAIN_HELP);
    return EXIT_OK;
  }
  const out = options.out ? await checkOutputPath(options.out, '--out', 'weights') : undefined;
  const save = options.save ? await checkOutputPath(options.save, '--save', 'project') : undefined;
  if (save) await checkSaveTarget(save);

  const csvPath = options.csv ?? DEFAULT_CSV;
  const shownName = options.csv ?? path.relative(process.cwd(), DEFAULT_CSV);
  const importStarted = performance.now();
  const bytes = await readInputFile(csvPath, '--csv', 'table');
  const dataset = parseCsv(bytes, shownName, { header: 'auto', skipBadRows: options.skipBadRows });
  for (const note of importNotes(dataset)) terminal.err(noteLine(note));
  const importSeconds = (performance.now() - importStarted) / 1000;
  const { plan, task, notes } = planFromOptions(options, dataset);
  for (const note of notes) terminal.err(noteLine(note));

  terminal.out(describeRun(dataset, plan, task));
  const service = new TrainingService({ poolOptions: { maxThreads: 1 } });
  let run: TrainingRun;
  const stopOnInterrupt = () => {
    terminal.err('Stopping after the current batch (press Ctrl+C again to quit at once)...');
    service.stop(runId);
    process.once('SIGINT', () => process.exit(130));
  };
  const { runId } = service.start(dataset, plan);
  try {
    service.on('progress', (message) => {
      if (message.runId !== runId) return;
      for (const epoch of message.epochs) terminal.out(epochLine(epoch, message.totalEpochs));
    });
    process.once('SIGINT', stopOnInterrupt);
    run = await service.whenDone(runId);
  } finally {
    process.removeListener('SIGINT', stopOnInterrupt);
    await service.close();
  }

  if (run.status === 'failed') {
    terminal.err(run.message ?? 'Training failed.');
    if (run.error?.hint && !run.message?.includes(run.error.hint)) terminal.err(run.error.hint);
    return run.error?.kind === 'input' ? EXIT_BAD_INPUT : EXIT_OUR_FAULT;
  }
  const result = run.result;
  if (!result) {
    terminal.err(run.message ?? 'The run ended without weights.');
    return EXIT_OUR_FAULT;
  }
  for (const warning of result.warnings) terminal.err(`Note: ${warning}`);
  if (run.status === 'diverged') {
    terminal.err(result.message ?? 'Training went wrong: the loss stopped being a number.');
    terminal.err('No file was written.');
    return EXIT_BAD_INPUT;
  }
  if (result.message) terminal.out(result.message);
  const figures = evaluationFigures(result.evaluation);
  terminal.out(summaryLine(figures));
  if (run.status === 'stopped') {
    terminal.err('The run was stopped before its last epoch, so nothing was written.');
    return 130;
  }

  if (out) {
    await writeOutputFile(out, `${JSON.stringify(result.weights, null, 1)}\n`, '--out', 'weights');
    terminal.out(`Weights written to ${shownPath(options.out!, out)}`);
  }
  if (save) {
    await forOption('--save', saveRunAsProject(save, { bytes, fileName: csvPath, dataset, plan, run }));
    terminal.out(`Project saved to ${shownPath(options.save!, save)}`);
  }
  if (options.json) {
    terminal.out(
      JSON.stringify({
        epochs: result.history.length,
        importSeconds: round(importSeconds),
        trainSeconds: round(result.trainSeconds),
        metrics: lastMetrics(result.history),
        stopReason: result.stopReason,
        evaluation: figures,
        rows: result.rows,
      }),
    );
  }
  return EXIT_OK;
}

function round(seconds: number): number {
  return Number(seconds.toFixed(4));
}
