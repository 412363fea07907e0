// A real full disk: a 28 KB tmpfs (root only; CI runs as root on Linux). The CLI's --save and --out and the app's
// Save into it, and `export` of a calculator page or a TensorFlow.js folder, say the disk is full, exit 2 / leave the
// work unsaved, and the previous file and its .bak still open.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/contract';
import { openProject } from '../../../main/project/open';
import { DIABETES, startHarness } from '../api/harness';
import { runCli } from '../cli-process';

function mountTinyDisk(): { dir: string; reason: null } | { dir: null; reason: string } {
  if (process.platform !== 'linux') return { dir: null, reason: `tmpfs needs Linux (this is ${process.platform})` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=28k', 'tmpfs', dir], { stdio: 'pipe' });
    return { dir, reason: null };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    const why = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
    return { dir: null, reason: `mount -t tmpfs is not permitted here (${why || 'no reason given'})` };
  }
}

const disk = mountTinyDisk();
if (disk.reason) console.warn(`full-disk tests skipped: ${disk.reason}`);

afterAll(() => {
  if (!disk.dir) return;
  execFileSync('umount', [disk.dir]);
  fs.rmSync(disk.dir, { recursive: true, force: true });
});

/** A small table, so a project with a run of it fits on the tiny disk twice (file and .bak). */
function smallCsv(folder: string): string {
  const file = path.join(folder, 'small.csv');
  const lines = ['a,b,y', ...Array.from({ length: 12 }, (_, i) => `${i},${(i * 7) % 5},${i % 2}`)];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe.skipIf(!disk.dir)('a save onto a full disk (a 28 KB tmpfs)', () => {
  const dir = disk.dir!;
  const project = path.join(dir ?? '', 'p.neuron');
  let before: { file: Buffer; bak: Buffer };

  beforeAll(async () => {
    const sources = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-small-'));
    try {
      for (const seed of ['1', '2']) {
        const r = await runCli(['train', '--csv', smallCsv(sources), '--label', 'y', '--epochs', '2', '--seed', seed, '--save', project]);
        expect(r.code, r.stderr).toBe(0);
      }
    } finally {
      fs.rmSync(sources, { recursive: true, force: true });
    }
    before = { file: fs.readFileSync(project), bak: fs.readFileSync(`${project}.bak`) };
    expect(before.file.equals(before.bak)).toBe(false);
  });

  async function expectUnchanged(): Promise<void> {
    expect(fs.readFileSync(project).equals(before.file)).toBe(true);
    expect(fs.readFileSync(`${project}.bak`).equals(before.bak)).toBe(true);
    expect((await openProject(project)).runs).toHaveLength(1);
    expect((await openProject(`${project}.bak`)).runs).toHaveLength(1);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('p.neuron')).sort()).toEqual(['p.neuron', 'p.neuron.bak']);
  }

  // Regression: on a full disk the CLI said "Project saved" (exit 0) and left a cut-off 28,672-byte file.
  it('train --save: exit 2, "the disk is full", and the previous file and its .bak still open', async () => {
    const r = await runCli(['train', '--csv', DIABETES, '--label', 'Outcome', '--epochs', '2', '--save', project]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `--save: The disk is full, so ${project} could not be saved. Your project file was not changed.\n` +
        'Free some space or choose another folder.',
    );
    expect(r.stdout).not.toContain('Project saved');
    await expectUnchanged();
  });

  it("the app's Save: refused in words, the work stays unsaved, and Save As elsewhere then works", async () => {
    const h = startHarness();
    try {
      await h.api.dataset.import({ path: DIABETES });
      const error = await h.api.project.save({ path: project }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe('disk_full');
      expect((error as ApiError).message).toBe(`The disk is full, so ${project} could not be saved. Your project file was not changed.`);
      expect((error as ApiError).hint).toBe('Free some space or choose another folder.');
      expect(await h.api.project.state()).toMatchObject({ dirty: true, path: null });
      await expectUnchanged();

      const elsewhere = path.join(h.dir, 'elsewhere.neuron');
      expect(await h.api.project.save({ path: elsewhere })).toEqual({ name: 'elsewhere', path: elsewhere, dirty: false });
      expect(h.logged).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('train --out onto the full disk: exit 2, "the disk is full", no file left', async () => {
    const filler = path.join(dir, 'filler');
    // fill what is left, so the few kilobytes of a weights file do not fit
    const fd = fs.openSync(filler, 'w');
    try {
      for (;;) fs.writeSync(fd, Buffer.alloc(1024));
    } catch (error) {
      expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      fs.closeSync(fd);
    }
    const out = path.join(dir, 'w.json');
    try {
      const r = await runCli(['train', '--csv', DIABETES, '--label', 'Outcome', '--epochs', '2', '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        `--out: The disk is full, so ${out} could not be saved. No file was written.\nFree some space or choose another folder.`,
      );
      expect(r.stdout).not.toContain('Weights written');
      expect(fs.existsSync(out)).toBe(false);
      await expectUnchanged();
    } finally {
      fs.rmSync(filler);
    }
  });

  it('export --html onto the full disk: exit 2, "the disk is full", no page and no part of one left', async () => {
    // the page (about 30 KB of script and the run's rows) cannot fit beside the project and its .bak
    const page = path.join(dir, 'calculator.html');
    const r = await runCli(['export', '--project', project, '--html', page]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`--html: The disk is full, so ${page} could not be saved. No file was written.\nFree some space or choose another folder.`);
    expect(r.stdout).toBe('');
    await expectUnchanged();
    expect(fs.readdirSync(dir).sort()).toEqual(['p.neuron', 'p.neuron.bak']);
  });

  it('export --tfjs onto the full disk: exit 2, and neither its files nor the folder made for them are left', async () => {
    // a network whose weights.bin (about 100 KB) cannot fit, though its model.json can
    const sources = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-big-'));
    try {
      const big = path.join(sources, 'big.json');
      const units = 3000;
      fs.writeFileSync(big, JSON.stringify({
        format: 'neuron-studio.weights', version: 1, task: 'binary',
        inputs: [{ name: 'a', kind: 'numeric' }, { name: 'b', kind: 'numeric' }, { name: 'c', kind: 'numeric' }, { name: 'd', kind: 'numeric' }, { name: 'e', kind: 'numeric' }, { name: 'f', kind: 'numeric' }, { name: 'g', kind: 'numeric' }, { name: 'h', kind: 'numeric' }],
        layers: [
          { units, activation: 'relu', kernel: Array.from({ length: 8 }, (_, k) => Array.from({ length: units }, (_, j) => ((k * units + j) % 7) / 10 - 0.3)) },
          { units: 1, activation: 'sigmoid', kernel: Array.from({ length: units }, () => [0.001]) },
        ],
        output: { name: 'y', classes: ['0', '1'] },
      }));
      const folder = path.join(dir, 'big tfjs');
      const r = await runCli(['export', '--weights', big, '--tfjs', folder]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(`--tfjs: The disk is full, so ${path.join(folder, 'weights.bin')} could not be saved. No file was written.\nFree some space or choose another folder.`);
      expect(fs.existsSync(folder)).toBe(false);
      await expectUnchanged();
    } finally {
      fs.rmSync(sources, { recursive: true, force: true });
    }
  });
});
