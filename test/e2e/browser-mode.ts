// Starts the app as a person runs it in browser mode (screens built, server on 127.0.0.1 with its token, the real
// services and worker pool behind it) and opens it in Debian's Chromium through playwright-core.

import { mkdtemp, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore, type Core } from '../../main/handlers/index';
import { buildRenderer, rendererNeedsBuild } from '../../main/web/renderer-build';
import { DEFAULT_STATIC_DIR, startWebServer, type WebServer } from '../../main/web/server';

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENS_DIR = path.join(ROOT, 'test-results', 'screens');

export interface RunningApp {
  url: string;
  server: WebServer;
  /** the services behind the server (a test may flush the autosave) */
  core: Core;
  browser: Browser;
  page: Page;
  /** a scratch folder for this run: the app's own data (recent list, autosave) and the files the test writes */
  tmp: string;
  /** the home folder the app is given (in the scratch folder, with a Documents folder) */
  home: string;
  /** messages the page logged as errors (a test may assert there are none) */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Builds the screens once (when the sources are newer than out/renderer). */
export async function ensureBuilt(): Promise<void> {
  if (await rendererNeedsBuild(DEFAULT_STATIC_DIR)) await buildRenderer(ROOT);
}

export interface StartOptions {
  viewport?: { width: number; height: number };
  /** the app's own folder; default a new one in the scratch folder (give the same one to two apps to see what
   * the second finds of the first: its recent list, its autosave) */
  dataDir?: string;
  /** ms between autosaves; default a minute (tests that want one flush it) */
  autosaveMs?: number;
}

export async function startApp(options: StartOptions = {}): Promise<RunningApp> {
  await ensureBuilt();
  mkdirSync(SCREENS_DIR, { recursive: true });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'neuron-e2e-'));
  // the person's own folders are the test's: new files are offered in home/Documents
  const home = path.join(tmp, 'home');
  mkdirSync(path.join(home, 'Documents'), { recursive: true });
  const core = createCore({
    mode: 'web',
    dataDir: options.dataDir ?? path.join(tmp, 'app-data'),
    homeDir: home,
    checkResults: true,
    autosaveMs: options.autosaveMs ?? 60_000,
  });
  const server = await startWebServer({ port: 0, core });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1360, height: 900 }, acceptDownloads: false });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return {
    url: server.url,
    server,
    core,
    browser,
    page,
    tmp,
    home,
    pageErrors,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      await core.close().catch(() => undefined);
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}
