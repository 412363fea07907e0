// The screens for the other two kinds of label: a number (regression) and one of three classes (multi-class), each
// from a table the test makes, trained briefly and evaluated.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pricesCsv, kindsCsv } from './made-up-tables';
import { eventually } from './app-page';
import { appForSuite } from './suite-app';

describe('regression and multi-class labels', () => {
  const suite = appForSuite();

  async function trainBriefly(name: string): Promise<void> {
    const { ui } = suite;
    await ui.goTo('model');
    await ui.suggestModel();
    await ui.setNumber('epochs', 60);
    await ui.goTo('train');
    await ui.startTraining(name);
    await ui.waitForRunStatus(name, /finished|stopped early/);
  }

  it('predicts a number: MAE, RMSE and R² against always answering the average, and a predicted-against-actual plot', async () => {
    const { app, ui } = suite;
    await ui.importTable(path.join(app.tmp, 'prices.csv'), pricesCsv());
    await ui.setRole('price', 'label');
    await expect.poll(() => ui.taskSentence()).toMatch(/a number \(regression\) for price/);
    await trainBriefly('Prices');
    expect(await app.page.locator('[data-test="accuracy-chart"]').count()).toBe(1);
    await ui.goTo('evaluate');
    const r2 = Number(await ui.metric('r2'));
    expect(r2).toBeGreaterThan(0.5);
    expect(r2).toBeLessThanOrEqual(1);
    const mae = Number(await ui.metric('mae'));
    const baselineMae = Number(/^([\d.]+)/.exec(await ui.baseline())![1]);
    expect(mae).toBeLessThan(baselineMae);
    expect(await app.page.locator('[data-test="scatter-chart"]').getAttribute('data-points')).toBe('60');
    await ui.screenshot('12-regression-evaluate');
    await ui.goTo('use');
    await ui.enterCase({ size: '120', rooms: '3' });
    const value = Number(await app.page.locator('[data-test="answer-value"]').innerText());
    // the table's rule gives 3 × 120 + 10 × 3 + about 10 = 400
    expect(Math.abs(value - 400)).toBeLessThan(60);
    // why, in the target's units; and the maths ends there too, not on the standardised scale
    const why = await eventually(() => ui.whyThisAnswer(), (w) => /^(size 120|rooms 3) /.test(w.sentence), 30_000, 'the explanation of the case typed');
    expect(why.sentence).toMatch(/^(size 120|rooms 3) (raised|lowered) the value most \([+\u2212][\d.,]+\)/);
    const pass = await ui.forwardPass();
    expect(pass.flow).toMatch(/ = [\d.]+ in price's units$/);
    expect(Number(/ = ([\d.]+) in price's units$/.exec(pass.flow)![1])).toBeCloseTo(value, 2);
    await ui.screenshot('12-regression-use');
  });

  it('predicts one of three classes: accuracy, the class-by-class sentences and the matrix', async () => {
    const { app, ui } = suite;
    await ui.importTable(path.join(app.tmp, 'kinds.csv'), kindsCsv());
    await ui.setRole('kind', 'label');
    await expect.poll(() => ui.taskSentence()).toMatch(/one of several classes/);
    await trainBriefly('Kinds');
    await ui.goTo('evaluate');
    expect(parseFloat(await ui.metric('accuracy'))).toBeGreaterThan(80);
    expect(await ui.baseline()).toMatch(/33 %/);
    const sentences = await ui.confusionWords();
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toMatch(/^Of 20 rows of class left, the model found \d+/);
    await ui.screenshot('13-multiclass-evaluate');
    await ui.goTo('use');
    await ui.enterCase({ x: '0', y: '4' });
    expect(await ui.answerClass()).toBe('top');
    expect(app.pageErrors).toEqual([]);
  });
});
