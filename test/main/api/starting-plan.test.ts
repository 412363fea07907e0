// The plan a freshly imported table starts from is built once, on the main side, and is exactly what Suggest gives;
// the diabetes example trained with it, untouched, beats always answering the most common class on its test rows.
import { describe, expect, it } from 'vitest';
import type { PayloadOf } from '../../../main/contract';
import { evaluationMetrics } from '../../../workers/engine/metrics';
import { STARTING_SPLIT } from '../../../workers/plan';
import { DIABETES, useHarness } from './harness';

const harness = useHarness();

describe('the starting plan of a freshly imported table', () => {
  it('keeps validation and test rows, and its network and settings are what Suggest returns', async () => {
    await harness.h.api.dataset.import({ path: DIABETES });
    const plan = (await harness.h.api.project.state()).plan!;
    const suggestion = await harness.h.api.model.suggest();
    expect(plan.split).toMatchObject({ validation: STARTING_SPLIT.validation, test: STARTING_SPLIT.test });
    expect(plan.hidden).toEqual(suggestion.hidden);
    expect(plan.training).toEqual(suggestion.training);
    // Regression: the plan was suggested before the split had validation rows, so early stopping was off and 300
    // epochs were planned; the first run then scored below always answering "no".
    expect(plan.training.earlyStopping).not.toBeNull();
  });

  it('trains the example, untouched, to beat always answering the most common class on the test rows', async () => {
    const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => harness.h.api.onTrainingFinished(resolve));
    await harness.h.api.training.start();
    const { run } = await finished;
    expect(run.status).toBe('completed');
    const evaluation = run.evaluation!;
    const metrics = evaluationMetrics(evaluation, run.weights!.output.threshold ?? 0.5);
    expect(evaluation.on).toBe('test');
    const positives = evaluation.actual.filter((a) => a === 1).length;
    const baseline = Math.max(positives, evaluation.actual.length - positives) / evaluation.actual.length;
    expect(metrics?.kind === 'binary' && metrics.accuracy).toBeGreaterThan(baseline + 0.03);
  });
});
