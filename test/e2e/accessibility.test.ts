// Every screen by keyboard and screen reader, in Chromium, on the example: axe's audit of each screen (Start, Data,
// Model after a search, Train with a finished run, Evaluate, Use with an answer, the file dialog) with no critical
// or serious violation, the dialogs holding the focus and closing on Escape, and the screens at 1024, 1280 and
// 1920 px wide without a table past its card or a dropdown cutting its text (screenshots of each).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, auditDetails, auditLine, IMPACTS, type Audit } from './axe';
import { eventually } from './app-page';
import { ROOT } from './browser-mode';
import { kindsCsv, pricesCsv } from './made-up-tables';
import { appForSuite } from './suite-app';

/** Moderate and minor findings left as they are, each with why (none may be critical or serious). */
const ALLOWED: Record<string, string> = {};

const counts: Record<string, Record<string, number>> = {};

/** What does not fit: the page wider than the window, a table wider than its card's inside, a dropdown narrower than
 * its longest option's words. */
async function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const shown = (el: Element) => el.getClientRects().length > 0;
    const nameOf = (el: Element) =>
      el.getAttribute('data-test') ?? el.getAttribute('aria-label') ?? el.closest('[data-test]')?.getAttribute('data-test') ?? el.tagName.toLowerCase();
    for (const table of document.querySelectorAll('table')) {
      const card = table.closest('.card');
      // a table for screen readers only sits in a visually hidden box that takes no room
      if (!card || !shown(table) || table.closest('.visually-hidden')) continue;
      const style = getComputedStyle(card);
      const inside = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (table.scrollWidth > inside + 1) found.push(`the table in ${nameOf(table)} is ${table.scrollWidth} px wide in a card ${Math.round(inside)} px wide`);
    }
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth) found.push(`the page is ${page.scrollWidth} px wide in a window ${page.clientWidth} px wide`);
    for (const select of document.querySelectorAll('select')) {
      if (!shown(select)) continue;
      // the same dropdown at its natural width, which is its longest option's: what every choice needs
      const natural = select.cloneNode(true) as HTMLSelectElement;
      natural.style.cssText = 'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none;left:0;top:0';
      select.parentElement!.append(natural);
      const needs = natural.offsetWidth;
      natural.remove();
      const longest = [...select.options].reduce((a, o) => (o.text.length > a.length ? o.text : a), '');
      if (needs > select.offsetWidth + 1) found.push(`the dropdown ${nameOf(select)} would cut "${longest}" (needs ${needs} px, has ${select.offsetWidth} px)`);
    }
    return found;
  });
}

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

  it('Train, with finished runs; each chart says what it shows and gives its numbers', async () => {
    const { ui } = suite;
    await ui.goTo('train');
    await ui.startTraining('Short');
    await ui.waitForRunStatus('Short', /finished|stopped early/);
    // the search's winner trains too: wait until nothing is training, so the screen holds still while it is audited
    for (const name of await ui.runNames()) await ui.waitForRunStatus(name, /finished|stopped/);
    await ui.showRun('Short');
    const epochs = await ui.chartPoints('loss-chart');
    expect(await ui.chartWords('loss-chart')).toMatch(
      new RegExp(`^Loss (fell|rose) from [\\d.]+ to [\\d.]+ over ${epochs} epochs; validation loss lowest at epoch \\d+ \\([\\d.]+\\)\\.$`),
    );
    expect(await ui.chartWords('accuracy-chart')).toMatch(/^Accuracy (rose|fell) from \d+ % to \d+ % over \d+ epochs; validation accuracy highest at epoch \d+ \(\d+ %\)\.$/);
    const numbers = await ui.chartNumbers('loss-chart');
    expect(numbers[0]).toEqual(['epoch', 'Short: training', 'Short: validation']);
    expect(numbers).toHaveLength(1 + epochs);
    expect(numbers[numbers.length - 1]![0]).toBe(String(epochs));
    expect(await ui.drawingWords()).toMatch(
      /^The network: 8 inputs \(Pregnancies, Glucose, BloodPressure, SkinThickness, Insulin and 3 more\), hidden layer 1: \d+ units \(relu\), then the output Outcome: 1 unit \(sigmoid\)\. The strongest weight, -?[\d.]+, links .+ to .+; blue lines are positive weights, orange negative, thicker stronger\.$/,
    );
    expectClean('Train', await auditScreen('Train'));
  });

  it('Evaluate, with its cross-validation: the answers by their names, the ROC curve and the folds in words', async () => {
    const { app, ui } = suite;
    await ui.goTo('evaluate');
    await app.page.locator('[data-test="metric-tiles"]').waitFor();
    // the example names its answers: the grid says "diabetes", not "1"
    expect(await ui.confusionHeaders()).toEqual(['model says diabetes', 'model says no diabetes', 'really diabetes', 'really no diabetes']);
    expect(await ui.chartWords('roc-chart')).toMatch(
      /^The ROC curve's area \(AUC\) is 0\.\d+: 0\.5 is guessing, 1 is perfect\. At the threshold 0\.\d\d the model finds \d+ % of the people with diabetes and raises a false alarm for \d+ % of the people without diabetes\.$/,
    );
    expect((await ui.chartNumbers('roc-chart'))[0]).toEqual(['false alarms (share of the people without diabetes)', 'found (share of the people with diabetes)']);
    await app.page.click('[data-test="cv-start"]');
    await app.page.locator('[data-test="cv-result"]').waitFor({ timeout: 120_000 });
    const folds = await ui.chartNumbers('cv-folds');
    expect(folds.map((row) => row[0])).toEqual(['scored', 'fold 1', 'fold 2', 'fold 3', 'fold 4', 'fold 5', 'this run, on its 154 held-out rows']);
    expectClean('Evaluate', await auditScreen('Evaluate'));
  });

  it('Use, with an answer given by its name', async () => {
    const { app, ui } = suite;
    await ui.goTo('use');
    await app.page.locator('[data-test="probability"]').waitFor();
    expect(await ui.chanceOf()).toBe('diabetes');
    expect(await ui.answerClass()).toMatch(/the model answers (diabetes|no diabetes)\.$/);
    // the explanations in, and the maths open: all of the screen is audited
    for (const part of ['why-sentence', 'what-if-sentence', 'importance-sentence']) await app.page.locator(`[data-test="${part}"]`).waitFor({ timeout: 120_000 });
    await app.page.click('[data-test="show-maths"] summary');
    await app.page.locator('[data-test="forward-pass"]').waitFor();
    expectClean('Use', await auditScreen('Use'));
  });

  it('the report, its curves in words', async () => {
    const { app, ui } = suite;
    await ui.goTo('evaluate');
    await ui.openReport();
    const loss = await app.page.locator('[data-test="report-loss-chart"]').getAttribute('aria-label');
    expect(loss).toMatch(/^Loss (fell|rose) from [\d.]+ to [\d.]+ over \d+ epochs; validation loss lowest at epoch \d+ \([\d.]+\)\.$/);
    // the example's answers by their names on paper too
    expect(await ui.reportSection('data')).toContain('It predicts Outcome: yes or no, “no diabetes” (500 rows) and “diabetes” (268 rows).');
    expectClean('Report', await auditScreen('Report'));
  });

  it('the file dialog', async () => {
    const { ui } = suite;
    await ui.startSaveAs();
    const result = await auditScreen('File dialog');
    await ui.press('Escape');
    await suite.app.page.locator('[data-test="file-prompt"]').waitFor({ state: 'detached' });
    expectClean('File dialog', result);
  });

  it('the file dialog holds the focus: Tab past its last control stays inside, Escape closes it, the page works again', async () => {
    const { app, ui } = suite;
    await ui.goTo('data');
    await app.page.focus('[data-test="save-as"]');
    await ui.press('Enter');
    await ui.filePrompt('Save the project as');
    expect(await ui.focus('file-prompt')).toEqual({ test: 'file-path', inside: true });
    // bug guarded: Tab left the file dialog, then Escape did nothing and its backdrop blocked every click
    for (let i = 0; i < 8; i++) {
      await ui.press('Tab');
      expect((await ui.focus('file-prompt')).inside, `after Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 8; i++) {
      await ui.press('Shift+Tab');
      expect((await ui.focus('file-prompt')).inside, `after Shift+Tab ${i + 1}`).toBe(true);
    }
    await ui.press('Escape');
    await app.page.locator('[data-test="file-prompt"]').waitFor({ state: 'detached' });
    // the focus is back on the button that opened it, and nothing covers the page
    expect((await ui.focus()).test).toBe('save-as');
    expect(await ui.isClickable('step-model')).toBe(true);
    await ui.goTo('model');
  });

  it('the unsaved-work question holds the focus too, and Escape cancels it', async () => {
    const { app, ui } = suite;
    expect(await ui.isUnsaved()).toBe(true);
    await app.page.focus('.bar button:has-text("New")');
    await ui.press('Enter');
    await app.page.locator('[data-test="unsaved-dialog"]').waitFor();
    expect(await ui.focus('unsaved-dialog')).toEqual({ test: 'unsaved-save', inside: true });
    for (let i = 0; i < 4; i++) {
      await ui.press('Tab');
      expect((await ui.focus('unsaved-dialog')).inside, `after Tab ${i + 1}`).toBe(true);
    }
    const result = await auditScreen('Unsaved question');
    await ui.press('Escape');
    await app.page.locator('[data-test="unsaved-dialog"]').waitFor({ state: 'detached' });
    // cancelled: the project is still the one being worked on
    expect(await ui.projectName()).toContain('Diabetes (Pima)');
    expect(await ui.focus()).toMatchObject({ test: 'button' });
    expect(await app.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('New');
    expectClean('Unsaved question', result);
  });

  for (const width of [1024, 1280, 1920]) {
    it(`fits every screen at ${width} px wide: no table past its card, no dropdown cutting its text`, async () => {
      const { app, ui } = suite;
      await app.page.setViewportSize({ width, height: 900 });
      const problems: string[] = [];
      for (const screen of ['start', 'data', 'model', 'train', 'evaluate', 'report', 'use'] as const) {
        if (screen === 'start') await ui.goToStart();
        else if (screen === 'report') await ui.openReport();
        else await ui.goTo(screen);
        await ui.idle();
        await ui.screenshot(`width-${width}-${screen}`);
        problems.push(...(await overflows(app.page)).map((p) => `${screen}: ${p}`));
      }
      expect(problems).toEqual([]);
    });
  }

  it('Evaluate for the other labels: a number (its scatter in words) and one of three classes', async () => {
    const { app, ui } = suite;
    for (const [file, csv, label] of [['prices.csv', pricesCsv(), 'price'], ['kinds.csv', kindsCsv(), 'kind']] as const) {
      await ui.newProject();
      await ui.importTable(path.join(app.tmp, file), csv);
      await ui.setRole(label, 'label');
      await ui.goTo('model');
      await ui.setNumber('epochs', 20);
      await ui.goTo('train');
      await ui.startTraining(label);
      await ui.waitForRunStatus(label, /finished|stopped early/);
      await ui.goTo('evaluate');
      await app.page.locator('[data-test="baseline"]').waitFor();
      if (label === 'price') expect(await ui.chartWords('scatter-chart')).toMatch(/^Predicted against actual price for 60 rows: the nearer a dot to the diagonal, the better the answer\. A typical miss is [\d.]+; R² is -?[\d.]+\.$/);
      const screen = label === 'price' ? 'Evaluate (number)' : 'Evaluate (classes)';
      expectClean(screen, await auditScreen(screen));
    }
  });

  it('says the counts per screen', () => {
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'test-results', 'axe-counts.json'), JSON.stringify(counts, null, 2));
    console.log('[axe] per screen (critical / serious / moderate / minor):');
    for (const [screen, c] of Object.entries(counts)) console.log(`[axe]   ${screen.padEnd(20)} ${IMPACTS.map((i) => c[i]).join(' / ')}`);
    expect(Object.keys(counts)).toHaveLength(11);
  });
});

