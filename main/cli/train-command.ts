// `npm run train -- [options]`: import the CSV, make the plan, train on the worker pool through the training service
// (printing one Keras-like line per epoch), then print the final figures and write the outputs, only on success.

import os from 'node:os';
import path from 'node:path';
import { readFileBounded } from '../files/read-file';
import { writeTarget } from '../files/write-target';
import { loadDataset } from '../services/datasets';
import { exportWeights } from '../services/export';
import { saveSessionAs } from '../services/project-save';
import { checkedPlan, ProjectRuns, type ContinueFrom } from '../services/runs';
import { ProjectSearch } from '../services/project-search';
import { labelTask } from '../../workers/data';
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
import { evaluationFigures, runVerdict, summaryLine, verdictLines } from './train-summary';
import { scoreLines } from '../../workers/score-words';
import { foldsJson, foldsSummary, startFolds, type RunningFolds } from './train-folds';
import { describeRun } from './run-description';
import { checkSaveTarget } from './save-project';
import { checkContinueOptions, projectToContinue, weightsToContinue } from './train-continue';
import { refuseWithSearch, searchForWinner, searchSummary } from './search-command';
import type { SearchBoard } from '../../workers/search-board';

export async function trainCommand(args: string[], terminal: Terminal): Promise<number> {
  const options = parseTrainOptions(args);
  if (options.help) {
    terminal.out(TRAIN_HELP);
    return EXIT_OK;
  }
  checkContinueOptions(options);
  refuseWithSearch(options);
  const out = options.out ? await forOption('--out', writeTarget(options.out, 'weights')) : undefined;
  const save = options.save ? await forOption('--save', writeTarget(options.save, 'project')) : undefined;
  if (save) await checkSaveTarget(save);

  // the app's services for one project, without a window: no recent lists, no autosave
  const hub = new EventHub();
  const session = new Session(hub);
  const importStarted = performance.now();
  let from: ContinueFrom | undefined;
  if (options.project !== undefined) {
    const continued = await projectToContinue(options, session);
    from = continued.from;
    const data = session.requireDataset().data;
    const plan = checkedPlan(session.plan, data);
    terminal.out(describeRun(data, { ...plan, training: { ...plan.training, epochs: options.epochs ?? plan.training.epochs } }, labelTask(data, plan.label, plan.task).task));
    terminal.out(`Going on from "${continued.run.name}" of ${options.project} (the weights of its epoch ${continued.run.keptEpoch ?? continued.run.history.length}).`);
  } else {
    const trained = options.from !== undefined ? await weightsToContinue(options.from) : undefined;
    const csvPath = options.csv ?? DEFAULT_CSV;
    const shownName = options.csv ?? path.relative(process.cwd(), DEFAULT_CSV);
    const bytes = await forOption('--csv', readFileBounded(csvPath, 'table'));
    const parse = { header: 'auto' as const, ...(options.skipBadRows ? { skipBadRows: true } : {}) };
    const loaded = await loadDataset(bytes, shownName, path.resolve(csvPath), parse);
    const dataset = loaded.data;
    for (const note of loaded.summary.notes) if (note.code !== 'no_inputs') terminal.err(noteLine(note));
    const { plan, task, notes } = planFromOptions(options, dataset, loaded.describe.profiles, trained);
    for (const note of notes) terminal.err(noteLine(note));
    terminal.out(describeRun(dataset, plan, task, !options.search));
    if (trained) {
      from = { weights: { weights: trained, name: options.from! } };
      terminal.out(`Going on from ${options.from}: its inputs are prepared (filled, scaled) as they were when it learned.`);
    }
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
  }
  const importSeconds = (performance.now() - importStarted) / 1000;
  // a search and the folds train side by side on every core (or --workers)
  const service = new TrainingService({ poolOptions: { maxThreads: options.workers ?? os.availableParallelism() } });
  const runs = new ProjectRuns(session, service, hub);
  let run: TrainingRun;
  let runId = '';
  let searched: SearchBoard | null = null;
  let folds: RunningFolds | undefined;
  let stopRunIfFoldsFail: Promise<void> | undefined;
  let cv: Awaited<RunningFolds['outcome']> | undefined;
  const stopOnInterrupt = () => {
    terminal.err('Stopping after the current batch (press Ctrl+C again to quit at once)...');
    runs.stop(runId);
    folds?.stop();
    process.once('SIGINT', () => process.exit(130));
  };
  try {
    if (options.search) {
      const search = new ProjectSearch(session, service, runs, hub);
      const found = await searchForWinner(search, hub, options.search, options.seed, service.threads, terminal);
      searched = found.board;
      if (!found.runId) return found.board.status === 'failed' ? EXIT_BAD_INPUT : 130;
      runId = found.runId;
    } else {
      // a continued run's name follows the project's others; a refused one leaves no worker behind
      ({ runId } = runs.start(from?.runId ? undefined : 'Run 1', from));
      // the folds queue behind the run on the same threads: K + 1 trainings keep every thread busy to the end
      if (options.folds) {
        const data = session.requireDataset().data;
        const plan = session.run(runId).plan;
        folds = startFolds(service, data, plan, labelTask(data, plan.label, plan.task).task, options.folds, (line) => terminal.out(line));
      }
    }
    session.ui.selectedRunId = runId;
    // a plan the folds cannot take (too few rows) is said at once, not after the run
    stopRunIfFoldsFail = folds?.outcome.then((o) => {
      if (!o.ok && 'error' in o) runs.stop(runId);
    });
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
  const figures = evaluationFigures(result.evaluation);
  const verdict = runVerdict({ ...run, result });
  const jsonLine = () =>
    JSON.stringify({
      epochs: result.history.length,
      importSeconds: round(importSeconds),
      trainSeconds: round(result.trainSeconds),
      metrics: lastMetrics(result.history),
      stopReason: result.stopReason,
      verdict: verdict.verdict,
      ...(verdict.memorisingFrom !== undefined ? { memorisingFrom: verdict.memorisingFrom } : {}),
      evaluation: figures,
      rows: result.rows,
      ...(session.run(runId).continuedFrom ? { continuedFrom: session.run(runId).continuedFrom } : {}),
      ...(searched ? searchSummary(searched) : {}),
      ...(cv?.ok ? { cv: foldsJson(cv.cv) } : {}),
    });
  // a diverged run's weights are not worth keeping: its settings are to change (exit 2, as for bad input)
  if (run.status === 'diverged') {
    terminal.err(result.message ?? 'Training went wrong: the loss stopped being a number.');
    terminal.err('No file was written.');
    if (options.json) terminal.out(jsonLine());
    return EXIT_BAD_INPUT;
  }
  if (result.message) terminal.out(result.message);
  terminal.out(summaryLine(figures));
  for (const line of verdictLines(verdict)) terminal.out(line);
  for (const line of scoreLines(result.evaluation, options.folds ? undefined : `Add --folds ${DEFAULT_FOLDS} to see it.`)) terminal.out(line);
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
  if (options.json) terminal.out(jsonLine());
  return EXIT_OK;
}

function round(seconds: number): number {
  return Number(seconds.toFixed(4));
}
