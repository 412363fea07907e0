// The main path through the contract, as the app walks it: import Pima, describe, plan, train, evaluate, predict,
// export, save, reopen, and the same answers after reopening.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAnswer, traceForward } from '../../../renderer/src/lib/forward-trace';
import { evaluationMetrics } from '../../../workers/engine/metrics';
import { parseWeightsFile, predict } from '../../../workers/engine/predict';
import type { PayloadOf, PlanDraft, ProjectChanged, Run } from '../../../main/contract';
import { DIABETES, startHarness, type Harness } from './harness';

const PATIENT = { Pregnancies: 6, Glucose: 148, BloodPressure: 72, SkinThickness: 35, Insulin: 0, BMI: 33.6, DiabetesPedigreeFunction: 0.627, Age: 50 };

let h: Harness;
const progress: PayloadOf<'training.progress'>[] = [];
const changes: ProjectChanged[] = [];
let run: Run;

beforeAll(async () => {
  h = startHarness();
  h.api.onTrainingProgress((p) => progress.push(p));
  h.api.onProjectChanged((c) => changes.push(c));
});
afterAll(async () => {
  await h.close();
  expect(h.logged).toEqual([]); // no unexpected error on the way
});

describe('the main path over the in-memory pair', () => {
  it('imports datasets/diabetes.csv and names the project after it', async () => {
    const summary = await h.api.dataset.import({ path: DIABETES });
    expect(summary.fileName).toBe('diabetes.csv');
    expect(summary.rows).toBe(768);
    expect(summary.columns.map((c) => c.name)).toEqual([
      'Pregnancies', 'Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI', 'DiabetesPedigreeFunction', 'Age', 'Outcome',
    ]);
    expect(changes.at(-1)).toEqual({ name: 'diabetes', path: null, dirty: true });
  });

  it('describes the columns: Outcome the binary label, Insulin zeros flagged', async () => {
    const d = await h.api.dataset.describe();
    expect(d.roles.label).toBe('Outcome');
    expect(d.roles.features).toHaveLength(8);
    expect(d.labelTask).toMatchObject({ task: 'binary', classes: ['0', '1'], classCounts: [500, 268] });
    const insulin = d.profiles.find((p) => p.name === 'Insulin')!;
    expect(insulin.warnings.map((w) => w.code)).toContain('zeros_look_missing');
  });

  it('starts the plan from the suggested network, so Train works before the Model screen is visited', async () => {
    const [state, suggestion] = [await h.api.project.state(), await h.api.model.suggest()];
    expect(state.plan!.label).toBe('Outcome');
    expect(state.plan!.hidden).toEqual(suggestion.hidden);
    expect(state.plan!.hidden.length).toBeGreaterThan(0);
    expect(state.plan!.training).toEqual(suggestion.training);
  });

  it('gives rows of the table as text', async () => {
    const page = await h.api.dataset.rows({ start: 766, count: 10 });
    expect(page.total).toBe(768);
    expect(page.rows).toEqual([
      ['1', '126', '60', '0', '0', '30.1', '0.349', '47', '1'],
      ['1', '93', '70', '31', '0', '30.4', '0.315', '23', '0'],
    ]);
  });

  it('keeps the plan it is given, defaults filled', async () => {
    const state = await h.api.project.state();
    const suggestion = await h.api.model.suggest();
    expect(suggestion.hidden.length).toBeGreaterThan(0);
    // Regression: the Suggest button's reasons came back empty (the handler read a field the suggestion lacks).
    expect(suggestion.notes.some((note) => note.includes('Adam'))).toBe(true);
    const plan: PlanDraft = {
      ...state.plan!,
      preparation: { ...state.plan!.preparation, zeroAsMissing: ['Insulin', 'SkinThickness'] },
      split: { validation: 0.2, test: 0.2, seed: 7, stratify: true },
      hidden: [{ units: 8, activation: 'relu' }],
      training: { ...state.plan!.training, epochs: 6, batchSize: 16, optimizer: { name: 'adam', learningRate: 0.01 } },
    };
    const saved = await h.api.project.setPlan({ plan });
    expect(saved.hidden).toEqual([{ units: 8, activation: 'relu' }]);
    expect((await h.api.project.state()).plan).toEqual(saved);
  });

  it('trains: progress arrives epoch by epoch, then the finished run', async () => {
    const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => h.api.onTrainingFinished(resolve));
    const { runId } = await h.api.training.start();
    const listed = await h.api.training.list();
    expect(listed.map((r) => [r.id, r.name])).toEqual([[runId, 'Run 1']]);
    const end = await finished;
    expect(end.runId).toBe(runId);
    run = end.run;
    expect(run.status).toBe('completed');
    expect(run.history.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5, 6]);
    // every epoch came through progress events, in order, each once
    expect(progress.flatMap((p) => p.epochs.map((e) => e.epoch))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.every((p) => p.runId === runId && p.totalEpochs === 6)).toBe(true);
    expect(run.history[0]!.val_loss).toEqual(expect.any(Number));
    expect(run.rows!.train + run.rows!.validation + run.rows!.test).toBe(768);
    expect(await h.api.training.get({ runId })).toEqual(run);
  });

  it('evaluates on the test rows, figures recomputed by hand from the answers', async () => {
    const evaluation = run.evaluation!;
    const metrics = evaluationMetrics(evaluation, 0.5);
    if (metrics?.kind !== 'binary') throw new Error('expected the figures of a yes/no label');
    expect(evaluation.on).toBe('test');
    expect(evaluation.actual).toHaveLength(run.rows!.test);
    const p = evaluation.probabilities as number[];
    let tp = 0, tn = 0, fp = 0, fn = 0;
    p.forEach((pr, i) => {
      const yes = pr >= 0.5;
      if (evaluation.actual[i] === 1) yes ? tp++ : fn++;
      else yes ? fp++ : tn++;
    });
    expect([metrics.tn, metrics.fp, metrics.fn, metrics.tp]).toEqual([tn, fp, fn, tp]);
    expect(metrics.accuracy).toBeCloseTo((tp + tn) / p.length, 12);
    expect(metrics.auc).toBeGreaterThan(0.5);
    expect(metrics.roc[0]).toEqual({ fpr: 0, tpr: 0, threshold: Infinity });
    // a higher threshold can only predict fewer positives
    const strict = evaluationMetrics(evaluation, 0.9);
    if (strict?.kind !== 'binary') throw new Error('expected the figures of a yes/no label');
    expect(strict.tp + strict.fp).toBeLessThanOrEqual(metrics.tp + metrics.fp);
  });

  it('answers one patient on the Use screen exactly as the exported weights file does', async () => {
    const file = path.join(h.dir, 'weights.json');
    const written = await h.api.export.model({ runId: run.id, format: 'weights', path: file });
    expect(written.path).toBe(file);
    const model = parseWeightsFile(JSON.parse(readFileSync(file, 'utf8')));
    const expected = predict(model, [model.inputs.map((i) => PATIENT[i.name as keyof typeof PATIENT])]).predictions[0] as { probability: number; label: string };
    const trace = traceForward(run.weights!, PATIENT);
    const answer = readAnswer(run.weights!, trace.outputs);
    expect(answer.probability).toBe(expected.probability);
    expect(answer.label).toBe(expected.label);
    expect(trace.warnings).toEqual([]);
  });

  it('predicts a whole CSV and writes it with the answers added', async () => {
    const out = path.join(h.dir, 'with-predictions.csv');
    const result = await h.api.predict.csv({ runId: run.id, inputPath: DIABETES, outputPath: out });
    expect(result.rows).toBe(768);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(769);
    expect(lines[0]).toBe(
      'Pregnancies,Glucose,BloodPressure,SkinThickness,Insulin,BMI,DiabetesPedigreeFunction,Age,Outcome,predicted Outcome,probability of Outcome = 1',
    );
    const first = lines[1]!.split(',');
    expect(first.slice(0, 9)).toEqual(['6', '148', '72', '35', '0', '33.6', '0.627', '50', '1']);
    expect(Number(first[10])).toBe(traceForward(run.weights!, PATIENT).outputs[0]);
  });

  it('saves, then reopens with the same runs, evaluation and answers', async () => {
    const file = path.join(h.dir, 'pima');
    const saved = await h.api.project.save({ path: file });
    expect(saved).toEqual({ name: 'pima', path: `${file}.neuron`, dirty: false });
    expect(changes.at(-1)).toEqual(saved);
    await h.api.project.setUi({ ui: { screen: 'evaluate', selectedRunId: run.id } });
    await h.api.project.setUi({ ui: { threshold: 0.4 } });
    expect((await h.api.project.state()).ui).toMatchObject({ screen: 'evaluate', selectedRunId: run.id, threshold: 0.4 });
    await h.api.project.save();

    await h.api.project.new();
    expect((await h.api.project.state()).runs).toEqual([]);
    const reopened = await h.api.project.open({ path: `${file}.neuron` });
    expect(reopened).toMatchObject({ name: 'pima', path: `${file}.neuron`, dirty: false });
    expect(reopened.ui).toMatchObject({ screen: 'evaluate', selectedRunId: run.id, threshold: 0.4 });
    expect(reopened.dataset?.rows).toBe(768);
    expect(reopened.runs).toHaveLength(1);
    expect(reopened.runs[0]).toEqual(run);
    const after = await h.api.training.get({ runId: run.id });
    expect(traceForward(after.weights!, PATIENT).outputs).toEqual(traceForward(run.weights!, PATIENT).outputs);
    expect(after.evaluation).toEqual(run.evaluation);
    expect((await h.api.project.recent())[0]).toEqual({ path: `${file}.neuron`, name: 'pima', exists: true });
    expect((await h.api.files.suggestions({ kind: 'project' }))[0]).toEqual({ path: `${file}.neuron`, label: 'pima', group: 'recent-project' });
    const csvs = await h.api.files.suggestions({ kind: 'csv' });
    expect(csvs[0]).toEqual({ path: DIABETES, label: 'diabetes.csv', group: 'recent-csv' });
    expect(csvs.map((c) => c.label)).toContain('pima-indians-diabetes.csv');
  });
});
