// The recovery autosave (written when there are unsaved changes, found after a crash) and the recent projects list.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosaver, discardRecovery, findRecovery, openRecovery, recoveryPath } from '../../../main/project/recovery';
import { createRecentList } from '../../../main/project/recent';
import { makeProject } from './make-project';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-recovery-'));
});

describe('recovery autosave', () => {
  it('writes nothing while there are no changes; writes the snapshot once changed; is found with its name and file', async () => {
    const project = makeProject('Unsaved work');
    const autosaver = createAutosaver({ dir, intervalMs: 60_000, getSnapshot: () => ({ project, projectPath: '/home/ana/d.neuron' }) });
    await autosaver.flush();
    expect(await findRecovery(dir)).toBeNull();

    const before = Date.now();
    autosaver.markDirty();
    await autosaver.flush();
    const found = await findRecovery(dir);
    expect(found).toMatchObject({ path: recoveryPath(dir), name: 'Unsaved work', projectPath: '/home/ana/d.neuron' });
    expect(found!.savedAt).toBeGreaterThanOrEqual(before - 1);
    expect(found!.savedAt).toBeLessThanOrEqual(Date.now());
    const restored = await openRecovery(found!.path);
    expect(restored.project).toEqual(project);
    expect(autosaver.dirty).toBe(false);

    await autosaver.markClean(); // the user saved: nothing left to recover
    expect(await findRecovery(dir)).toBeNull();
    expect(fs.readdirSync(dir)).toEqual([]);
    await autosaver.stop();
  });

  it('writes on its own timer when changed', async () => {
    let name = 'First';
    const autosaver = createAutosaver({ dir, intervalMs: 25, getSnapshot: () => ({ project: makeProject(name), projectPath: null }) });
    autosaver.markDirty();
    await vi.waitFor(async () => expect((await findRecovery(dir))?.name).toBe('First'), { timeout: 5000, interval: 20 });
    name = 'Second';
    autosaver.markDirty();
    await vi.waitFor(async () => expect((await findRecovery(dir))?.name).toBe('Second'), { timeout: 5000, interval: 20 });
    expect((await findRecovery(dir))?.projectPath).toBeNull();
    await autosaver.stop();
  });

  it('stopping with unsaved changes writes them (Ctrl+C in browser mode keeps the work); after markClean it writes nothing', async () => {
    const autosaver = createAutosaver({ dir, intervalMs: 60_000, getSnapshot: () => ({ project: makeProject('Last edit'), projectPath: null }) });
    autosaver.markDirty();
    await autosaver.stop();
    expect((await findRecovery(dir))?.name).toBe('Last edit');

    await discardRecovery(dir);
    const declined = createAutosaver({ dir, intervalMs: 60_000, getSnapshot: () => ({ project: makeProject('Declined'), projectPath: null }) });
    declined.markDirty();
    await declined.markClean(); // "Don't save"
    await declined.stop();
    expect(await findRecovery(dir)).toBeNull();
  });

  it('a failing snapshot is reported and retried, not lost', async () => {
    let fail = true;
    const errors: unknown[] = [];
    const autosaver = createAutosaver({
      dir,
      intervalMs: 60_000,
      getSnapshot: () => {
        if (fail) throw new Error('not ready');
        return { project: makeProject('Later'), projectPath: null };
      },
      onError: (e) => errors.push(e),
    });
    autosaver.markDirty();
    await autosaver.flush();
    expect(errors).toHaveLength(1);
    expect(autosaver.dirty).toBe(true);
    fail = false;
    await autosaver.flush();
    expect((await findRecovery(dir))?.name).toBe('Later');
    await autosaver.stop();
  });

  it('a damaged recovery file is not offered, and not deleted either', async () => {
    fs.writeFileSync(recoveryPath(dir), '{"format":"neuron-studio.recovery","project":{"format":"neuron');
    expect(await findRecovery(dir)).toBeNull();
    expect(fs.existsSync(recoveryPath(dir))).toBe(true);
    await discardRecovery(dir);
    expect(fs.existsSync(recoveryPath(dir))).toBe(false);
    await discardRecovery(dir); // nothing there: no error
  });
});

describe('recovery of a project that has its own file', () => {
  const autosaveOf = async (projectPath: string) => {
    const autosaver = createAutosaver({ dir, intervalMs: 60_000, getSnapshot: () => ({ project: makeProject('Edited'), projectPath }) });
    autosaver.markDirty();
    await autosaver.stop();
    return (await openRecovery(recoveryPath(dir))).savedAt;
  };
  const projectSavedAt = (file: string, at: number) => {
    const project = makeProject('On disk');
    project.savedAt = new Date(at).toISOString();
    fs.writeFileSync(file, JSON.stringify(project));
  };

  // Regression: an autosave older than the project's last save was still offered, and would replace newer work.
  it('is offered only while the autosave is newer than the last save of that file', async () => {
    const file = path.join(dir, 'p.neuron');
    projectSavedAt(file, Date.now() - 60_000);
    const autosavedAt = await autosaveOf(file);
    expect((await findRecovery(dir))?.projectPath).toBe(file);
    projectSavedAt(file, autosavedAt); // saved again, as late as the autosave
    expect(await findRecovery(dir)).toBeNull();
    projectSavedAt(file, autosavedAt + 60_000);
    expect(await findRecovery(dir)).toBeNull();
    expect(fs.existsSync(recoveryPath(dir))).toBe(true); // not deleted: only not offered
  });

  it('is offered when its project file is gone or damaged: the autosave may be the best copy left', async () => {
    const file = path.join(dir, 'gone.neuron');
    await autosaveOf(file);
    expect((await findRecovery(dir))?.name).toBe('Edited');
    fs.writeFileSync(file, '{"format":"neuron-studio.project","savedAt":"2999-01-01T00:00');
    expect((await findRecovery(dir))?.name).toBe('Edited');
  });
});

describe('recent projects', () => {
  const store = () => path.join(dir, 'settings', 'recent.json');

  it('keeps the last ten, newest first, each once; missing files are listed but marked', async () => {
    const recent = createRecentList(store());
    const files = Array.from({ length: 12 }, (_, i) => path.join(dir, `p${i + 1}.neuron`));
    for (const f of files.slice(0, 6)) fs.writeFileSync(f, '{}'); // p1..p6 exist, p7..p12 do not
    for (const f of files) await recent.add(f);
    await recent.add(files[5]); // p6 again: moves to the front, not listed twice
    await recent.add(path.join(dir, 'sub', '..', 'p11.neuron')); // the same file spelled differently

    const list = await recent.list();
    expect(list.map((r) => r.name)).toEqual(['p11', 'p6', 'p12', 'p10', 'p9', 'p8', 'p7', 'p5', 'p4', 'p3']);
    expect(list.map((r) => r.exists)).toEqual([false, true, false, false, false, false, false, true, true, true]);
    expect(list[0].path).toBe(files[10]);

    // another instance (next start of the app) reads the same list
    expect((await createRecentList(store()).list()).map((r) => r.name)).toEqual(list.map((r) => r.name));
    expect(JSON.parse(fs.readFileSync(store(), 'utf8')).format).toBe('neuron-studio.recent');

    expect((await recent.remove(files[5])).map((r) => r.name)).toEqual(['p11', 'p12', 'p10', 'p9', 'p8', 'p7', 'p5', 'p4', 'p3']);
  });

  it('loses no entry when several are added at once', async () => {
    const recent = createRecentList(store());
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((n) => recent.add(path.join(dir, `${n}.neuron`))));
    expect((await recent.list()).map((r) => r.name).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('starts empty without a file, and keeps a damaged list aside instead of erasing it', async () => {
    const recent = createRecentList(store());
    expect(await recent.list()).toEqual([]);
    fs.mkdirSync(path.dirname(store()), { recursive: true });
    fs.writeFileSync(store(), 'not json at all');
    expect(await recent.list()).toEqual([]);
    await recent.add(path.join(dir, 'x.neuron'));
    expect(fs.readFileSync(`${store()}.damaged`, 'utf8')).toBe('not json at all');
    expect((await recent.list()).map((r) => r.name)).toEqual(['x']);
  });
});

describe('restoring autosaved work that is not there or damaged', () => {
  it('says so with a ProjectFileError', async () => {
    await expect(openRecovery(recoveryPath(dir))).rejects.toMatchObject({ code: 'not_found', message: 'There is no autosaved work to restore.' });
    fs.writeFileSync(recoveryPath(dir), '{"format":"neuron-studio.recovery","proj');
    await expect(openRecovery(recoveryPath(dir))).rejects.toMatchObject({ code: 'truncated' });
    fs.writeFileSync(recoveryPath(dir), '{"format":"something-else"}');
    await expect(openRecovery(recoveryPath(dir))).rejects.toMatchObject({ code: 'wrong_format' });
  });
});
