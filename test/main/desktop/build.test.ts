// `npm run build` offline: electron-vite builds main, preload, renderer and the training worker chunk, and the worker
// loads in plain Node (require) and trains through piscina, as it will from the packaged asar.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../workers/data';
import { TrainingPlanSchema } from '../../../workers/plan';
import { createPool } from '../../../main/services/pool';

const ROOT = path.resolve(__dirname, '../../..');
let out: string;
let workerFile: string;

beforeAll(() => {
  mkdirSync(path.join(ROOT, 'out'), { recursive: true });
  // inside the repository (out/ is ignored by git), so the chunks find node_modules as they do in out/ and app.asar
  out = mkdtempSync(path.join(ROOT, 'out', 'test-build-'));
  const cli = path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
  execFileSync(process.execPath, [cli, 'build', '-c', 'main/desktop/electron.vite.config.mts', '--logLevel', 'error'], {
    cwd: ROOT,
    env: { ...process.env, NEURON_STUDIO_OUT: out },
    stdio: 'pipe',
  });
  const chunks = readdirSync(path.join(out, 'main/chunks')).filter((f) => f.startsWith('train-task') && f.endsWith('.js'));
  expect(chunks).toHaveLength(1);
  workerFile = path.join(out, 'main/chunks', chunks[0]!);
}, 180_000);
afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the desktop build', () => {
  it('writes main, preload and renderer', () => {
    expect(existsSync(path.join(out, 'main/index.js'))).toBe(true);
    expect(existsSync(path.join(out, 'preload/index.js'))).toBe(true);
    expect(existsSync(path.join(out, 'renderer/index.html'))).toBe(true);
    // the main entry points piscina at the worker chunk
    expect(readFileSync(path.join(out, 'main/index.js'), 'utf8')).toContain(path.basename(workerFile));
  });

  it('makes a sandbox-ready preload: it requires nothing but electron', () => {
    const preload = readFileSync(path.join(out, 'preload/index.js'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld');
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\s*\)/);
  });

  it('builds the import worker as its own chunk too', () => {
    const chunks = readdirSync(path.join(out, 'main/chunks')).filter((f) => f.startsWith('import-task') && f.endsWith('.js'));
    expect(chunks).toHaveLength(1);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(out, 'main/chunks', chunks[0]!));
    // piscina takes module.exports when it is a function, else its default export
    const task = (typeof loaded === 'function' ? loaded : loaded.default) as (input: unknown) => { ok: boolean; result?: { rowCount: number } };
    const outcome = task({ bytes: new TextEncoder().encode('a,b\n1,2\n3,4\n'), fileName: 'tiny.csv' });
    expect(outcome.ok).toBe(true);
    expect(outcome.result!.rowCount).toBe(2);
  });

  it('makes a worker chunk that plain Node can require, without electron', () => {
    const source = readFileSync(workerFile, 'utf8');
    expect(source).not.toContain('require("electron")');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(workerFile) as { default?: unknown };
    expect(typeof loaded.default).toBe('function');
  });

  it('trains through piscina from the built worker', async () => {
    const pool = createPool({ workerFile, maxThreads: 1 });
    try {
      expect(pool.options.execArgv).toEqual([]); // no tsx: the built .js loads as it will when packaged
      const dataset = parseCsv(new Uint8Array(readFileSync(path.join(ROOT, 'datasets/diabetes.csv'))), 'diabetes.csv');
      const plan = TrainingPlanSchema.parse({
        features: ['Glucose', 'BMI', 'Age'],
        label: 'Outcome',
        hidden: [{ units: 4, activation: 'relu' }],
        training: { epochs: 3, batchSize: 32 },
      });
      const { port1, port2 } = new MessageChannel();
      const epochs: number[] = [];
      port2.on('message', (m: { epochs: { epoch: number }[] }) => epochs.push(...m.epochs.map((e) => e.epoch)));
      const outcome = await pool.run({ runId: 'built', dataset, plan, port: port1 }, { transferList: [port1] });
      port2.close();
      expect(outcome.ok).toBe(true);
      expect(outcome.result.history.map((e: { epoch: number }) => e.epoch)).toEqual([1, 2, 3]);
      expect(outcome.result.weights.format).toBe('neuron-studio.weights');
      expect(outcome.result.weights.layers.map((l: { units: number }) => l.units)).toEqual([4, 1]);
    } finally {
      await pool.destroy();
    }
  });
});
