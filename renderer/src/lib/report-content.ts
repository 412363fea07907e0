// A run's one-page report, as sections of sentences and chart series: the data and what was done to it, the model
// and its settings, its curves, how good it is, what matters, and its limits. Pure: the words come from their own
// homes (data notes, verdicts, score words, confusion sentences, network words); this file only composes them, and
// the Report screen only lays them out.

import type { ColumnProfile, DatasetSummary, LabelTask, Run } from '../../../main/contract';
import type { CrossValidation } from '../../../workers/cross-validation';
import { columnLeftOutNote, type LeftOut } from '../../../workers/data/notes';
import type { Importance } from '../../../workers/engine/explain';
import { DEFAULT_LEARNING_RATE } from '../../../workers/engine/optimizers';
import { keptEpoch } from '../../../workers/learning-curves';
import { modelLimits } from '../../../workers/model-limits';
import { dayText as day, decimal, percent } from '../../../workers/number-text';
import { autoLoss } from '../../../workers/plan';
import { diagnoseRun } from '../../../workers/run-diagnosis';
import { crossValidationWords, heldOutRows, headline, smallTestCaution } from '../../../workers/score-words';
import { figureIntervals } from '../../../workers/engine/uncertainty';
import { networkWords } from '../../../workers/search-space';
import { certaintyView } from './certainty-view';
import { metricPoints, runColours, type Series } from './chart-series';
import { binaryConfusionSentences, multiclassConfusionSentences, type ClassWords } from './confusion-words';
import { memorisingMarks, type EpochMark } from './epoch-marks';
import { evaluationView } from './evaluation-view';
import { lossWords, optimizerWords, outputLayerReason } from './explanations';
import { count } from './format';
import { importanceBars, type ImportanceBars } from './importance-bars';
import { runEnding } from './run-ending';
import { answerName, answersNamed, type AnswerNames } from './answer-names';

/** What a report page is made from: the run (with weights and evaluation) and what the project knows of its table. */
export interface ReportFacts {
  project: string;
  run: Run;
  dataset: DatasetSummary;
  profiles: readonly ColumnProfile[];
  /** the columns the roles leave out on their own, with why (identifiers, free text, one value) */
  notUsed: readonly LeftOut[];
  /** what the label makes of the rows, when the project's label is still the run's */
  labelTask: LabelTask | null;
  classWords: ClassWords;
  /** the names given to the label's answers (lib/answer-names.ts); the values are said where there are none */
  answerNames?: AnswerNames;
  /** the person's sentence about the data (for the example, what is known of its rows) */
  aboutData: string | null;
  crossValidation: CrossValidation | null;
  importance: Importance | null;
  /** when the report is made (ms since 1970) */
  now: number;
}

export interface ReportCurves {
  loss: Series[];
  score: Series[];
  scoreTitle: string;
  marks: EpochMark[];
  /** the x axis's end: the last epoch trained */
  epochs: number;
}

export interface ReportQuality {
  /** "Accuracy 75 % (likely between 68 % and 81 %) on 154 rows" */
  headline: string | null;
  figures: string[];
  baseline: string | null;
  /** "At the decision threshold 0.50:" before the confusion sentences */
  threshold: string | null;
  confusion: string[];
  verdict: string | null;
  crossValidation: string | null;
}

export interface ReportPage {
  runId: string;
  title: string;
  subtitle: string;
  data: { about: string | null; lines: string[] };
  model: string[];
  curves: ReportCurves;
  quality: ReportQuality;
  importance: ImportanceBars | null;
  limits: string[];
}

/** "a, b and c"; past `most` names, "a, b, ... and 12 more", so a wide table's lists still fit the page. */
function list(names: readonly string[], most = Infinity): string {
  if (names.length > most) return `${names.slice(0, most).join(', ')} and ${count(names.length - most)} more`;
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Names a page lists at most (columns, fills); the sentences about columns left out, at most. */
const MOST_NAMES = 16;
const MOST_LEFT_OUT_NOTES = 3;
const MOST_NOTICED = 4;
const MOST_CLASS_SENTENCES = 8;

function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

const SCALING_WORDS: Record<string, string> = {
  standard: 'Each input is standardised (average 0, spread 1), as measured on the training rows.',
  minmax: 'Each input is squeezed into 0…1, as measured on the training rows.',
  none: 'The inputs are used as they are, not scaled.',
};

const FILL_WORDS: Record<string, string> = {
  median: 'the median',
  mean: 'the average',
  most_frequent: 'the most common value',
};

// ---- the data ----------------------------------------------------------------------------------------------------

function labelLine(facts: ReportFacts): string {
  const { run, labelTask } = facts;
  const label = run.plan.label;
  const classes = run.weights?.output.classes ?? labelTask?.classes ?? [];
  const task = run.weights?.task ?? labelTask?.task;
  if (task === 'regression') {
    const p = facts.profiles.find((c) => c.name === label);
    const range = p?.min !== undefined && p.max !== undefined ? ` from ${decimal(p.min)} to ${decimal(p.max)} (average ${decimal(p.mean ?? NaN)})` : '';
    return `It predicts ${label}, a number${range}.`;
  }
  const counts = labelTask?.classCounts;
  const named = classes.map((c, i) => `“${answerName(c, facts.answerNames ?? {})}”${counts?.[i] !== undefined ? ` (${count(counts[i]!)} rows)` : ''}`);
  return `It predicts ${label}: ${task === 'binary' ? 'yes or no' : `one of ${classes.length} classes`}, ${list(named, MOST_NAMES)}.`;
}

function splitLine(run: Run): string | null {
  const rows = run.rows;
  if (!rows) return null;
  const parts = [`${count(rows.train)} to learn from`];
  if (rows.validation > 0) parts.push(`${count(rows.validation)} to decide when to stop (validation)`);
  if (rows.test > 0) parts.push(`${count(rows.test)} kept for the final test`);
  const split = run.plan.split;
  const how = `picked at random (seed ${split.seed})${split.stratify && run.weights?.task !== 'regression' ? ', each part with the same share of each answer' : ''}`;
  return `Rows: ${list(parts)}, ${how}.`;
}

function missingLines(facts: ReportFacts): string[] {
  const { run } = facts;
  const preparation = run.plan.preparation;
  const profileOf = (name: string) => facts.profiles.find((p) => p.name === name);
  const lines: string[] = [];
  const zeros = preparation.zeroAsMissing.filter((c) => run.plan.features.includes(c));
  if (zeros.length) {
    const counted = zeros.map((c) => {
      const n = profileOf(c)?.zeros;
      return n === undefined ? c : `${c} (${plural(n, 'row', 'rows')})`;
    });
    lines.push(`A 0 counts as missing (not measured) in ${list(counted, MOST_NAMES)}.`);
  }
  const nonNumeric = preparation.nonNumericAsMissing.filter((c) => run.plan.features.includes(c));
  if (nonNumeric.length) lines.push(`Text where a number belongs counts as missing in ${list(nonNumeric, MOST_NAMES)}.`);
  const gaps = run.plan.features
    .map((name) => ({ name, missing: profileOf(name)?.missing ?? 0 }))
    .filter((c) => c.missing > 0)
    .map((c) => `${c.name} (${plural(c.missing, 'empty cell', 'empty cells')})`);
  if (gaps.length) lines.push(`Empty cells: ${list(gaps, MOST_NAMES)}.`);
  if (!zeros.length && !nonNumeric.length && !gaps.length) return ['No value is missing in the inputs.'];
  if (preparation.numericMissing === 'drop') {
    lines.push('Rows with a missing number are left out of training.');
  } else {
    // the fills the weights hold, as training measured them on its own rows
    const fills = (run.weights?.inputs ?? [])
      .filter((i) => i.kind === 'numeric' && (zeros.includes(i.name) || nonNumeric.includes(i.name) || (profileOf(i.name)?.missing ?? 0) > 0))
      .map((i) => (i.kind === 'numeric' && i.missing ? `${i.name} ${decimal(i.missing.fill)}` : i.name));
    lines.push(`Missing numbers are filled with ${FILL_WORDS[preparation.numericMissing] ?? preparation.numericMissing} of the training rows${fills.length ? ` (${list(fills, MOST_NAMES)})` : ''}.`);
  }
  return lines;
}

function leftOutLines(facts: ReportFacts): string[] {
  const { run, dataset } = facts;
  const used = new Set([...run.plan.features, run.plan.label]);
  const leftOut = facts.notUsed.filter((c) => !used.has(c.name));
  const lines = leftOut.slice(0, MOST_LEFT_OUT_NOTES).map((c) => columnLeftOutNote(dataset.fileName, c).message);
  const more = leftOut.slice(MOST_LEFT_OUT_NOTES).map((c) => c.name);
  if (more.length) lines.push(`Also left out on their own, for the same kinds of reasons: ${list(more, MOST_NAMES)}.`);
  const byReason = new Set(facts.notUsed.map((c) => c.name));
  const chosen = dataset.columns.map((c) => c.name).filter((name) => !used.has(name) && !byReason.has(name));
  if (chosen.length) lines.push(`Left out by choice: ${list(chosen, MOST_NAMES)}.`);
  return lines;
}

/** What the import, the label and the preparation did on their own (rows skipped, rows without a label, ...), the
 * first few: the Data screen has them all. */
function noticed(facts: ReportFacts): string[] {
  const all = [...facts.dataset.notes.map((n) => n.message), ...(facts.labelTask?.notes ?? []).map((n) => n.message), ...facts.run.warnings];
  if (all.length <= MOST_NOTICED) return all;
  return [...all.slice(0, MOST_NOTICED - 1), `And ${all.length - MOST_NOTICED + 1} more notes about the data: the Data screen shows them all.`];
}

function dataSection(facts: ReportFacts): ReportPage['data'] {
  const { run, dataset } = facts;
  const features = run.plan.features;
  const lines = [
    `${dataset.fileName}: ${plural(dataset.rows, 'row', 'rows')}, ${plural(dataset.columns.length, 'column', 'columns')}.`,
    labelLine(facts),
    `It learns from ${plural(features.length, 'column', 'columns')}: ${list(features, MOST_NAMES)}.`,
    ...leftOutLines(facts),
    ...missingLines(facts),
    SCALING_WORDS[run.plan.preparation.scaling] ?? '',
    ...(splitLine(run) ? [splitLine(run)!] : []),
    ...noticed(facts),
  ].filter(Boolean);
  return { about: facts.aboutData?.trim() || null, lines };
}

// ---- the model ---------------------------------------------------------------------------------------------------

function weightCount(run: Run): number {
  return (run.weights?.layers ?? []).reduce((sum, l) => sum + l.kernel.length * l.units + (l.bias?.length ?? 0), 0);
}

function modelSection(run: Run, names: AnswerNames): string[] {
  const t = run.plan.training;
  const task = run.weights?.task ?? 'binary';
  const inputs = run.weights ? run.weights.layers[0]!.kernel.length : run.plan.features.length;
  const optimizer = t.optimizer.name;
  const rate = t.optimizer.learningRate ?? DEFAULT_LEARNING_RATE[optimizer];
  const loss = t.loss === 'auto' ? autoLoss(task) : t.loss;
  const done = run.history.length;
  const kept = keptEpoch(run.history, !!t.earlyStopping && t.earlyStopping.restoreBestWeights !== false);
  const ending = runEnding({ ...run, epochsDone: done, seconds: run.trainSeconds ?? 0 });
  const settings = [
    `optimizer ${optimizerWords[optimizer] ?? optimizer}, learning rate ${rate}${t.optimizer.learningRate === undefined ? ' (its usual one)' : ''}`,
    `batches of ${plural(t.batchSize, 'row', 'rows')}`,
    t.l2 > 0 ? `L2 ${t.l2}` : 'no L2',
    task === 'regression' ? null : t.classWeights === 'balanced' ? 'class weights balanced' : 'no class weights',
    `loss: ${lossWords[loss] ?? loss}`,
    t.earlyStopping ? `early stopping after ${plural(t.earlyStopping.patience, 'epoch', 'epochs')} without improvement` : 'no early stopping',
    `seed ${t.seed}`,
  ].filter(Boolean);
  return [
    `The network: ${plural(inputs, 'input', 'inputs')} → ${networkWords(run.plan.hidden).replace(/^No hidden layer/, 'no hidden layer')} → output; ${count(weightCount(run))} weights learned.`,
    outputLayerReason(task, run.plan.label, answersNamed(run.weights?.output.classes ?? [], names)),
    `Settings: ${settings.join('; ')}.`,
    ...(ending ? [ending] : []),
    ...(kept && kept.epoch !== done ? [`It keeps the weights of epoch ${kept.epoch}, where the validation loss was lowest.`] : []),
    ...(run.continuedFrom ? [`It went on from “${run.continuedFrom.name}”${run.continuedFrom.epoch ? ` (epoch ${run.continuedFrom.epoch})` : ''}.`] : []),
  ];
}

// ---- how it learned ------------------------------------------------------------------------------------------------

function curves(run: Run): ReportCurves {
  const regression = run.weights?.task === 'regression' || run.history[0]?.accuracy === undefined;
  const pair = (train: 'loss' | 'accuracy' | 'mae', validation: 'val_loss' | 'val_accuracy' | 'val_mae'): Series[] =>
    [
      { label: 'training rows', color: runColours.train, points: metricPoints(run.history, train) },
      { label: 'validation rows', color: runColours.validation, points: metricPoints(run.history, validation) },
    ].filter((s) => s.points.length > 0);
  return {
    loss: pair('loss', 'val_loss'),
    score: regression ? pair('mae', 'val_mae') : pair('accuracy', 'val_accuracy'),
    scoreTitle: regression ? 'typical miss (MAE)' : 'accuracy',
    marks: memorisingMarks(run.history),
    epochs: Math.max(1, run.history[run.history.length - 1]?.epoch ?? 1),
  };
}

// ---- how good it is ------------------------------------------------------------------------------------------------

function qualitySection(facts: ReportFacts, threshold: number): ReportQuality {
  const { run } = facts;
  const view = run.evaluation ? evaluationView(run.evaluation, threshold) : null;
  const names = facts.answerNames ?? {};
  const certainty = view ? certaintyView(run, view, names) : null;
  const verdict = diagnoseRun(run, threshold, (value) => answerName(value, names)).message || null;
  const cv = facts.crossValidation ? `Cross-validation: ${crossValidationWords(facts.crossValidation)}.` : null;
  const quality: ReportQuality = {
    headline: certainty?.headline ?? null,
    figures: certainty?.figures ?? [],
    baseline: null,
    threshold: null,
    confusion: [],
    verdict,
    crossValidation: cv,
  };
  if (!view) return quality;
  if (view.kind === 'regression') {
    quality.baseline = `Always answering the average (${decimal(view.baseline.mean, 4)}) would miss by ${decimal(view.baseline.mae, 3)} (MAE); the model misses by ${decimal(view.mae, 3)}.`;
  } else {
    quality.baseline = `Always answering “${answerName(view.baseline.className, names)}”, the most common answer, would score ${percent(view.baseline.accuracy)}.`;
  }
  if (view.kind === 'binary') {
    quality.threshold = `At the decision threshold ${view.threshold.toFixed(2)}:`;
    quality.confusion = binaryConfusionSentences(
      { truePositive: view.tp, falsePositive: view.fp, trueNegative: view.tn, falseNegative: view.fn },
      facts.classWords,
    );
  } else if (view.kind === 'multiclass') {
    const sentences = multiclassConfusionSentences(view.confusion, answersNamed(view.classes, names));
    quality.confusion =
      sentences.length > MOST_CLASS_SENTENCES
        ? [...sentences.slice(0, MOST_CLASS_SENTENCES), `And ${sentences.length - MOST_CLASS_SENTENCES} more classes: the Evaluate screen shows them all.`]
        : sentences;
  }
  return quality;
}

// ---- its limits ----------------------------------------------------------------------------------------------------

function limitsSection(facts: ReportFacts, threshold: number): string[] {
  const { run, dataset } = facts;
  const limits = modelLimits({
    task: run.weights?.task ?? 'binary',
    inputs: run.plan.features.length,
    fileName: dataset.fileName,
    rows: run.rows ? { train: run.rows.train, of: dataset.rows } : null,
    described: !!facts.aboutData?.trim(),
  });
  const evaluation = run.evaluation;
  const view = evaluation ? evaluationView(evaluation, threshold) : null;
  if (evaluation && view) {
    const caution = smallTestCaution(heldOutRows(evaluation), headline(view, figureIntervals(view, evaluation.intervals)));
    if (caution) limits.push(caution);
    const certainty = certaintyView(run, view);
    // on rows it never saw, Train's and Evaluate's figures differ only by chance; otherwise the score flatters it
    if (certainty && evaluation.on !== 'test') limits.push(certainty.why);
  }
  return limits;
}

/** One page of the report for one run. */
export function reportPage(facts: ReportFacts): ReportPage {
  const { run } = facts;
  const threshold = run.weights?.output.threshold ?? 0.5;
  const trained = run.finishedAt ?? run.createdAt;
  return {
    runId: run.id,
    title: `${facts.project}: ${run.name}`,
    subtitle: `Trained on ${day(trained)} · report made on ${day(facts.now)}`,
    data: dataSection(facts),
    model: modelSection(run, facts.answerNames ?? {}),
    curves: curves(run),
    quality: qualitySection(facts, threshold),
    importance: facts.importance ? importanceBars(facts.importance, run.evaluation?.on ?? 'test') : null,
    limits: limitsSection(facts, threshold),
  };
}
