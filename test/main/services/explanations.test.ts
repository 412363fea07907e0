// Explanations of a real run, computed in the pool: the example trained, then one patient's answer explained
// against the run's training rows, the inputs ranked on its test rows, and a what-if curve over Glucose's usual range.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../workers/data';
import { predict } from '../../../workers/engine/predict';
import { TrainingPlanSchema } from '../../../workers/plan';
import { runTraining, type TrainTaskResult } from '../../../workers/tasks/train-task';
import { explainAnswer, explainInputs, explainWhatIf, type ExplainedRun } from '../../../main/services/explanations';
import { TrainingService } from '../../../main/services/training';
import { datasetFile } from '../../workers/data/helpers';

const pima = parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv');
const plan = TrainingPlanSchema.parse({
  features: pima.columns.slice(0, 8).map((c) => c.name),
  label: 'Outcome',
  preparation: { zeroAsMissing: ['Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI'] },
  split: { validation: 0.15, test: 0.2 },
  hidden: [{ units: 8, activation: 'relu' }],
  training: { epochs: 30, batchSize: 16, optimizer: { name: 'adam', learningRate: 0.01 } },
});
const training = new TrainingService({ poolOptions: { maxThreads: 2 } });
let trained: TrainTaskResult;
let run: ExplainedRun;
beforeAll(() => {
  trained = runTraining({ runId: 'r', dataset: pima, plan });
  run = { weights: trained.weights, plan, evaluatedOn: 'test' };
});
afterAll(() => training.close());

describe('explanations of a run', () => {
  const patient = [2, 160, 70, 30, 0, 33, 0.5, 25];

  it('explains one answer against the run\'s training rows, adding up to it − the average chance', async () => {
    const got = await explainAnswer(training, pima, run, patient);
    expect(got.backgroundRows).toBe(100);
    expect(got.value).toBeCloseTo((predict(trained.weights, [patient]).predictions[0] as { probability: number }).probability, 12);
    expect(got.contributions.reduce((a, c) => a + c.value, 0)).toBeCloseTo(got.value - got.base, 12);
    // the average chance over training rows is near the share of diabetes among them (35 %)
    expect(got.base).toBeGreaterThan(0.2);
    expect(got.base).toBeLessThan(0.5);
  });

  it('ranks the inputs on the 154 test rows, Glucose among the two that cost most when shuffled', async () => {
    const got = await explainInputs(training, pima, run);
    expect(got.rows).toBe(154);
    expect(got.metric).toBe('accuracy');
    expect(got.score).toBeCloseTo(trained.evaluation.actual.filter((a, i) => ((trained.evaluation.probabilities as number[])[i] >= 0.5 ? 1 : 0) === a).length / 154, 12);
    const ranked = [...got.inputs].sort((a, b) => b.mean - a.mean).map((i) => i.input);
    expect(ranked.slice(0, 2)).toContain('Glucose');
  });

  it('draws the chance along Glucose\'s usual range (zeros, read as not measured, left out of it), rising', async () => {
    const got = await explainWhatIf(training, pima, run, 'Glucose', patient);
    expect(got.values).toHaveLength(25);
    expect(got.values[0]).toBeGreaterThan(70);
    expect(got.values[24]).toBeLessThan(200);
    expect(got.forCase[24]).toBeGreaterThan(got.forCase[0]);
    expect(got.average[24]).toBeGreaterThan(got.average[0]);
  });
});
