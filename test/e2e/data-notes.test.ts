// The Data screen tells what the import and the label did on their own (renamed header cells, rows without a label,
// a label of many whole numbers, an identifier left out), in the data side's words, with where to click; an import
// error's hint shows once.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './browser-mode';
import { appForSuite } from './suite-app';

const fixture = (name: string) => readFileSync(path.join(ROOT, 'test/fixtures/csv', name), 'utf8');

describe('notes on the Data screen', () => {
  const suite = appForSuite();

  it('says which header cells were renamed and which rows have no label', async () => {
    const { app, ui } = suite;
    await ui.importTable(path.join(app.tmp, 'renamed-headers.csv'), fixture('renamed-headers.csv'));
    expect(await ui.columnNames()).toEqual(['a', 'column 2', 'a (2)', 'b', 'smoker']);
    // regression: the names were made up and 7 of 20 rows dropped without a word on the screen
    expect(await ui.dataNotes('import')).toEqual([
      'Column 2 of renamed-headers.csv has no name in the header row, so it is called "column 2" here. Its card below uses that name; to change it, give the column its own name in the file and import it again.',
      'Column 3 of renamed-headers.csv is named "a" in the header row, like column 1, so it is called "a (2)" here. Its card below uses that name; to change it, give the column its own name in the file and import it again.',
    ]);
    await expect.poll(() => ui.dataNotes('label')).toEqual([
      '7 rows of the 20 in renamed-headers.csv have no value in the label smoker (file rows 2, 5, 8, 11, 14, ...), so they are left out of training and testing. Fill in smoker in those rows of the file and import it again to use them, or choose another column under "What should the model predict?".',
    ]);
    expect(await ui.taskSentence()).toBe('The model will learn to give a yes/no answer (binary classification) for smoker (no, yes).');
    await ui.screenshot('20-data-notes');
  });

  it('a label of 20 whole numbers offers regression: one click predicts it as a number, another goes back', async () => {
    const { app, ui } = suite;
    await ui.importTable(path.join(app.tmp, 'whole-number-label.csv'), fixture('whole-number-label.csv'));
    await expect.poll(() => ui.taskSentence()).toMatch(/one of several classes \(multi-class classification\) for score/);
    const [offer] = await ui.dataNotes('label');
    expect(offer).toMatch(/^The label score of whole-number-label\.csv holds 20 different whole numbers .* click "Predict it as a number"\.$/);
    // the warning is said again where training starts, with the same answer offered
    await ui.goTo('train');
    expect(await ui.dataNotes('train')).toEqual([offer]);
    await ui.screenshot('22-train-label-warning', 'window');
    await ui.goTo('data');
    await ui.noteAction('predict_as_number');
    await expect.poll(() => ui.taskSentence()).toMatch(/a number \(regression\) for score/);
    expect((await ui.dataNotes('label'))[0]).toMatch(/is predicted as a number \(regression\), as chosen/);
    await ui.screenshot('21-data-notes-regression');
    await ui.goTo('train');
    expect(await ui.dataNotes('train')).toEqual([]); // a regression chosen is no warning
    await ui.goTo('data');
    await ui.noteAction('predict_as_classes');
    await expect.poll(() => ui.taskSentence()).toMatch(/one of several classes \(multi-class classification\) for score/);
    expect(app.pageErrors).toEqual([]);
  });

  // regression: a 699-row table whose Id has 645 values was used as an input, and the Use form asked for an Id
  it('leaves an identifier out, saying why and how to use it anyway; the Use form does not ask for it', async () => {
    const { app, ui } = suite;
    await ui.importTable(path.join(app.tmp, 'breast-cancer-ids.csv'), fixture('breast-cancer-ids.csv'));
    expect(await ui.roleOf('Id')).toBe('unused');
    expect(await ui.warningText('Id', 'id_like')).toBe(
      'Id looks like a record number or code: it is named like an identifier and has a different value on almost every row ' +
        "(645 values in 699 rows). It can't help predict anything, so it is left out of the inputs. To use it anyway, set its role to Feature.",
    );
    await ui.screenshotOf('24-data-identifier-card', 'column-Id');
    await ui.goTo('model');
    await ui.setNumber('epochs', 3);
    await ui.goTo('train');
    await ui.startTraining('Without Id');
    await ui.waitForRunStatus('Without Id', /finished|stopped early/);
    await ui.goTo('use');
    await app.page.locator('[data-test="field-Cl.thickness"]').waitFor();
    expect(await app.page.locator('[data-test="field-Id"]').count()).toBe(0);
    await ui.goTo('data');
  });

  it('an import error says what to do once', async () => {
    const { app, ui } = suite;
    const broken = path.join(app.tmp, 'broken.csv');
    writeFileSync(broken, 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    await ui.importPath(broken);
    const message = (await ui.importError()) ?? '';
    // regression: the hint ended the message and came again after "What to do:"
    expect(message.split("Fix the file or choose 'skip bad rows'.")).toHaveLength(2);
    expect(message).toContain("What to do: Fix the file or choose 'skip bad rows'.");
    expect(message).toContain('Row 3 of broken.csv has 2 values but the header has 3.');
    await ui.screenshot('23-import-error', 'window');
  });
});
