// Runs that diagnose themselves, in Chromium: a diverged Adam run (learning rate 100) says so and what rate to try;
// a big network on a small loose table has the epoch it began memorising marked on the loss chart, and the verdict
// says what to do on Train and Evaluate; class weights are offered on the Model screen for classes only.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { looseAnswersCsv, pricesCsv } from './made-up-tables';
import { appForSuite } from './suite-app';

describe('runs that diagnose themselves', () => {
  const suite = appForSuite();

  it('a diverged Adam run (learning rate 100) says so on the Train screen, with a rate near Adam\'s usual one', async () => {
    // regression: this run read "Finished: 100 epochs"
    const { ui } = suite;
    await ui.openExample();
    await ui.goTo('model');
    await ui.setOptimizer('adam');
    await ui.setNumber('learning-rate', 100);
    await ui.goTo('train');
    await ui.startTraining('Too fast');
    await ui.waitForRunStatus('Too fast', 'diverged');
    const words = await ui.waitForVerdict('diverged');
    expect(words).toMatch(/^Training went wrong in epochs 1–3: the loss swung far above where it started \([\d.]+ in epoch 3, against 0\.\d+ before training\)\. No epoch went well, so the weights are the starting ones: it has learned nothing\. Try a learning rate of 0\.001 \(Adam's usual rate\) instead of 100\./);
    expect((await ui.progress()).words).toMatch(/Diverged after 3 of \d+ epochs/);
    expect((await ui.problem()) ?? '').toContain('“Too fast” stopped: Training went wrong in epochs 1–3');
    await ui.screenshot('diagnose-diverged');
    await ui.dismissProblem();
  });

  it('a big network trained long on a small loose table: its loss chart marks where it began memorising', async () => {
    const { app, ui } = suite;
    await ui.importTable(path.join(app.tmp, 'loose.csv'), looseAnswersCsv());
    await ui.setRole('answer', 'label');
    await ui.goTo('model');
    await ui.suggestModel();
    expect(await ui.classWeights()).toBe('none');
    while ((await ui.hiddenLayers()).length < 2) await ui.addLayer();
    await ui.setLayerUnits(0, 128);
    await ui.setLayerUnits(1, 128);
    await ui.setEarlyStopping(false);
    await ui.setNumber('epochs', 300);
    await ui.goTo('train');
    await ui.startTraining('Memorise');
    await ui.waitForRunStatus('Memorise', 'finished');
    const words = await ui.waitForVerdict('memorising');
    const [mark] = await ui.chartMarks('loss-chart');
    expect(mark).toBeGreaterThanOrEqual(1);
    expect(mark).toBeLessThan(100);
    expect(words).toContain(`It began memorising the training rows after epoch ${mark}: from there the validation loss rose while the training loss kept falling.`);
    expect(words).toContain('What to do: On the Model screen, keep early stopping on, add dropout to a hidden layer, or use fewer units.');
    await ui.screenshot('diagnose-memorising');

    await ui.goTo('evaluate');
    expect(await ui.waitForVerdict('memorising')).toBe(words);
    await ui.screenshot('diagnose-memorising-evaluate');
  });

  it('offers class weights for a label of classes, and not for one of numbers', async () => {
    const { app, ui } = suite;
    await ui.goTo('model');
    await ui.setClassWeights('balanced');
    await ui.importTable(path.join(app.tmp, 'prices.csv'), pricesCsv());
    await ui.setRole('price', 'label');
    await ui.goTo('model');
    expect(await ui.classWeights()).toBeNull();
  });
});
