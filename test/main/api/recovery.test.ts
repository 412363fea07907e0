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

describe('recovery never puts older work over newer', () => {
  // Regression: autosaved work was offered, and restored, after its project had been opened and saved again since.
  it('offers the autosave of a saved project only while it is newer than the last save of that project', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'pima.neuron');
    const first = startHarness({ autosaveMs: 60_000 }, dir);
    await first.api.dataset.import({ path: DIABETES });
    await first.api.project.save({ path: file });
    const plan = (await first.api.project.state()).plan!;
    await first.api.project.setPlan({ plan: { ...plan, features: plan.features.slice(1) } }); // unsaved change
    await first.core.context.projects.flushAutosave();
    await first.close(); // killed with the change unsaved

    const second = startHarness({ autosaveMs: 60_000 }, dir);
    expect(await second.api.recovery.check()).toMatchObject({ available: true, name: 'pima', path: file });
    // the person opens the project itself instead, and saves it
    await second.api.project.open({ path: file });
    await second.api.project.save();
    expect(await second.api.recovery.check()).toEqual({ available: false });
    const refused = await second.api.recovery.restore().catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'no_recovery' });
    expect((await second.api.project.state()).plan?.features).toEqual(plan.features);
    await second.close();

    const third = startHarness({ autosaveMs: 60_000 }, dir);
    expect(await third.api.recovery.check()).toEqual({ available: false });
    await third.close();
  });
});
