// `predict --explain`: why each answer, as the Use screen says it: each input's share of (the answer − the average
// answer), computed on the worker pool. With --project the average is over the run's own training rows (the app's
// explanations); a weights file holds no rows, so with --weights they come from --background FILE.csv.

import path from 'node:path';
import { parseCsv, type Dataset } from '../../workers/data';
import type { CaseExplanation, RawRow } from '../../workers/engine/explain';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { caseSentence } from '../../workers/explain-words';
import { EventHub } from '../events';
import { readFileBounded } from '../files/read-file';
import { backgroundOfTable, explainAnswerAgainst } from '../services/explanations';
import { inputColumns, modelOf, readWeightsFile } from '../services/predictions';
import { RunExplanations } from '../services/run-explanations';
import { Session } from '../services/session';
import { TrainingService } from '../services/training';
import { UsageError } from './errors';
import { forOption } from './files';
import type { PredictOptions } from './options';
import { projectRunInSession } from './project-run';

/** What asks for explained answers, in the words of the --background rule: predict's --explain, export's --html. */
export interface ExplainingOption {
  /** the option, and how to add it ("--html FILE.html") */
  option: string;
  add: string;
  /** whether it was given */
  given: boolean;
  /** "the answers are explained against"; "each answer is explained" */
  against: string;
  each: string;
}

/**
 * The one rule of --background: it goes with an option that explains answers; a project's run brings its own
 * training rows, a weights file none. Refused before anything is read.
 */
export function checkBackground(options: { weights?: string; project?: string; background?: string }, explaining: ExplainingOption): void {
  if (options.background !== undefined && !explaining.given) {
    throw new UsageError(`--background goes with ${explaining.option}: it gives the rows ${explaining.against}. Add ${explaining.add}, or leave out --background.`);
  }
  if (!explaining.given) return;
  if (options.project !== undefined && options.background !== undefined) {
    throw new UsageError("--background cannot go with --project: the run's own training rows are what its answers are explained against. Leave out --background.");
  }
  if (options.weights !== undefined && options.background === undefined) {
    throw new UsageError(
      `${explaining.option} with --weights needs --background FILE.csv: rows like the ones the model learned from (its training CSV, say), ` +
        `because ${explaining.each} against the average answer over them, and a weights file holds no rows. ` +
        "Or give --project FILE.neuron instead of --weights: its run's own training rows are used.",
    );
  }
}

/** Refuses --explain's options that cannot go together, before anything is read. */
export function checkExplainOptions(options: PredictOptions): void {
  checkBackground(options, {
    option: '--explain',
    add: '--explain',
    given: options.explain,
    against: 'the answers are explained against',
    each: 'each answer is explained',
  });
}

export interface AnswerExplainer {
  model: WeightsFile;
  /** what the average answer is taken over, in words ("the training rows") */
  over: string;
  /** one explanation per row (rows in the model's input order), in order */
  explain(rows: readonly RawRow[]): Promise<CaseExplanation[]>;
  close(): Promise<void>;
}

/** The model and the explanations of --project (its run, on its own table) or of --weights with --background. */
export async function answerExplainer(options: PredictOptions): Promise<AnswerExplainer> {
  if (options.project !== undefined) {
    const session = new Session(new EventHub());
    const run = await projectRunInSession(options.project, options.run, session);
    const model = modelOf(run);
    const training = new TrainingService();
    const explanations = new RunExplanations(session, training);
    return {
      model,
      over: 'the training rows',
      explain: (rows) => inTurns(training.threads, rows, (row) => explanations.answerRow(run.id, row)),
      close: () => training.close(),
    };
  }
  const model = await forOption('--weights', readWeightsFile(options.weights!));
  const { background, over } = await forOption('--background', backgroundRows(model, options.background!));
  const training = new TrainingService();
  return {
    model,
    over,
    explain: (rows) => inTurns(training.threads, rows, (row) => explainAnswerAgainst(training, model, row, background)),
    close: () => training.close(),
  };
}

/** The table of --background (read with the one bounded reader) and a sample of its rows in the model's input order:
 * predict --explain's and the calculator page's (export --html) average answer. */
export async function backgroundRows(model: WeightsFile, file: string): Promise<{ table: Dataset; background: RawRow[]; over: string }> {
  const bytes = await readFileBounded(path.resolve(file), 'table');
  const data = parseCsv(bytes, file, { header: true });
  inputColumns(model, data); // every input named, or all the missing ones said at once
  if (data.rowCount === 0) {
    throw new UsageError(`--background: ${file} has no rows under its header. Give rows like the ones the model learned from (its training CSV, say).`);
  }
  const background = backgroundOfTable(data, model);
  return { table: data, background, over: background.length === data.rowCount ? `the ${data.rowCount === 1 ? 'row' : `${data.rowCount} rows`} of ${file}` : `${background.length} rows of ${file}` };
}

/** Each item's work, a few at a time (enough to keep every worker busy), answers in the items' order. */
async function inTurns<T, R>(threads: number, items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(items.length, threads * 2)) }, worker));
  return results;
}

/** A prediction's JSON row with its explanation: `base` (the average answer) and each input's share. */
export function withExplanation<P extends object>(prediction: P, explanation: CaseExplanation): P & { base: number; contributions: Record<string, number> } {
  return { ...prediction, base: explanation.base, contributions: Object.fromEntries(explanation.contributions.map((c) => [c.input, c.value])) };
}

/** The sentence under a prediction's line: what moved it most, against what average. */
export function explanationLine(explanation: CaseExplanation, model: WeightsFile, row: RawRow, over: string): string {
  const values = Object.fromEntries(model.inputs.map((input, i) => [input.name, row[i] ?? null]));
  const className = model.task === 'multiclass' ? explanation.className : undefined;
  return `  ${caseSentence(explanation, values, { over, ...(className ? { className } : {}) })}`;
}
