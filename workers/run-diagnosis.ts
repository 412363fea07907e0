// One verdict per finished run, in plain words, for binary, multi-class and regression alike: diverged, memorising,
// not learning, or learned, with what to do (on the command line and in the app, worded here once as data notes
// are). The Evaluate screen, the Train screen's run card and the CLI all show this; nothing else decides it.

import { rateAdvice } from './engine/divergence';
import { DEFAULT_LEARNING_RATE } from './engine/optimizers';
import { evaluationMetrics, type EvaluationRows } from './engine/metrics';
import type { ClassWeighting, EpochMetrics, OptimizerSettings, StopReason } from './engine/spec';
import { keptEpoch, memorisingFrom, stillImproving } from './learning-curves';

export type Verdict = 'diverged' | 'memorising' | 'not_learning' | 'learned' | 'unknown';

export interface RunDiagnosis {
  verdict: Verdict;
  /** what the run did, in a sentence or two ('' when there is nothing to say yet) */
  message: string;
  /** what to do about it with the command line's options ('' when nothing) */
  cli: string;
  /** what to do about it in the app: where to click ('' when nothing) */
  app: string;
  /** the epoch after which the validation loss rose while the training loss fell (the chart marks it) */
  memorisingFrom?: number;
}

/** What the verdict reads of a run: the run of the services and screens (workers/run.ts) has all of it. */
export interface RunFacts {
  stopReason: StopReason | null;
  message?: string | null;
  history: readonly EpochMetrics[];
  totalEpochs: number;
  evaluation: (EvaluationRows & { on: string; threshold?: number; baseline: { accuracy?: number; mae?: number; answer?: string | number } }) | null;
  plan?: {
    preparation?: { scaling?: string };
    training: {
      optimizer: OptimizerSettings;
      classWeights?: ClassWeighting;
      earlyStopping?: { restoreBestWeights?: boolean } | null;
    };
  };
}

/** beating the baseline by less than this (accuracy points, or this share of its typical miss) is not learning */
const MARGIN = 0.02;
/** training rows scoring this many accuracy points above the held-out rows: memorised */
const ACCURACY_GAP = 0.15;
/** held-out rows missing by this many times the training rows' typical miss: memorised */
const MISS_RATIO = 1.5;
/** a class this common or more is common enough that always answering it looks good */
const IMBALANCED = 0.6;

const ROWS_WORD: Record<string, string> = { test: 'test rows', validation: 'validation rows', train: 'training rows' };

/**
 * The verdict on a run; `threshold` is the decision threshold the score is read at (binary; default the model's),
 * `answerName` how a class is said (the app's names for the label's answers; the value itself by default).
 */
export function diagnoseRun(run: RunFacts, threshold?: number, answerName: (value: string) => string = (value) => value): RunDiagnosis {
  const mark = run.stopReason === 'diverged' ? null : memorisingFrom(run.history);
  const withMark = (d: RunDiagnosis): RunDiagnosis => (mark === null ? d : { ...d, memorisingFrom: mark });
  if (run.stopReason === 'diverged') {
    return { verdict: 'diverged', message: run.message ?? 'Training went wrong: the loss ran away.', cli: '', app: 'On the Model screen, lower the learning rate, then start a new run.' };
  }
  const evaluation = run.evaluation;
  const metrics = evaluation ? evaluationMetrics(evaluation, threshold ?? evaluation.threshold ?? 0.5) : null;
  if (!evaluation || !metrics) return withMark({ verdict: 'unknown', message: '', cli: '', app: '' });

  const rows = `${evaluation.actual.length} ${ROWS_WORD[evaluation.on] ?? 'rows'}`;
  const base = evaluation.baseline;
  const classes = evaluation.classes ?? [];
  const restores = !!run.plan?.training.earlyStopping && run.plan.training.earlyStopping.restoreBestWeights !== false;
  const kept = keptEpoch(run.history, restores);

  // the score against the baseline, in words: `score('against')` "…, against 65 % for always answering “0”"
  let score: (compared: 'against' | 'no better than' | 'worse than') => string, gain: number, sameAnswer: string | null;
  if (metrics.kind === 'regression') {
    const miss = metrics.mae, baseMiss = base.mae ?? NaN, guess = `always guessing the average (${figure(Number(base.answer))})`;
    score = (compared) => `its typical miss on the ${rows} is ${figure(miss)}, ${compared === 'against' ? `against ${figure(baseMiss)} for ${guess}` : `${compared} the ${figure(baseMiss)} of ${guess}`}`;
    gain = baseMiss > 0 ? (baseMiss - miss) / baseMiss : 0;
    sameAnswer = constantPrediction(evaluation.predicted ?? [], evaluation.actual);
  } else {
    const baseRight = percent(base.accuracy ?? NaN), guess = `always answering “${answerName(String(base.answer))}”`;
    score = (compared) => `it answers ${percent(metrics.accuracy)} of the ${rows} right, ${compared === 'against' ? `against ${baseRight} for ${guess}` : `${compared} the ${baseRight} of ${guess}`}`;
    gain = metrics.accuracy - (base.accuracy ?? NaN);
    sameAnswer = oneAnswer(evaluation, metrics.kind === 'binary' ? metrics.threshold : 0.5, classes);
  }

  // memorising, seen in the curves: unless early stopping kept the weights from before it began
  if (mark !== null && !(kept && kept.epoch <= mark)) {
    return withMark({
      verdict: 'memorising',
      message: `It began memorising the training rows after epoch ${mark}: from there the validation loss rose while the training loss kept falling. Now ${score('against')}.`,
      cli: `Train for about ${mark} epoch${mark === 1 ? '' : 's'} (--epochs ${mark}), or use fewer units (--layers).`,
      app: 'On the Model screen, keep early stopping on, add dropout to a hidden layer, or use fewer units.',
    });
  }
  const note = mark !== null && kept ? ` It began memorising the training rows after epoch ${mark}; early stopping kept the weights of epoch ${kept.epoch}.` : '';

  // memorising, seen in the scores where no validation curve can show it: far better on the rows it learned from
  // than on the held-out ones
  const gap = evaluation.on !== 'train' && kept && kept.val_loss === undefined ? memorisedGap(kept, metrics) : null;
  if (gap !== null && sameAnswer === null) {
    return withMark({
      verdict: 'memorising',
      message: `It memorised the training rows: ${gap}, so it does not carry over to rows it never saw. ${capital(score('against'))}.`,
      cli: 'Hold back validation rows (--validation 0.2) and leave out --epochs, so early stopping keeps the best epoch; or use fewer units (--layers).',
      app: 'On the Model screen, turn early stopping on, add dropout to a hidden layer, or use fewer units.',
    });
  }

  if (sameAnswer !== null || gain <= MARGIN) {
    const what = sameAnswer !== null
      ? metrics.kind === 'regression'
        ? `It predicts about the same number (${sameAnswer}) for every one of the ${rows}: it has not learned from the features.`
        : `It answers “${answerName(sameAnswer)}” for every one of the ${rows}: it has not learned to tell them apart.`
      : gain < -MARGIN
        ? `${capital(score('worse than'))}: something is off.`
        : `${capital(score('no better than'))}: it has not learned much.`;
    return withMark({ verdict: 'not_learning', message: what + note, ...notLearningAdvice(run, metrics.kind !== 'regression' && sameAnswer !== null && (base.accuracy ?? 0) >= IMBALANCED) });
  }

  const more = run.stopReason !== 'early_stopping' && stillImproving(run.history, 'score');
  return withMark({
    verdict: 'learned',
    message: `${capital(score('against'))}: it learned something.${note}`,
    cli: more ? `It was still improving when it ended: try more epochs (--epochs ${run.history.length * 2}).` : '',
    app: more ? `It was still improving when it ended: on the Model screen, give it more epochs (${run.history.length * 2}).` : '',
  });
}

/** What to try when a run learned nothing, most likely first: more epochs if it was still improving, a usual
 * learning rate, scaled inputs, class weights when it answers the common class, else the suggested model. */
function notLearningAdvice(run: RunFacts, answersCommonClass: boolean): { cli: string; app: string } {
  const epochs = run.history.length;
  if (run.stopReason !== 'early_stopping' && stillImproving(run.history, 'loss')) {
    const when = run.stopReason === 'stopped' ? 'when you stopped it' : 'when its epochs ran out';
    return {
      cli: `It was still improving ${when}: try more epochs (--epochs ${epochs * 2}).`,
      app: `It was still improving ${when}: on the Model screen, give it more epochs (${epochs * 2}).`,
    };
  }
  const training = run.plan?.training;
  const optimizer = training?.optimizer;
  if (optimizer && (optimizer.learningRate ?? DEFAULT_LEARNING_RATE[optimizer.name]) > 3 * DEFAULT_LEARNING_RATE[optimizer.name]) {
    const words = rateAdvice(optimizer);
    return { cli: words, app: `${words} (on the Model screen)` };
  }
  if (run.plan?.preparation?.scaling === 'none') {
    return { cli: 'Scale the inputs (--scale standard), so no column drowns the others out.', app: 'On the Data screen, scale the inputs (standard), so no column drowns the others out.' };
  }
  if (answersCommonClass && training?.classWeights !== 'balanced') {
    return {
      cli: 'Try --class-weights balanced, so the rare class counts as much as the common one.',
      app: 'On the Model screen, set Class weights to balanced, so the rare class counts as much as the common one.',
    };
  }
  return {
    cli: 'Try the suggested model (leave out --layers, --lr and --epochs) or other --features.',
    app: 'Try the suggested model (Suggest a model, on the Model screen) or other features.',
  };
}

/** The gap between the kept epoch's training figures and the held-out ones, in words, when it is a memorised one. */
function memorisedGap(kept: EpochMetrics, metrics: NonNullable<ReturnType<typeof evaluationMetrics>>): string | null {
  if (metrics.kind === 'regression') {
    const trainMiss = kept.mae;
    if (trainMiss === undefined || !(metrics.mae > MISS_RATIO * trainMiss)) return null;
    return `its typical miss is ${figure(trainMiss)} on the training rows but ${figure(metrics.mae)} on the others`;
  }
  const trainAccuracy = kept.accuracy;
  if (trainAccuracy === undefined || !(trainAccuracy - metrics.accuracy > ACCURACY_GAP)) return null;
  return `it answers ${percent(trainAccuracy)} of the training rows right but ${percent(metrics.accuracy)} of the others`;
}

/** The one class every row gets (at the threshold), or null when the answers differ. */
function oneAnswer(evaluation: NonNullable<RunFacts['evaluation']>, threshold: number, classes: readonly string[]): string | null {
  const probabilities = evaluation.probabilities ?? [];
  if (probabilities.length === 0) return null;
  const answers = new Set<number>();
  for (const p of probabilities) {
    if (typeof p === 'number') answers.add(p >= threshold ? 1 : 0);
    else answers.add(p.indexOf(Math.max(...p)));
    if (answers.size > 1) return null;
  }
  const only = [...answers][0]!;
  return classes[only] ?? String(only);
}

/** The value every prediction is, when they are all about the same (a spread below a thousandth of the answers'). */
function constantPrediction(predicted: readonly number[], actual: readonly number[]): string | null {
  if (predicted.length === 0) return null;
  const spread = Math.max(...predicted) - Math.min(...predicted);
  const mean = actual.reduce((a, b) => a + b, 0) / actual.length;
  const std = Math.sqrt(actual.reduce((a, b) => a + (b - mean) * (b - mean), 0) / actual.length);
  return spread <= 1e-3 * std || spread === 0 ? figure(predicted[0]!) : null;
}

function percent(x: number): string {
  return Number.isFinite(x) ? `${Math.round(x * 100)} %` : '–';
}

/** 2.9517 → "2.95", 31.8211 → "31.8", 1234.5 → "1,235" */
function figure(x: number): string {
  if (!Number.isFinite(x)) return '–';
  return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Number(x.toPrecision(3)));
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
