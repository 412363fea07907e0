// `npm run web` options, and when the screens are rebuilt before serving.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererNeedsBuild } from '../../../main/web/renderer-build';
import { parseServeArgs } from '../../../main/web/serve';

describe('npm run web options', () => {
  it('defaults to port 5317 and opening the browser', () => {
    expect(parseServeArgs([])).toEqual({ port: 5317, open: true });
  });
  it('takes --port N, --port=N (0 = any free port) and --no-open', () => {
    expect(parseServeArgs(['--port', '0', '--no-open'])).toEqual({ port: 0, open: false });
    expect(parseServeArgs(['--port=8080'])).toEqual({ port: 8080, open: true });
  });
  it('refuses a bad port or an unknown option in a sentence', () => {
    expect(() => parseServeArgs(['--port', 'abc'])).toThrow('--port needs a whole number from 0 to 65535 (got abc).');
    expect(() => parseServeArgs(['--port'])).toThrow('--port needs a whole number from 0 to 65535 (got nothing).');
    expect(() => parseServeArgs(['--port', '70000'])).toThrow('(got 70000)');
    expect(() => parseServeArgs(['--verbose'])).toThrow('Unknown option --verbose. Use: npm run web -- [--port N] [--no-open]');
  });
});

describe('rendererNeedsBuild', () => {
  function tree() {
    const root = mkdtempSync(path.join(os.tmpdir(), 'ns-build-check-'));
    mkdirSync(path.join(root, 'renderer/src'), { recursive: true });
    mkdirSync(path.join(root, 'built'));
    writeFileSync(path.join(root, 'renderer/src/App.vue'), '<template/>');
    const at = (file: string, seconds: number) => utimesSync(path.join(root, file), seconds, seconds);
    return { root, at, built: path.join(root, 'built') };
  }

  it('builds when nothing was built', async () => {
    const { root, built } = tree();
    expect(await rendererNeedsBuild(built, root, ['renderer'])).toBe(true);
  });

  it('builds when a source is newer than the build, not otherwise', async () => {
    const { root, built, at } = tree();
    writeFileSync(path.join(built, 'index.html'), '<html>');
    at('renderer/src/App.vue', 1_000_000);
    at('built/index.html', 2_000_000);
    expect(await rendererNeedsBuild(built, root, ['renderer'])).toBe(false);
    at('renderer/src/App.vue', 3_000_000);
    expect(await rendererNeedsBuild(built, root, ['renderer'])).toBe(true);
  });
});
