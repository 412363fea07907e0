// The Model screen refuses, at the field and in words, settings that cannot work (0 units, 0 epochs, a learning rate
// of 0 or below, an empty field, text that is no number), keeps them out of the plan, and training says why it
// cannot start until they are corrected.

import { describe, expect, it } from 'vitest';
import { appForSuite } from './suite-app';

const LEARNING_RATE_ABOVE_0 =
  'The learning rate must be more than 0 (e.g. 0.001): at 0 the weights never change, below 0 they move the wrong way.';

describe('settings that cannot work', () => {
  const suite = appForSuite();

  // regression: 0 units was silently ignored (the field showed 0, the plan kept its number and trained with it)
  it('refuses 0 units beside the field, and training says why it cannot start', async () => {
    const { ui } = suite;
    await ui.openExample();
    await ui.goTo('model');
    const [layer] = await ui.hiddenLayers();
    await ui.typeSetting('layer-units', '0');
    expect(await ui.settingProblem('layer-units')).toEqual({ invalid: true, problem: 'A layer needs at least 1 unit: with none it passes nothing on.' });
    expect((await ui.hiddenLayers())[0]!.units).toBe(0); // what was typed stays, to be corrected
    await ui.screenshot('30-model-refused-units');
    await ui.screenshotOf('30-model-refused-units-layer', 'layer-stack');

    await ui.goTo('train');
    expect(await ui.startRefused()).toBe(
      'Units of hidden layer 1: A layer needs at least 1 unit: with none it passes nothing on. ' +
        'What to do: Correct it on the Model screen, where the field is marked; training starts once every setting can work.',
    );
    expect(await ui.runNames()).toEqual([]);

    await ui.goTo('model');
    expect((await ui.settingProblem('layer-units')).invalid).toBe(true);
    await ui.typeSetting('layer-units', String(layer!.units));
    expect(await ui.settingProblem('layer-units')).toEqual({ invalid: false, problem: null });
  });

  it.each([
    ['epochs', '0', 'Training needs at least 1 epoch (one pass over the training rows).', '300'],
    ['epochs', '', 'This cannot be empty. Type a whole number from 1 to 100000.', '300'],
    ['epochs', '2.5', 'Epochs are counted in whole numbers.', '300'],
    ['batch-size', '0', 'A batch needs at least 1 row.', '16'],
    ['learning-rate', '0', LEARNING_RATE_ABOVE_0, '0.01'],
    ['learning-rate', '-0.01', LEARNING_RATE_ABOVE_0, '0.01'],
    ['patience', '0', 'Wait at least 1 epoch before stopping.', '25'],
  ] as const)('refuses %s "%s" with a message beside it, until corrected', async (field, text, problem, valid) => {
    const { ui } = suite;
    await ui.typeSetting(field, text);
    expect(await ui.settingProblem(field)).toEqual({ invalid: true, problem });
    if (field === 'learning-rate' && text === '0') await ui.screenshotOf('31-model-refused-learning-rate', 'training-settings');
    await ui.goTo('train');
    expect(await ui.startRefused()).toContain(problem);
    await ui.goTo('model');
    await ui.typeSetting(field, valid);
    expect(await ui.settingProblem(field)).toEqual({ invalid: false, problem: null });
  });

  it('refuses text that is no number', async () => {
    const { app, ui } = suite;
    const epochs = app.page.locator('[data-test="epochs"]');
    await epochs.fill('');
    await epochs.pressSequentially('e'); // a number field takes "e" (for 1e3) but holds no number then
    await epochs.blur();
    expect(await ui.settingProblem('epochs')).toEqual({ invalid: true, problem: 'That is not a number. Type a whole number from 1 to 100000.' });
    await ui.typeSetting('epochs', '3');
    expect(await ui.settingProblem('epochs')).toEqual({ invalid: false, problem: null });
  });

  it("leaves an empty learning rate to the optimizer's usual one; with every field correct, training starts", async () => {
    const { ui } = suite;
    await ui.typeSetting('learning-rate', '');
    expect(await ui.settingProblem('learning-rate')).toEqual({ invalid: false, problem: null });
    await ui.setNumber('epochs', 3);
    await ui.goTo('train');
    await ui.startTraining('Corrected');
    await ui.waitForRunStatus('Corrected', /finished|stopped early/);
  });
});
