// Stopping a run through the contract keeps its history so far; deleting forgets it.
import { describe, expect, it } from 'vitest';
import type { PayloadOf } from '../../../main/contract';
import { DIABETES, startHarness } from './harness';

describe('stop and delete', () => {
  it('stops a long run midway with its history, and deletes it', async () => {
    const h = startHarness();
    await h.api.dataset.import({ path: DIABETES });
    const plan = (await h.api.project.state()).plan!;
    const firstEpoch = new Promise<void>((resolve) => h.api.onTrainingProgress((p) => p.epochs.length > 0 && resolve()));
    const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => h.api.onTrainingFinished(resolve));
    await h.api.project.setPlan({
      plan: { ...plan, hidden: [{ units: 8, activation: 'relu' }], training: { ...plan.training, epochs: 100000, batchSize: 1 } },
    });
    const { runId } = await h.api.training.start();
    await firstEpoch;
    expect(await h.api.training.stop({ runId })).toEqual({ ok: true });
    const { run } = await finished;
    expect(run.status).toBe('stopped');
    expect(run.stopReason).toBe('stopped');
    expect(run.history.length).toBeGreaterThan(0);
    expect(run.history.length).toBeLessThan(100000);
    expect(run.totalEpochs).toBe(100000);
    await h.api.training.delete({ runId });
    expect(await h.api.training.list()).toEqual([]);
    await h.close();
  });
});
