// A run that cannot go on (its loss diverges) ends with training.failed in words; the app goes on training others.
import { describe, expect, it } from 'vitest';
import { ErrorInfoSchema, events, type PayloadOf } from '../../../main/contract';
import { DIABETES, startHarness } from './harness';

describe('a failed run', () => {
  it('reports a diverging loss with a reason and advice, keeps the run, and the next run completes', async () => {
    const h = startHarness();
    await h.api.dataset.import({ path: DIABETES });
    const plan = (await h.api.project.state()).plan!;
    const failed = new Promise<PayloadOf<'training.failed'>>((resolve) => h.api.onTrainingFailed(resolve));
    await h.api.project.setPlan({
      plan: {
        ...plan,
        preparation: { ...plan.preparation, scaling: 'none' },
        // linear all the way and a huge step on unscaled inputs: the loss overflows in the first epoch
        hidden: [{ units: 8, activation: 'linear' }],
        output: { activation: 'linear' },
        training: { ...plan.training, epochs: 50, loss: 'mse', optimizer: { name: 'sgd', learningRate: 10 } },
      },
    });
    const { runId } = await h.api.training.start();
    const payload = await failed;
    expect(events['training.failed'].safeParse(payload).success).toBe(true);
    expect(ErrorInfoSchema.parse(payload.error).code).toBe('diverged');
    expect(payload.error.message).toMatch(/epoch \d+/i);
    expect(payload.run?.status).toBe('diverged');
    const kept = await h.api.training.get({ runId });
    expect(kept.status).toBe('diverged');
    expect(kept.message).toBe(payload.error.message);

    const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => h.api.onTrainingFinished(resolve));
    await h.api.project.setPlan({ plan: { ...plan, hidden: [{ units: 4, activation: 'relu' }], training: { ...plan.training, epochs: 2 } } });
    await h.api.training.start();
    expect((await finished).run.status).toBe('completed');
    expect((await h.api.training.list()).map((r) => r.status)).toEqual(['diverged', 'completed']);
    await h.close();
  });
});
