// The plan a freshly imported table starts from is built once (workers/data/starting-plan.ts) and is exactly what
// Suggest gives; the diabetes example trained with it, untouched, beats always answering the most common class
// clearly and comes within 2 points of a logistic regression trained the same way on the same test rows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PayloadOf, PlanDraft } from '../../../main/contract';
import { evaluationMetrics } from '../../../workers/engine/metrics';
import { STARTING_SPLIT } from '../../../workers/plan';
import { DIABETES, ROOT, useHarness } from './harness';

const harness = useHarness();

async function trainPlan(plan: PlanDraft): Promise<{ run: PayloadOf<'training.finished'>['run']; accuracy: number; baseline: number; actual: number[] }> {
  await harness.h.api.project.setPlan({ plan });
  const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => {
    const off = harness.h.api.onTrainingFinished((payload) => {
      off();
      resolve(payload);
    });
  });
  await harness.h.api.training.start();
  const { run } = await finished;
  expect(run.status).toBe('completed');
  const evaluation = run.evaluation!;
  expect(evaluation.on).toBe('test');
  const metrics = evaluationMetrics(evaluation, run.weights!.output.threshold ?? 0.5);
  const positives = evaluation.actual.filter((a) => a === 1).length;
  const baseline = Math.max(positives, evaluation.actual.length - positives) / evaluation.actual.length;
  return { run, accuracy: metrics?.kind === 'binary' ? metrics.accuracy : NaN, baseline, actual: evaluation.actual };
}

describe('the starting plan of a freshly imported table', () => {
  it('keeps validation and test rows, treats the flagged zeros as missing, and its network and settings are what Suggest returns', async () => {
    await harness.h.api.dataset.import({ path: DIABETES });
    const plan = (await harness.h.api.project.state()).plan!;
    const suggestion = await harness.h.api.model.suggest();
    expect(plan.split).toMatchObject({ validation: STARTING_SPLIT.validation, test: STARTING_SPLIT.test });
    expect(plan.hidden).toEqual(suggestion.hidden);
    expect(plan.training).toEqual(suggestion.training);
    // Regression: the plan was suggested before the split had validation rows, so early stopping was off and 300
    // epochs were planned; the first run then scored below always answering "no".
    expect(plan.training.earlyStopping).not.toBeNull();
    // Regression: the app started with every 0 as a real value while the CLI treated the flagged ones as missing.
    expect(plan.preparation.zeroAsMissing).toEqual(['Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI']);
  });

  it('trains the example, untouched, to beat the baseline clearly and come within 2 points of a logistic regression', async () => {
    const plan = (await harness.h.api.project.state()).plan!;
    const network = await trainPlan(plan);
    const logistic = await trainPlan({ ...plan, hidden: [] });
    expect(logistic.actual).toEqual(network.actual); // the same 154 test rows
    expect(network.actual).toHaveLength(154);
    console.log(`Pima first run: ${network.accuracy.toFixed(3)}, logistic regression ${logistic.accuracy.toFixed(3)}, baseline ${network.baseline.toFixed(3)}`);
    expect(network.accuracy).toBeGreaterThan(network.baseline + 0.05);
    expect(network.accuracy).toBeGreaterThanOrEqual(logistic.accuracy - 0.02);
  });

  // regression: a 699-row table whose Id has 645 values was trained on its Id, and the Use form asked for one
  it('leaves an identifier out of the inputs, so the trained model never asks for it', async () => {
    await harness.h.api.dataset.import({ path: path.join(ROOT, 'test/fixtures/csv/breast-cancer-ids.csv') });
    const state = await harness.h.api.project.state();
    expect(state.plan!.label).toBe('Class');
    expect(state.plan!.features).not.toContain('Id');
    expect(state.describe!.roles.notUsed.map((n) => n.name)).toEqual(['Id']);
    const { run } = await trainPlan({ ...state.plan!, training: { ...state.plan!.training, epochs: 5 } });
    expect(run.weights!.inputs.map((i) => i.name)).toEqual(state.plan!.features);
  });
});
