// What a person meets when things go wrong, and that nothing is lost: a run whose loss explodes says so and what
// to do; unsaved work is asked about before it is replaced; after a crash the next start offers the autosaved work
// back.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AppPage, eventually } from './app-page';
import { startApp, type RunningApp } from './browser-mode';
import { pricesCsv } from './made-up-tables';
import { appForSuite } from './suite-app';

describe('when things go wrong', () => {
  const suite = appForSuite();

  it('a run whose loss explodes says what happened and what to do, and the next run can put it right', async () => {
    const { app, ui } = suite;
    await ui.importTable(path.join(app.tmp, 'prices.csv'), pricesCsv());
    await ui.setRole('price', 'label');
    await ui.goTo('model');
    await ui.suggestModel();
    await ui.setOptimizer('sgd');
    await ui.setNumber('learning-rate', 1000);
    await ui.setNumber('epochs', 50);
    await ui.goTo('train');
    await ui.startTraining('Too fast');
    await ui.waitForRunStatus('Too fast', 'diverged');

    const problem = (await ui.problem()) ?? '';
    expect(problem).toMatch(/“Too fast” stopped: Training went wrong in epochs? [\d–]+: the loss (became infinite|stopped being a number|swung far above where it started)/);
    expect(problem).toMatch(/Try a learning rate of 0\.01 \(SGD's usual rate\) instead of 1000\./);
    expect(problem).toMatch(/What to do: On the Model screen, lower the learning rate, then start a new run\./);
    expect(problem).not.toMatch(/at \w+ \(|Error:|\.ts:\d+/);
    await ui.screenshot('13-diverged');

    // the advice works: a lower rate trains
    await ui.dismissProblem();
    await ui.goTo('model');
    await ui.setNumber('learning-rate', 0.01);
    await ui.goTo('train');
    await ui.startTraining('Slower');
    await ui.waitForRunStatus('Slower', /finished|stopped early/);
    expect(await ui.problem()).toBeNull();
    expect([...(await ui.runNames())].sort()).toEqual(['Slower', 'Too fast']);
  });

  it('asks before unsaved work is replaced; Cancel keeps it, and Ctrl+S saves it', async () => {
    const { app, ui } = suite;
    expect(await ui.isUnsaved()).toBe(true);
    await app.page.click('.bar button:has-text("New")');
    const dialog = app.page.locator('[data-test="unsaved-dialog"]');
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/save/i);
    await ui.screenshot('14-unsaved-dialog', 'window');
    await app.page.click('[data-test="unsaved-cancel"]');
    await dialog.waitFor({ state: 'detached' });
    expect([...(await ui.runNames())].sort()).toEqual(['Slower', 'Too fast']);
    expect(await ui.isUnsaved()).toBe(true);

    const saved = path.join(app.tmp, 'prices.neuron');
    await ui.pressSave();
    await ui.answerFilePrompt(saved, 'Save the project as');
    await ui.idle();
    expect(existsSync(saved)).toBe(true);
    expect(await ui.isUnsaved()).toBe(false);
    expect(await ui.title()).toBe('prices — Neuron Studio');
  });
});

describe('after a crash', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'neuron-e2e-crash-'));
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('the next start offers the autosaved work and brings it back as it was, unsaved', async () => {
    // the first session: the example, a layer more than suggested, never saved; then the app dies
    const first = await startApp({ dataDir });
    const ui1 = new AppPage(first.page, first.url);
    await ui1.open();
    await ui1.openExample();
    await ui1.goTo('model');
    await ui1.suggestModel();
    const suggested = await ui1.hiddenLayers();
    await ui1.addLayer();
    const layers = await ui1.hiddenLayers();
    expect(layers).toHaveLength(suggested.length + 1);
    // edits reach the main side a moment later (the model screen gathers quick edits into one)
    await eventually(async () => first.core.context.session.plan?.hidden?.length, (n) => n === layers.length, 10_000, 'the new layer on the main side');
    await first.core.context.projects.flushAutosave();
    // what a crash leaves: no save, no "don't save", the autosave on disk
    await first.close();

    app = await startApp({ dataDir });
    const ui = new AppPage(app.page, app.url);
    await ui.open();
    const card = app.page.locator('[data-test="recovery"]');
    await card.waitFor();
    expect(await card.innerText()).toMatch(/kept a copy of “Diabetes \(Pima\)” from (today|yesterday) at \d+:\d\d [AP]M/);
    await ui.screenshot('15-recovery');
    await card.locator('button', { hasText: 'Bring it back' }).click();
    await card.waitFor({ state: 'detached' });
    await ui.idle();
    expect(await ui.projectName()).toMatch(/Diabetes \(Pima\)/);
    // back where the person was when the app died
    await app.page.locator('[data-test="screen-model"]').waitFor();
    expect(await ui.isUnsaved()).toBe(true);
    await ui.goTo('model');
    expect(await ui.hiddenLayers()).toEqual(layers);

    // offered once: after it is brought back, a reload does not offer it again
    await ui.goToStart();
    expect(await card.count()).toBe(0);
  });
});

describe('when the app behind the window stops', () => {
  const suite = appForSuite();

  it('the window says so at once, with what to do, instead of freezing', async () => {
    const { app, ui } = suite;
    await ui.openExample();
    expect(await ui.problem()).toBeNull();
    await app.server.close();
    const problem = await eventually(() => ui.problem(), (p) => p !== null, 10_000, 'the lost-connection message');
    expect(problem).toMatch(/The connection to Neuron Studio was lost\./);
    expect(problem).toMatch(/npm run web/);
    // the screen underneath still answers: moving between steps works, and an action fails with the same words
    await ui.goTo('model');
    await ui.screenshot('17-connection-lost', 'window');
  });
});

describe('when the app is opened in a second tab', () => {
  const suite = appForSuite();

  it('the first tab says the app moved to the other one, and the second one works', async () => {
    const { app, ui } = suite;
    expect(await ui.problem()).toBeNull();
    const other = await app.page.context().newPage();
    try {
      const second = new AppPage(other, app.url);
      await second.open();
      await second.openExample();
      const problem = await eventually(() => ui.problem(), (p) => p !== null, 10_000, 'the first tab to say it lost the app');
      expect(problem).toMatch(/Neuron Studio was opened in another tab or window, so this one is no longer connected\./);
      expect(problem).toMatch(/reload this tab to work here/);
      expect(await second.problem()).toBeNull();
      expect(await second.projectName()).toMatch(/Diabetes \(Pima\)/);
      await ui.screenshot('18-opened-elsewhere', 'window');
    } finally {
      await other.close();
    }
  });
});
