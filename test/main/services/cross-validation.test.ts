// Cross-validation on the real pool: five folds of the Pima data trained side by side, each scored on rows it never
// saw; the figures agree with the folds' own evaluations, and a fold that cannot train fails in the input's words.
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../workers/data';
import { foldScore } from '../../../workers/cross-validation';
import { evaluationMetrics } from '../../../workers/engine/metrics';
import { TrainingPlanSchema } from '../../../workers/plan';
import { crossValidate } from '../../../main/services/cross-validation';
import { TrainingService } from '../../../main/services/training';
import { datasetFile } from '../../workers/data/helpers';

const pima = parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv');
const features = pima.columns.slice(0, 8).map((c) => c.name);
const training = new TrainingService({ poolOptions: { maxThreads: 2 } });
afterAll(() => training.close());

const plan = TrainingPlanSchema.parse({
  features,
  label: 'Outcome',
  split: { validation: 0.15, test: 0 },
  hidden: [],
  training: { epochs: 40, batchSize: 32, optimizer: { name: 'adam', learningRate: 0.01 } },
});

describe('crossValidate', () => {
  it('scores each of 5 folds on its own rows and sums them up', async () => {
    const seen: number[] = [];
    const { cv, results } = await crossValidate(training, pima, plan, { onFold: (fold) => seen.push(fold) });
    expect(cv.metric).toBe('accuracy');
    expect(cv.rows.reduce((a, b) => a + b, 0)).toBe(768);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    results.forEach((result, fold) => {
      expect(result.evaluation.on).toBe('test');
      const metrics = evaluationMetrics(result.evaluation, 0.5);
      expect(metrics?.kind).toBe('binary');
      expect(cv.folds[fold]).toBe(metrics?.kind === 'binary' ? metrics.accuracy : NaN);
    });
    const mean = cv.folds.reduce((a, b) => a + b, 0) / 5;
    expect(cv.mean).toBeCloseTo(mean, 12);
    expect(cv.sd).toBeCloseTo(Math.sqrt(cv.folds.reduce((a, s) => a + (s - mean) ** 2, 0) / 4), 12);
    // a logistic regression on Pima: well above always answering "no" (0.651), below perfect
    expect(cv.mean).toBeGreaterThan(0.72);
    expect(cv.mean).toBeLessThan(0.85);
    expect(foldScore(results[0].evaluation)).toBe(cv.folds[0]);
  });

  it('refuses more folds than a small table can score, naming the file', async () => {
    const tiny = parseCsv(new TextEncoder().encode('a,y\n1,0\n2,1\n3,0\n4,1\n'), 'tiny.csv');
    const small = TrainingPlanSchema.parse({ features: ['a'], label: 'y', training: { epochs: 1 } });
    await expect(crossValidate(training, tiny, small, { folds: 3 })).rejects.toMatchObject({
      message: expect.stringContaining('tiny.csv'),
    });
  });
});
