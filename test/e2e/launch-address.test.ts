// The addresses browser mode is opened with, in a real Chromium: neither the token nor a one-time code stays in the
// address once the page has loaded, a used code is refused in a sentence, and a reload still reaches the app.

import { describe, expect, it } from 'vitest';
import { AppPage } from './app-page';
import { appForSuite } from './suite-app';
import { LAUNCH_CODE_USED } from '../../main/web/launch-codes';

describe('the address browser mode is opened with', () => {
  const suite = appForSuite();

  // regression: ?token= stayed in the address bar and the history after the page had loaded
  it('the printed address with the token: the page drops it from its address, and a reload still works', async () => {
    const { app, ui } = suite;
    expect(app.url).toContain('?token=');
    const href = await ui.page.evaluate(() => location.href);
    expect(href).toBe(`http://127.0.0.1:${app.server.port}/`);
    expect(href).not.toContain(app.server.token);
    await ui.reload();
    expect(await ui.page.evaluate(() => location.href)).toBe(`http://127.0.0.1:${app.server.port}/`);
    expect(await ui.problem()).toBeNull();
  });

  it("the launcher's one-time address: it opens the app at the clean address, and works only once", async () => {
    const { app } = suite;
    const launch = app.server.launchUrl();
    const launched = await app.browser.newContext();
    const stranger = await app.browser.newContext();
    try {
      const ui = new AppPage(await launched.newPage(), launch);
      await ui.open();
      expect(await ui.page.evaluate(() => location.href)).toBe(`http://127.0.0.1:${app.server.port}/`);
      expect(await ui.problem()).toBeNull();
      // another browser (no cookie) given the same address is told what to do
      const page = await stranger.newPage();
      const answer = await page.goto(launch);
      expect(answer?.status()).toBe(401);
      expect((await page.locator('body').innerText()).trim()).toBe(LAUNCH_CODE_USED);
    } finally {
      await launched.close();
      await stranger.close();
    }
  });
});
