// What can be checked of packaging here: the installer config, `npm start` without an Electron binary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const START = path.join(ROOT, 'main/desktop/start.cjs');
// js-yaml comes with electron-builder (no types installed)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const start = require(START) as { binaryPresent(dir: string): boolean; tryInstall(dir: string): boolean; NO_BINARY: string };

describe('electron-builder.yml', () => {
  const config = yaml.load(readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

  it('builds AppImage and deb, NSIS, dmg from the built output', () => {
    expect(config.appId).toBe('org.neuronstudio.app');
    expect(config.productName).toBe('Neuron Studio');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.files).toContain('out/**');
  });

  it('associates .neuron project files with the app', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'neuron', role: 'Editor' })]);
  });

  it('ships the example data beside the app', () => {
    expect(config.extraResources).toEqual([expect.objectContaining({ from: 'datasets', to: 'datasets' })]);
  });
});

describe('npm start without the Electron binary', () => {
  function fakeElectron(installer: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ns-electron-'));
    writeFileSync(path.join(dir, 'install.js'), installer);
    return dir;
  }

  it('tries the download once, then says so in one line and exits 1', () => {
    const dir = fakeElectron("require('fs').writeFileSync(__dirname + '/tried', 'x'); console.error('ETIMEDOUT github.com'); process.exit(1);");
    const run = spawnSync(process.execPath, [START], { env: { ...process.env, NEURON_STUDIO_ELECTRON_DIR: dir }, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "Electron's binary could not be downloaded on this machine; run `npm run web` to use Neuron Studio in your browser.\n",
    );
    expect(readFileSync(path.join(dir, 'tried'), 'utf8')).toBe('x');
  });

  it('sees a binary that the installer put in place', () => {
    const dir = fakeElectron(
      "const fs = require('fs'); fs.mkdirSync(__dirname + '/dist'); fs.writeFileSync(__dirname + '/dist/electron', ''); fs.writeFileSync(__dirname + '/path.txt', 'electron');",
    );
    expect(start.binaryPresent(dir)).toBe(false);
    expect(start.tryInstall(dir)).toBe(true);
    expect(start.binaryPresent(dir)).toBe(true);
  });

  it('does not count a path.txt whose file is missing', () => {
    const dir = fakeElectron('process.exit(1)');
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    mkdirSync(path.join(dir, 'dist'));
    expect(start.binaryPresent(dir)).toBe(false);
  });
});
