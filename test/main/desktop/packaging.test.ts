// What can be checked of packaging here: the installer config and its fuses, `npm start` without an Electron binary.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
const START = path.join(ROOT, 'main/desktop/start.cjs');
// js-yaml comes with electron-builder (no types installed)
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debug: { isEnabled: boolean }): Promise<void>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PlatformPackager } = require('app-builder-lib') as {
  PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } };
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { FuseV1Options, FuseVersion } = require('@electron/fuses') as {
  FuseV1Options: Record<string, number>;
  FuseVersion: Record<string, string>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const start = require(START) as {
  binaryPresent(dir: string): boolean;
  tryInstall(dir: string): boolean;
  whyNoDesktop(facts: { dir: string | null; env?: Record<string, string>; platform?: string; install?: (dir: string) => boolean }): string | null;
  NO_BINARY: string;
  NO_DISPLAY: string;
};

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

  // regression: the packaged binary kept Electron's default fuses (RunAsNode, NODE_OPTIONS, --inspect all on)
  it("flips Electron's fuses in the packaged binary, as electron-builder reads them", async () => {
    // electron-builder's own schema refuses a misspelt fuse (which would otherwise be skipped without a word)
    await expect(validateConfiguration(config, { isEnabled: false })).resolves.toBeUndefined();
    // electron-builder's own translation into @electron/fuses' wire, the one it writes into the binary
    const wire = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
    expect(wire).toMatchObject({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
    expect(config.asar).toBe(true); // only-load-from-asar needs the app in one
  });
});

describe('npm start without the Electron binary', () => {
  function fakeElectron(installer: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ns-electron-'));
    writeFileSync(path.join(dir, 'install.js'), installer);
    return dir;
  }
  function withBinary(): string {
    const dir = fakeElectron('process.exit(1)');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    return dir;
  }

  it('decides between the desktop window and browser mode, trying the download only when the binary is missing', () => {
    const tries: string[] = [];
    const install = (ok: boolean) => (dir: string) => (tries.push(dir), ok);
    const display = { DISPLAY: ':0' };
    const missing = fakeElectron('process.exit(1)');
    const present = withBinary();
    const cases: [string, Parameters<typeof start.whyNoDesktop>[0], string | null, number][] = [
      ['no electron package', { dir: null, env: display, platform: 'linux', install: install(true) }, start.NO_BINARY, 0],
      ['binary present', { dir: present, env: display, platform: 'linux', install: install(false) }, null, 0],
      ['downloaded now', { dir: missing, env: display, platform: 'linux', install: install(true) }, null, 1],
      ['download fails', { dir: missing, env: display, platform: 'linux', install: install(false) }, start.NO_BINARY, 1],
      ['Linux without a display', { dir: present, env: {}, platform: 'linux', install: install(false) }, start.NO_DISPLAY, 0],
      ['Wayland only', { dir: present, env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', install: install(false) }, null, 0],
      ['macOS needs no DISPLAY', { dir: present, env: {}, platform: 'darwin', install: install(false) }, null, 0],
    ];
    for (const [what, facts, why, downloads] of cases) {
      tries.length = 0;
      expect(start.whyNoDesktop(facts), what).toBe(why);
      expect(tries.length, what).toBe(downloads);
    }
    expect(start.NO_BINARY).toBe(
      "The desktop window cannot open here: Electron's binary could not be downloaded. Opening Neuron Studio in your browser instead.",
    );
  });

  // regression: npm start exited 1 where Electron's binary could not be downloaded, instead of opening the app
  it.runIf(process.platform === 'linux')(
    'tries the download once, says why in one line, and opens browser mode in the default browser',
    async () => {
      const dir = fakeElectron("require('fs').writeFileSync(__dirname + '/tried', 'x'); console.error('ETIMEDOUT github.com'); process.exit(1);");
      // the default browser's launcher, recording the address it was given on its command line
      const bin = mkdtempSync(path.join(os.tmpdir(), 'ns-launcher-'));
      const launcher = path.join(bin, 'xdg-open');
      writeFileSync(launcher, `#!/bin/sh\necho "$@" > "${bin}/opened"\n`);
      chmodSync(launcher, 0o755);
      const child = spawn(process.execPath, [START, '--port', '0'], {
        env: { ...process.env, NEURON_STUDIO_ELECTRON_DIR: dir, PATH: `${bin}:${process.env.PATH}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      try {
        const ended = exited.then((code) => {
          throw new Error(`npm start ended (code ${code}) instead of serving; it printed: ${stdout}`);
        });
        await Promise.race([vi.waitFor(() => expect(stdout).toMatch(/Neuron Studio is at (\S+)\n/), { timeout: 170_000, interval: 100 }), ended]);
        expect(stdout.split('\n')[0]).toBe(start.NO_BINARY);
        expect(readFileSync(path.join(dir, 'tried'), 'utf8')).toBe('x');
        const printed = new URL(/Neuron Studio is at (\S+)\n/.exec(stdout)![1]!);
        const token = printed.searchParams.get('token')!;
        expect(token.length).toBeGreaterThanOrEqual(32);
        expect((await fetch(printed)).status).toBe(200);
        // the launcher got a one-time address, never the long-lived token
        await vi.waitFor(() => expect(existsSync(path.join(bin, 'opened'))).toBe(true), { timeout: 10_000, interval: 50 });
        const opened = new URL(readFileSync(path.join(bin, 'opened'), 'utf8').trim());
        expect(opened.origin).toBe(printed.origin);
        expect(opened.search).toMatch(/^\?launch=[\w-]{20,}$/);
        expect(opened.href).not.toContain(token);
      } finally {
        child.kill('SIGTERM');
        await exited;
      }
    },
    180_000,
  );

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
