// A label of codes (0/1) is offered names where it is chosen, and once named every screen says the names: the
// task sentence, the output layer, the confusion grid, the sentences, Use's chance and answer; the names are saved
// with the project and come back when it is opened. Names that would mix two answers are refused in words.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codedAnswersCsv } from './made-up-tables';
import { appForSuite } from './suite-app';

describe('the answers named where the label is chosen', () => {
  const suite = appForSuite();

  it('offers to name a label of codes, and refuses one name for both answers', async () => {
    const { app, ui } = suite;
    await ui.importTable(path.join(app.tmp, 'machines.csv'), codedAnswersCsv());
    await ui.setRole('failed', 'label');
    await expect.poll(() => ui.answerNameFields()).toEqual({ '1': '', '0': '' });
    expect(await ui.nameAnswers({ '1': 'broken', '0': 'Broken' })).toBe('“broken” names both 0 and 1: give each answer its own name.');
    expect(await ui.nameAnswers({ '1': 'broken down', '0': 'still running' })).toBe('Every screen now says “still running” and “broken down”.');
    await expect.poll(() => ui.taskSentence()).toMatch(/for failed \(0 = still running, 1 = broken down\)\.$/);
    await ui.goTo('model');
    expect(await ui.outputLayerText()).toMatch(/failed has two values \(still running and broken down\), so the output is one unit with a sigmoid: the probability that it is broken down\./);
  });

  it('says the names on Evaluate and Use, never the codes', async () => {
    const { ui } = suite;
    await ui.setNumber('epochs', 30);
    await ui.goTo('train');
    await ui.startTraining('Named');
    await ui.waitForRunStatus('Named', /finished|stopped early/);
    await ui.goTo('evaluate');
    expect(await ui.confusionHeaders()).toEqual(['model says broken down', 'model says still running', 'really broken down', 'really still running']);
    const words = await ui.confusionWords();
    expect(words[0]).toMatch(/^Of \d+ “broken down” rows, the model found \d+/);
    expect(words[1]).toMatch(/^Of \d+ “still running” rows, it rightly left \d+ alone/);
    expect(await ui.chartWords('roc-chart')).toMatch(/finds \d+ % of the “broken down” rows and raises a false alarm for \d+ % of the “still running” rows\.$/);
    await ui.setThresholdGoal('find', 80);
    expect(await ui.thresholdGoalWords()).toMatch(/^To find 80 % of the \d+ “broken down” rows/);
    await ui.goTo('use');
    expect(await ui.chanceOf()).toBe('broken down');
    expect(await ui.answerClass()).toMatch(/the model answers (broken down|still running)\.$/);
    await ui.screenshot('named-answers-use');
  });

  it('keeps the names in the project: saved, opened again, still said', async () => {
    const { app, ui } = suite;
    const file = path.join(app.tmp, 'machines.neuron');
    await ui.saveAs(file);
    await ui.newProject();
    await ui.openProject(file);
    await ui.goTo('data');
    expect(await ui.answerNameFields()).toEqual({ '1': 'broken down', '0': 'still running' });
    await ui.goTo('use');
    await app.page.locator('[data-test="chance-of"]').waitFor();
    expect(await ui.chanceOf()).toBe('broken down');
    expect(app.pageErrors).toEqual([]);
  });
});
