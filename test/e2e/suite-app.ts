// One app for a whole describe block: started and opened before its first test, closed after its last.

import { afterAll, beforeAll } from 'vitest';
import { AppPage } from './app-page';
import { startApp, type RunningApp, type StartOptions } from './browser-mode';

export interface SuiteApp {
  app: RunningApp;
  ui: AppPage;
}

/** Call in a describe block; read `app` and `ui` inside its tests (they are set once beforeAll has run). */
export function appForSuite(options: StartOptions = {}): SuiteApp {
  const suite = {} as SuiteApp;
  beforeAll(async () => {
    suite.app = await startApp(options);
    suite.ui = new AppPage(suite.app.page, suite.app.url);
    await suite.ui.open();
  });
  afterAll(async () => {
    await suite.app?.close();
  });
  return suite;
}
