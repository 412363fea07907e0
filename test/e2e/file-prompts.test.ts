// The browser mode's file chooser as a person meets it: new files are offered in their own folders (never the
// app's datasets/, read-only once installed), and what they type stays theirs until they answer.

import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './browser-mode';
import { appForSuite } from './suite-app';

describe('the file chooser', () => {
  const suite = appForSuite();
  const datasetsBefore = readdirSync(path.join(ROOT, 'datasets')).sort();

  it('offers the unsaved example in Documents; Ctrl+S in its field saves where the person typed', async () => {
    const { app, ui } = suite;
    await ui.openExample();
    const prompt = await ui.startSaveAs();
    expect(prompt.path).toBe(path.join(app.home, 'Documents', 'Diabetes (Pima).neuron'));
    const typed = path.join(app.tmp, 'my projects', 'mine.neuron');
    mkdirSync(path.dirname(typed));
    await ui.typeFilePath(prompt.id, typed);
    // bug guarded: Ctrl+S in the field closed it and opened a new "Save the project as" showing the default again
    await ui.pressSave();
    await ui.filePromptClosed(prompt.id);
    await ui.idle();
    expect(existsSync(typed)).toBe(true);
    expect(await ui.projectName()).toBe('mine');
    expect(await ui.isUnsaved()).toBe(false);
    expect(await ui.isFilePromptOpen()).toBe(false);
  });

  it('once the project has a file, its weights and predictions are offered beside it', async () => {
    const { app, ui } = suite;
    await ui.goTo('model');
    await ui.setNumber('epochs', 5);
    await ui.goTo('train');
    await ui.startTraining('Quick');
    await ui.waitForRunStatus('Quick', /finished|stopped early/);
    await ui.goTo('use');
    const folder = path.join(app.tmp, 'my projects');
    expect(await ui.exportWeights(path.join(app.tmp, 'w.json'))).toBe(path.join(folder, 'mine weights.json'));
    const { offered, folders } = await ui.predictCsv(path.join(ROOT, 'datasets', 'diabetes.csv'), path.join(app.tmp, 'p.csv'));
    expect(offered).toBe(path.join(folder, 'mine predictions.csv'));
    // bug guarded: the save field offered datasets/ (where the example came from) as a folder to save in
    expect(folders.join('\n')).toContain(folder);
    expect(folders.join('\n')).not.toContain(path.join(ROOT, 'datasets'));
    expect(readdirSync(path.join(ROOT, 'datasets')).sort()).toEqual(datasetsBefore);
    expect(app.pageErrors).toEqual([]);
  });
});
