// What counts as saved: a failed save leaves the work unsaved, and changes made while a save runs stay unsaved.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError, type ProjectChanged } from '../../../main/contract';
import { openProject } from '../../../main/project/open';
import { failingFs, pausingFs } from '../files/failing-fs';
import { DIABETES, startHarness } from './harness';

describe('the unsaved mark', () => {
  // Regression: a save the disk cut short was reported as done and the project marked saved, so closing did not ask.
  it('stays on when the save fails, and the work is still autosaved for recovery', async () => {
    const h = startHarness({ autosaveMs: 60_000, writeFs: failingFs('enospc', 4096) });
    try {
      const changes: ProjectChanged[] = [];
      h.api.onProjectChanged((c) => changes.push(c));
      await h.api.dataset.import({ path: DIABETES });
      const file = path.join(h.dir, 'full.neuron');
      const error = await h.api.project.save({ path: file }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).message).toBe(`The disk is full, so ${file} could not be saved. No file was written.`);
      expect(await h.api.project.state()).toMatchObject({ dirty: true, path: null });
      expect(changes.every((c) => c.dirty)).toBe(true);
      await h.core.context.projects.flushAutosave();
    } finally {
      await h.close();
    }
    const next = startHarness({ autosaveMs: 60_000 }, h.dir);
    try {
      expect(await next.api.recovery.check()).toMatchObject({ available: true, name: 'diabetes' });
    } finally {
      await next.close();
    }
  });

  // Regression: saved() cleared the unsaved mark of changes made after the save had taken its snapshot.
  it('stays on for a change made while the save was writing; the file holds what was there when Save was pressed', async () => {
    const paused = pausingFs();
    const h = startHarness({ autosaveMs: 60_000, writeFs: paused });
    try {
      await h.api.dataset.import({ path: DIABETES });
      const before = (await h.api.project.state()).plan!;
      const file = path.join(h.dir, 'busy.neuron');
      const saving = h.api.project.save({ path: file });
      await paused.reached;
      const during = { ...before, features: before.features.slice(1) };
      await h.api.project.setPlan({ plan: during });
      paused.release();
      expect(await saving).toEqual({ name: 'busy', path: file, dirty: true });
      expect((await h.api.project.state()).dirty).toBe(true);
      expect((await openProject(file)).plan?.features).toEqual(before.features);

      expect(await h.api.project.save()).toEqual({ name: 'busy', path: file, dirty: false });
      expect((await openProject(file)).plan?.features).toEqual(during.features);
    } finally {
      await h.close();
    }
  });

  // Regression: a save that ended after another project was opened marked that other project as saved to its file.
  it('is not touched on a project opened while the save of another was writing', async () => {
    const paused = pausingFs();
    const h = startHarness({ autosaveMs: 60_000, writeFs: paused });
    try {
      await h.api.dataset.import({ path: DIABETES });
      const file = path.join(h.dir, 'first.neuron');
      const saving = h.api.project.save({ path: file });
      await paused.reached;
      await h.api.project.new({ name: 'Second' });
      await h.api.dataset.importContent({ fileName: 'tiny.csv', content: 'a,b\n1,0\n2,1\n3,0\n' });
      paused.release();
      expect(await saving).toEqual({ name: 'Second', path: null, dirty: true });
      expect(await h.api.project.state()).toMatchObject({ name: 'Second', path: null, dirty: true });
      expect((await openProject(file)).name).toBe('first');
    } finally {
      await h.close();
    }
  });
});
