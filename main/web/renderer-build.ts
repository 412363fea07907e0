// Builds the screens for browser mode when out/renderer is missing or older than the code it is made from.

import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Where the renderer's code lives (it also imports the contract, the socket client and the workers' pure code: the
 * engine, the plan, the run, the words of explanations and scores). */
export const RENDERER_SOURCES = ['renderer', 'main/contract.ts', 'main/transport', 'workers'];

/** Newest modification time (ms) of the files under the given paths, skipping build output and dependencies. */
export async function newestSourceTime(root: string, sources: string[]): Promise<number> {
  let newest = 0;
  async function visit(p: string): Promise<void> {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) return;
    if (stat.isDirectory()) {
      const base = path.basename(p);
      if (base === 'node_modules' || base === 'dist' || base.startsWith('.')) return;
      for (const entry of await fs.readdir(p)) await visit(path.join(p, entry));
    } else if (stat.mtimeMs > newest) {
      newest = stat.mtimeMs;
    }
  }
  for (const source of sources) await visit(path.join(root, source));
  return newest;
}

/** True when the built index.html is missing or older than any source file. */
export async function rendererNeedsBuild(staticDir: string, root = ROOT, sources = RENDERER_SOURCES): Promise<boolean> {
  const built = await fs.stat(path.join(staticDir, 'index.html')).catch(() => null);
  if (!built) return true;
  return (await newestSourceTime(root, sources)) > built.mtimeMs;
}

/** `vite build -c renderer/vite.config.mts` in a child process, its output passed through. */
export function buildRenderer(root = ROOT): Promise<void> {
  // vite's package "exports" hide bin/: find it from its package.json
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin', 'vite.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '-c', 'renderer/vite.config.mts', '--logLevel', 'warn'], {
      cwd: root,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Building the screens failed (vite exited with code ${code}).`)),
    );
  });
}

/** Build the screens unless the built ones are up to date (e2e tests call this before startWebServer). */
export async function ensureRendererBuilt(staticDir = path.join(ROOT, 'out', 'renderer')): Promise<boolean> {
  if (!(await rendererNeedsBuild(staticDir))) return false;
  await buildRenderer();
  return true;
}
