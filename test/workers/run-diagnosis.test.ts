// A run's verdict (diverged, memorising, not learning, learned) on made-up histories and evaluations, then on real
// runs through the real training task: Adam at 100 on the Pima table, a big network memorising a small loose table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../workers/data';
import type { EpochMetrics } from '../../workers/engine/spec';
import { Rng } from '../../workers/engine/rng';
import { keptEpoch, memorisingFrom, stillImproving } from '../../workers/learning-curves';
import { TrainingPlanSchema } from '../../workers/plan';
import { diagnoseRun, type RunFacts } from '../../workers/run-diagnosis';
import { runTraining } from '../../workers/tasks/train-task';
import { looseAnswersCsv } from '../e2e/made-up-tables';

/** A made-up history: `val(e)` and `train(e)` give each epoch's losses, `noise` a share of jitter on both. */
function history(epochs: number, train: (e: number) => number, val: ((e: number) => number) | null, noise = 0, seed = 1): EpochMetrics[] {
  const rng = new Rng(seed);
  return Array.from({ length: epochs }, (_, i) => {
    const e = i + 1;
    const m: EpochMetrics = { epoch: e, loss: train(e) * (1 + noise * rng.normal()), accuracy: 0.7, elapsed: e };
    if (val) Object.assign(m, { val_loss: val(e) * (1 + noise * rng.normal()), val_accuracy: 0.7 });
    return m;
  });
}

/** Falls to its lowest at epoch 41, then rises: what a memorising run's validation loss does. */
const valley = (e: number) => 0.5 + 0.002 * (e - 41) ** 2 / (1 + Math.abs(e - 41) / 20);
const falling = (e: number) => 0.7 * Math.exp(-e / 60) + 0.05;

const binaryEvaluation = (probabilities: number[], actual: number[], baseline = 0.65): NonNullable<RunFacts['evaluation']> => ({
  on: 'test', task: 'binary', actual, probabilities, classes: ['no', 'yes'], threshold: 0.5, baseline: { accuracy: baseline, answer: 'no' },
});
/** 20 test rows, 13 "no": `right` of them answered right, the wrong ones taken in turn from each class (so the
 * answers are mixed), probabilities 0.2 / 0.8 */
function scored(right: number): NonNullable<RunFacts['evaluation']> {
  const actual = Array.from({ length: 20 }, (_, i) => (i < 13 ? 0 : 1));
  const wrong = new Set([13, 0, 14, 1, 15, 2, 16, 3, 17, 4, 18, 5].slice(0, 20 - right));
  return binaryEvaluation(actual.map((a, i) => (wrong.has(i) === (a === 1) ? 0.2 : 0.8)), actual);
}
const plan = (training: Record<string, unknown> = {}, scaling = 'standard'): RunFacts['plan'] => ({
  preparation: { scaling },
  training: { optimizer: { name: 'adam' }, classWeights: 'none', earlyStopping: null, ...training },
});

describe('the curves: memorising, still improving, the epoch kept', () => {
  it('finds where the validation loss turned up while the training loss fell', () => {
    expect(memorisingFrom(history(200, falling, valley))).toBe(41);
  });

  it('finds it through the noise of a batch of 1, over 20,000 epochs', () => {
    const long = history(20_000, (e) => falling(e / 100), (e) => valley(e / 100 + 1) , 0.05, 3);
    const from = memorisingFrom(long)!;
    expect(Math.abs(from - 4000)).toBeLessThan(400);
  });

  it('not: an honest plateau, a run whose training loss rises too, or one without validation rows', () => {
    expect(memorisingFrom(history(200, falling, (e) => (e < 41 ? valley(e) : 0.5), 0.01))).toBeNull();
    expect(memorisingFrom(history(200, (e) => 0.3 + e / 100, valley))).toBeNull();
    expect(memorisingFrom(history(200, falling, null))).toBeNull();
    expect(memorisingFrom(history(6, falling, valley))).toBeNull();
  });

  it('says whether a run was still improving at the end, by its loss or its score', () => {
    expect(stillImproving(history(100, falling, falling), 'loss')).toBe(true);
    expect(stillImproving(history(100, () => 0.3, () => 0.4), 'loss')).toBe(false);
    // its loss falls but its accuracy is flat: no more epochs needed for a better score
    expect(stillImproving(history(100, falling, falling), 'score')).toBe(false);
  });

  it('knows whose weights early stopping kept', () => {
    const h = history(100, falling, valley);
    expect(keptEpoch(h, true)?.epoch).toBe(41);
    expect(keptEpoch(h, false)?.epoch).toBe(100);
  });
});

describe('the verdict on made-up runs', () => {
  it('diverged: the engine\'s own words', () => {
    const d = diagnoseRun({ stopReason: 'diverged', message: 'Training went wrong in epoch 1: the loss became infinite.', history: [], totalEpochs: 9, evaluation: scored(13) });
    expect(d).toMatchObject({ verdict: 'diverged', message: 'Training went wrong in epoch 1: the loss became infinite.' });
  });

  it('memorising: a stopped 20,000-epoch run with batch 1 is told so, and where it began', () => {
    // regression: this run read "has not learned much yet. Try more epochs"
    const run: RunFacts = {
      stopReason: 'stopped', history: history(20_000, (e) => falling(e / 100), (e) => valley(e / 100 + 1), 0.05, 3),
      totalEpochs: 20_000, evaluation: scored(13), plan: plan({ earlyStopping: null }),
    };
    const d = diagnoseRun(run);
    expect(d.verdict).toBe('memorising');
    expect(d.memorisingFrom).toBeGreaterThan(3600);
    expect(d.message).toMatch(/^It began memorising the training rows after epoch \d+: from there the validation loss rose while the training loss kept falling\. Now it answers 65 % of the 20 test rows right, against 65 % for always answering “no”\.$/);
    expect(d.app).toBe('On the Model screen, keep early stopping on, add dropout to a hidden layer, or use fewer units.');
    expect(d.cli).toMatch(/^Train for about \d+ epochs \(--epochs \d+\), or use fewer units \(--layers\)\.$/);
    expect(`${d.message} ${d.app} ${d.cli}`).not.toMatch(/more epochs|not learned much/);
  });

  it('memorising seen, but early stopping kept the weights from before: the score decides, and the note says so', () => {
    const d = diagnoseRun({ stopReason: 'early_stopping', history: history(80, falling, valley), totalEpochs: 300, evaluation: scored(17), plan: plan({ earlyStopping: { restoreBestWeights: true } }) });
    expect(d.verdict).toBe('learned');
    expect(d.memorisingFrom).toBe(41);
    expect(d.message).toBe('It answers 85 % of the 20 test rows right, against 65 % for always answering “no”: it learned something. ' +
      'It began memorising the training rows after epoch 41; early stopping kept the weights of epoch 41.');
  });

  it('memorising without validation rows: far better on the training rows than on the test rows', () => {
    const h = history(100, falling, null).map((e) => ({ ...e, accuracy: 0.99 }));
    const d = diagnoseRun({ stopReason: 'completed', history: h, totalEpochs: 100, evaluation: scored(14), plan: plan() });
    expect(d.verdict).toBe('memorising');
    expect(d.message).toBe('It memorised the training rows: it answers 99 % of the training rows right but 70 % of the others, so it does not ' +
      'carry over to rows it never saw. It answers 70 % of the 20 test rows right, against 65 % for always answering “no”.');
  });

  it('says the answers by the names the app gave them', () => {
    const actual = Array.from({ length: 20 }, (_, i) => (i < 13 ? 0 : 1));
    const named = (value: string) => (value === 'no' ? 'no diabetes' : value === 'yes' ? 'diabetes' : value);
    const stuck = diagnoseRun({ stopReason: 'completed', history: history(50, () => 0.65, null), totalEpochs: 50, evaluation: binaryEvaluation(actual.map(() => 0.3), actual), plan: plan() }, undefined, named);
    expect(stuck.message).toBe('It answers “no diabetes” for every one of the 20 test rows: it has not learned to tell them apart.');
    const learned = diagnoseRun({ stopReason: 'completed', history: history(50, () => 0.65, null), totalEpochs: 50, evaluation: scored(17), plan: plan() }, undefined, named);
    expect(learned.message).toMatch(/against 65 % for always answering “no diabetes”/);
  });

  it('not learning: the same answer for every row; with a common class, class weights are suggested', () => {
    const actual = Array.from({ length: 20 }, (_, i) => (i < 13 ? 0 : 1));
    const d = diagnoseRun({ stopReason: 'completed', history: history(50, () => 0.65, null), totalEpochs: 50, evaluation: binaryEvaluation(actual.map(() => 0.3), actual), plan: plan() });
    expect(d).toEqual({
      verdict: 'not_learning',
      message: 'It answers “no” for every one of the 20 test rows: it has not learned to tell them apart.',
      cli: 'Try --class-weights balanced, so the rare class counts as much as the common one.',
      app: 'On the Model screen, set Class weights to balanced, so the rare class counts as much as the common one.',
    });
    // a learning rate far above the usual one is the likelier cause, and said first
    const fast = diagnoseRun({ stopReason: 'completed', history: history(50, () => 0.65, null), totalEpochs: 50, evaluation: binaryEvaluation(actual.map(() => 0.3), actual), plan: plan({ optimizer: { name: 'adam', learningRate: 0.1 } }) });
    expect(fast.cli).toBe("Try a learning rate of 0.001 (Adam's usual rate) instead of 0.1.");
    // unscaled inputs next
    expect(diagnoseRun({ stopReason: 'completed', history: history(50, () => 0.65, null), totalEpochs: 50, evaluation: binaryEvaluation(actual.map(() => 0.3), actual), plan: plan({}, 'none') }).app)
      .toBe('On the Data screen, scale the inputs (standard), so no column drowns the others out.');
  });

  it('not learning: no better or worse than guessing; more epochs only when it was still improving', () => {
    const flat = history(50, () => 0.6, () => 0.62);
    expect(diagnoseRun({ stopReason: 'completed', history: flat, totalEpochs: 50, evaluation: scored(13), plan: plan() }).message)
      .toBe('It answers 65 % of the 20 test rows right, no better than the 65 % of always answering “no”: it has not learned much.');
    expect(diagnoseRun({ stopReason: 'completed', history: flat, totalEpochs: 50, evaluation: scored(10), plan: plan() }).message)
      .toBe('It answers 50 % of the 20 test rows right, worse than the 65 % of always answering “no”: something is off.');
    const slow = diagnoseRun({ stopReason: 'completed', history: history(50, falling, falling), totalEpochs: 50, evaluation: scored(13), plan: plan() });
    expect(slow).toMatchObject({ verdict: 'not_learning', cli: 'It was still improving when its epochs ran out: try more epochs (--epochs 100).' });
  });

  it('regression: a typical miss against the average\'s, in the label\'s units', () => {
    const actual = [10, 14, 18, 22, 26, 30, 34];
    const evaluation = { on: 'test', task: 'regression' as const, actual, predicted: actual.map((a, i) => a + (i % 2 ? 2.95 : -2.95)), baseline: { mae: 6.46, answer: 21.3 } };
    expect(diagnoseRun({ stopReason: 'completed', history: history(50, () => 0.2, () => 0.3), totalEpochs: 50, evaluation, plan: plan() }))
      .toMatchObject({ verdict: 'learned', message: 'Its typical miss on the 7 test rows is 2.95, against 6.46 for always guessing the average (21.3): it learned something.' });
    const constant = { ...evaluation, predicted: actual.map(() => 21.3) };
    expect(diagnoseRun({ stopReason: 'completed', history: history(50, () => 1, () => 1), totalEpochs: 50, evaluation: constant, plan: plan() }).message)
      .toBe('It predicts about the same number (21.3) for every one of the 7 test rows: it has not learned from the features.');
  });

  it('multi-class: right answers against the most common class', () => {
    const actual = [0, 0, 1, 1, 2, 2, 0, 1, 2, 0];
    const probabilities = actual.map((a, i) => [0, 1, 2].map((c) => (c === (i === 9 ? 1 : a) ? 0.8 : 0.1)));
    const evaluation = { on: 'validation', task: 'multiclass' as const, actual, probabilities, classes: ['left', 'right', 'top'], baseline: { accuracy: 0.4, answer: 'left' } };
    expect(diagnoseRun({ stopReason: 'completed', history: history(50, () => 0.2, () => 0.3), totalEpochs: 50, evaluation, plan: plan() }).message)
      .toBe('It answers 90 % of the 10 validation rows right, against 40 % for always answering “left”: it learned something.');
  });

  it('nothing to say without an evaluation', () => {
    expect(diagnoseRun({ stopReason: 'stopped', history: [], totalEpochs: 9, evaluation: null }).verdict).toBe('unknown');
  });
});

describe('the verdict on real runs through the training task', () => {
  const diabetes = parseCsv(readFileSync(path.join(__dirname, '../../datasets/diabetes.csv')), 'diabetes.csv');

  function verdictOf(result: ReturnType<typeof runTraining>, p: ReturnType<typeof TrainingPlanSchema.parse>) {
    return diagnoseRun({ ...result, totalEpochs: p.training.epochs, plan: p });
  }

  it('Adam at learning rate 100 on the Pima table: diverged, and it says what to try', () => {
    const p = TrainingPlanSchema.parse({
      features: diabetes.columns.map((c) => c.name).filter((n) => n !== 'Outcome'), label: 'Outcome',
      split: { validation: 0.15, test: 0.2 }, hidden: [{ units: 16, activation: 'relu' }, { units: 8, activation: 'relu' }],
      training: { epochs: 150, batchSize: 16, optimizer: { name: 'adam', learningRate: 100 } },
    });
    const result = runTraining({ runId: 'r', dataset: diabetes, plan: p });
    expect(result.stopReason).toBe('diverged');
    const d = verdictOf(result, p);
    expect(d.verdict).toBe('diverged');
    expect(d.message).toMatch(/the loss swung far above where it started .* Try a learning rate of 0\.001 \(Adam's usual rate\) instead of 100\.$/);
  });

  it('a big network on a small loose table: memorising flagged, with the epoch; stopped by the person, still said', () => {
    const loose = parseCsv(new TextEncoder().encode(looseAnswersCsv()), 'loose.csv');
    const p = TrainingPlanSchema.parse({
      features: ['a', 'b', 'c', 'd'], label: 'answer', split: { validation: 0.15, test: 0.2 },
      hidden: [{ units: 128, activation: 'relu' }, { units: 128, activation: 'relu' }],
      training: { epochs: 20_000, batchSize: 1, earlyStopping: null },
    });
    // the person presses Stop after 150 epochs
    const stopFlag = new Int32Array(new SharedArrayBuffer(4));
    let epochs = 0;
    const port = {
      postMessage(message: { epochs: unknown[] }) {
        epochs += message.epochs.length;
        if (epochs >= 150) Atomics.store(stopFlag, 0, 1);
      },
      close() {},
    } as unknown as MessagePort;
    const result = runTraining({ runId: 'r', dataset: loose, plan: p, port, stopFlag });
    expect(result.stopReason).toBe('stopped');
    const d = verdictOf(result, p);
    expect(d.verdict).toBe('memorising');
    expect(d.memorisingFrom).toBeGreaterThanOrEqual(1);
    expect(d.memorisingFrom).toBeLessThan(60);
    expect(d.message).toContain(`It began memorising the training rows after epoch ${d.memorisingFrom}`);
  }, 60_000);
});
