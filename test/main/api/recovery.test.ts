// Autosave and recovery through the contract: work left unsaved by one session is offered to the next.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIABETES, startHarness, tempDir } from './harness';

describe('recovery', () => {
  it('offers the last session\'s unsaved work, restores it as unsaved, and forgets it when discarded', async () => {
    const dir = tempDir();
    const first = startHarness({ autosaveMs: 60_000 }, dir);
    expect(await first.api.recovery.check()).toEqual({ available: false });
    await first.api.dataset.import({ path: DIABETES });
    await first.core.context.projects.flushAutosave();
    await first.close(); // as if the app had been killed: the recovery file stays

    const second = startHarness({ autosaveMs: 60_000 }, dir);
    const found = await second.api.recovery.check();
    expect(found).toMatchObject({ available: true, name: 'diabetes', path: null });
    expect(found.savedAt).toBeGreaterThan(Date.now() - 60_000);
    // working in the new session does not overwrite what is offered
    await second.api.dataset.import({ path: DIABETES });
    await second.core.context.projects.flushAutosave();
    const restored = await second.api.recovery.restore();
    expect(restored).toMatchObject({ name: 'diabetes', dirty: true, path: null });
    expect(restored.dataset?.rows).toBe(768);
    expect(await second.api.recovery.check()).toEqual({ available: false });
    await second.close();

    const third = startHarness({ autosaveMs: 60_000 }, dir);
    expect((await third.api.recovery.check()).available).toBe(true); // the second session never saved
    await third.api.recovery.discard();
    expect(await third.api.recovery.check()).toEqual({ available: false });
    await third.close();
  });

  it('has nothing to recover once the work is saved', async () => {
    const dir = tempDir();
    const first = startHarness({ autosaveMs: 60_000 }, dir);
    await first.api.dataset.import({ path: DIABETES });
    await first.core.context.projects.flushAutosave();
    await first.api.project.save({ path: path.join(dir, 'saved.neuron') });
    await first.close();
    const second = startHarness({ autosaveMs: 60_000 }, dir);
    expect(await second.api.recovery.check()).toEqual({ available: false });
    await second.close();
  });
});
