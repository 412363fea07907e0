// `npm run train -- [options]`: import the CSV, make the plan, train on the worker pool through the training service
// (printing one Keras-like line per epoch), then print the final figures and write the outputs, only on success.

import os from 'node:os';
import path from 'node:path';
import { readFileBounded } from '../files/read-file';
import { writeTarget } from '../files/write-target';
import { loadDataset } from '../services/datasets';
import { exportWeights } from '../services/export';
import { saveSessionAs } from '../services/project-save';
import { ProjectRuns } from '../services/runs';
import { Session } from '../services/session';
import { TrainingService, type TrainingRun } from '../services/training';
import { EventHub } from '../events';
import { epochLine, lastMetrics } from './epoch-line';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_OUR_FAULT } from './errors';
import { noteLine } from './data-notes';
import { forOption, shownPath } from './files';
import { TRAIN_HELP } from './help';
import { DEFAULT_CSV } from './keras-recipe';
import { DEFAULT_FOLDS } from '../../workers/cross-validation';
import { parseTrainOptions } from './options';
import type { Terminal } from './terminal';
import { planFromOptions } from './train-plan';
import { evaluationFigures, summaryLine, uncertaintyLines } from './train-summary';
import { foldsJson, foldsSummary, startFolds, type RunningFolds } from './train-folds';
import { describeRun } from './run-description';
import { checkSaveTarget } from './save-project';

export async function trainCommand(args: string[], terminal: Terminal): Promise<number> {
  const options = parseTrainOptions(args);
  if (options.help) {
    terminal.out(TRAIN_HELP);
    return EXIT_OK;
  }
  const out = options.out ? await forOption('--out', writeTarget(options.out, 'weights')) : undefined;
  const save = options.save ? await forOption('--save', writeTarget(options.save, 'project')) : undefined;
  if (save) await checkSaveTarget(save);

  const csvPath = options.csv ?? DEFAULT_CSV;
  const shownName = options.csv ?? path.relative(process.cwd(), DEFAULT_CSV);
  const importStarted = performance.now();
  const bytes = await forOption('--csv', readFileBounded(csvPath, 'table'));
  const parse = { header: 'auto' as const, ...(options.skipBadRows ? { skipBadRows: true } : {}) };
  const loaded = await loadDataset(bytes, shownName, path.resolve(csvPath), parse);
  const dataset = loaded.data;
  for (const note of loaded.summary.notes) if (note.code !== 'no_inputs') terminal.err(noteLine(note));
  const importSeconds = (performance.now() - importStarted) / 1000;
  const { plan, task, notes } = planFromOptions(options, dataset, loaded.describe.profiles);
  for (const note of notes) terminal.err(noteLine(note));

  terminal.out(describeRun(dataset, plan, task));
  // the app's services for one project with one run, without a window: no recent lists, no autosave
  const hub = new EventHub();
  const session = new Session(hub);
  session.replace({
    name: 'Untitled project',
    path: null,
    dirty: false,
    // the project file keeps the name alone, and the header choice as it was found
    dataset: { ...loaded, fileName: path.basename(csvPath), parse: { ...parse, header: dataset.hasHeader } },
    plan,
    runs: [],
    ui: {},
  });
  const service = new TrainingService({ poolOptions: { maxThreads: options.workers ?? os.availableParallelism() } });
  const runs = new ProjectRuns(session, service, hub);
  let run: TrainingRun;
  let folds: RunningFolds | undefined;
  const stopOnInterrupt = () => {
    terminal.err('Stopping after the current batch (press Ctrl+C again to quit at once)...');
    runs.stop(runId);
    folds?.stop();
    process.once('SIGINT', () => process.exit(130));
  };
  const { runId } = runs.start('Run 1');
  session.ui.selectedRunId = runId;
  // the folds queue behind the run on the same threads: K + 1 trainings keep every thread busy to the end
  if (options.folds) folds = startFolds(service, dataset, plan, task, options.folds, (line) => terminal.out(line));
  // a plan the folds cannot take (too few rows) is said at once, not after the run
  const stopRunIfFoldsFail = folds?.outcome.then((o) => {
    if (!o.ok && 'error' in o) runs.stop(runId);
  });
  let cv: Awaited<RunningFolds['outcome']> | undefined;
  try {
    hub.on('training.progress', (message) => {
      if (message.runId !== runId) return;
      for (const epoch of message.epochs) terminal.out(epochLine(epoch, message.totalEpochs));
    });
    process.once('SIGINT', stopOnInterrupt);
    run = await service.whenDone(runId);
    if (run.status === 'failed' || run.status === 'diverged') folds?.abort();
    cv = await folds?.outcome;
    await stopRunIfFoldsFail;
  } finally {
    process.removeListener('SIGINT', stopOnInterrupt);
    runs.close();
    await service.close();
  }

  if (cv && !cv.ok && 'error' in cv) throw cv.error;
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
  for (const line of uncertaintyLines(result.evaluation, options.folds ? undefined : `Add --folds ${DEFAULT_FOLDS} to see it.`)) terminal.out(line);
  if (cv?.ok) for (const line of foldsSummary(cv.cv)) terminal.out(line);
  if (run.status === 'stopped') {
    terminal.err('The run was stopped before its last epoch, so nothing was written.');
    return 130;
  }

  if (out) {
    await forOption('--out', exportWeights(session.run(runId), out));
    terminal.out(`Weights written to ${shownPath(options.out!, out)}`);
  }
  if (save) {
    await forOption('--save', saveSessionAs(session, save));
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
        ...(cv?.ok ? { cv: foldsJson(cv.cv) } : {}),
      }),
    );
  }
  return EXIT_OK;
}

function round(seconds: number): number {
  return Number(seconds.toFixed(4));
}
