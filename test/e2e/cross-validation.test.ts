// How sure a score is, in Chromium: the example's run on Evaluate says its test score with a range and why it is
// not Train's; "Check with 5-fold cross-validation" draws the folds and says their mean and spread, which stay with
// the run through its project file; a long plan's folds stop on request and leave nothing; a small table's number
// to predict gets R²'s bootstrap range and the caution of few test rows.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pricesCsv } from './made-up-tables';
import { appForSuite } from './suite-app';

const suite = appForSuite();

describe('how sure a score is', () => {
  it('says the test score with its range, and why it differs from the one on Train', async () => {
    const { ui } = suite;
    await ui.openExample();
    await ui.goTo('train');
    await ui.startTraining('Run 1');
    await ui.waitForRunStatus('Run 1', /^(finished|stopped early)$/);
    await ui.goTo('evaluate');
    const certainty = await ui.certainty();
    const accuracy = Number((await ui.metric('accuracy')).replace(' %', ''));
    const range = /^Accuracy (\d+) % \(likely between (\d+) % and (\d+) %\) on 154 rows$/.exec(certainty.headline);
    expect(range, certainty.headline).not.toBeNull();
    const [shown, low, high] = range!.slice(1).map(Number);
    expect(shown).toBe(accuracy);
    expect(low).toBeLessThan(accuracy);
    expect(high).toBeGreaterThan(accuracy);
    // 154 rows: a Wilson range some 14 points wide
    expect(high! - low!).toBeGreaterThan(10);
    expect(high! - low!).toBeLessThan(18);
    expect(certainty.figures.map((f) => f.split(' ')[0])).toEqual(['precision', 'recall', 'F1', 'AUC']);
    expect(certainty.caution).toBeNull();
    expect(certainty.why).toMatch(/^Train shows the \d+ validation rows, which training watched to decide when to stop; Evaluate scores 154 test rows/);
    await ui.screenshot('cv-01-evaluate-ranges');
  });

  it('cross-validates the run in 5 folds and says their mean and spread', async () => {
    const { ui } = suite;
    await ui.startCrossValidation();
    const result = await ui.crossValidationResult();
    expect(result.words).toMatch(/^Over 5 folds: \d+ % on average, from \d+ % to \d+ % \(± (\d+ points?|under 1 point)\)$/);
    const [mean, low, high] = /(\d+) % on average, from (\d+) % to (\d+) %/.exec(result.words)!.slice(1).map(Number);
    expect(low).toBeLessThanOrEqual(mean!);
    expect(high).toBeGreaterThanOrEqual(mean!);
    // better than always answering "no" (65 %)
    expect(mean).toBeGreaterThan(66);
    expect(result.folds).toBe(5);
    await suite.app.page.locator('[data-test="cross-validation"]').scrollIntoViewIfNeeded();
    await ui.screenshot('cv-02-evaluate-cross-validation');

    // kept with the run: saved, reopened, the same words
    const file = path.join(suite.app.tmp, 'with-cv.neuron');
    await ui.saveAs(file);
    await ui.newProject();
    await ui.openProject(file);
    await ui.goTo('evaluate');
    expect((await ui.crossValidationResult()).words).toBe(result.words);
  });

  it('stops the folds of a long plan on request, and keeps nothing', async () => {
    const { ui } = suite;
    await ui.goTo('model');
    await ui.setNumber('epochs', 100000);
    await ui.setEarlyStopping(false);
    await ui.goTo('train');
    await ui.startTraining('Long');
    await ui.stopTraining();
    await ui.waitForRunStatus('Long', 'stopped');
    await ui.goTo('evaluate');
    await ui.startCrossValidation();
    await ui.stopCrossValidation();
    expect(await ui.crossValidationStopped()).toBe('Stopped: nothing was kept.');
    expect(await suite.app.page.locator('[data-test="cv-result"]').count()).toBe(0);
    expect(suite.app.pageErrors).toEqual([]);
  });

  it('says R² of a small table with its range and a caution, and cross-validates it by R²', async () => {
    const { app, ui } = suite;
    // 300 rows: 60 kept for testing
    await ui.importTable(path.join(app.tmp, 'prices.csv'), pricesCsv());
    await ui.setRole('price', 'label');
    await ui.goTo('model');
    await ui.setNumber('epochs', 60);
    await ui.goTo('train');
    await ui.startTraining('Prices');
    await ui.waitForRunStatus('Prices', /finished|stopped early/);
    await ui.goTo('evaluate');
    const certainty = await ui.certainty();
    expect(certainty.headline).toMatch(/^R² (-?\d\.\d\d) \(likely between -?\d\.\d\d and -?\d\.\d\d\) on 60 rows$/);
    expect(Number(certainty.headline.split(' ')[1])).toBeCloseTo(Number(await ui.metric('r2')), 2);
    expect(certainty.figures.map((f) => f.split(' ')[0])).toEqual(['MAE', 'RMSE']);
    expect(certainty.caution).toMatch(/^Only 60 rows were kept for testing; the score could easily be \d\.\d\d off\. Cross-validation gives a steadier figure\.$/);
    await ui.startCrossValidation();
    expect((await ui.crossValidationResult()).words).toMatch(/^Over 5 folds: R² -?\d\.\d\d on average, from -?\d\.\d\d to -?\d\.\d\d \(± \d\.\d\d\)$/);
    await ui.screenshot('cv-03-regression-small-test');
    expect(app.pageErrors).toEqual([]);
  });
});
