// `train` through the real CLI on tables the importer changes on its own: the notes say what happened, to which
// columns and rows, and which option to use; a label that cannot be learnt as it is gets a warning before training.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process';

const CSV = 'test/fixtures/csv';
const notesOf = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('Note: '));

describe('train: notes before training', () => {
  it('no usable column: says which columns were left out, why, and how to include them', async () => {
    const r = await runCli(['train', '--csv', `${CSV}/left-out-columns.csv`, '--label', 'y', '--epochs', '1']);
    expect(r.code).toBe(2);
    // regression: said only "has no column besides the label to learn from"
    expect(r.stderr.trim()).toBe(
      `No column of ${CSV}/left-out-columns.csv besides the label y can be used as an input on its own. ` +
        '"zero": it has the same value in every row (0), so it cannot tell rows apart; ' +
        '"note": it holds free text, different on almost every row; ' +
        '"formula": it holds spreadsheet formulas (such as "=A10+1") rather than their results, different on almost every row. ' +
        'To use some anyway, name them with --features, e.g. --features zero,note,formula.',
    );
    expect(r.stdout).toBe('');
  });

  it('the option the message names works: --features brings the columns in', async () => {
    const r = await runCli(['train', '--csv', `${CSV}/left-out-columns.csv`, '--label', 'y', '--features', 'zero,note,formula', '--epochs', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('from 3 columns of');
    expect(r.stdout).toMatch(/Accuracy: \d/);
  });

  it('renamed header cells and rows without a label are told, each once, before the run starts', async () => {
    const r = await runCli(['train', '--csv', `${CSV}/renamed-headers.csv`, '--label', 'smoker', '--epochs', '1']);
    expect(r.code).toBe(0);
    // regression: "a (2)" and "column 2" were made up silently, and 20 rows became 13 without a word
    expect(notesOf(r.stderr)).toEqual([
      `Note: Column 2 of ${CSV}/renamed-headers.csv has no name in the header row, so it is called "column 2" here. Use that name with --features or --label, or give the column its own name in the file.`,
      `Note: Column 3 of ${CSV}/renamed-headers.csv is named "a" in the header row, like column 1, so it is called "a (2)" here. Use that name with --features or --label, or give the column its own name in the file.`,
      `Note: 7 rows of the 20 in ${CSV}/renamed-headers.csv have no value in the label smoker (file rows 2, 5, 8, 11, 14, ...), so they are left out of training and testing. Fill in smoker in those rows to use them, or predict another column with --label.`,
    ]);
    expect(r.stdout).toContain('on the 13 training rows');
  });

  it('a label with a different code on every row is called an identifier', async () => {
    const r = await runCli(['train', '--csv', `${CSV}/id-label.csv`, '--label', 'code', '--epochs', '1']);
    expect(r.code).toBe(0);
    const [note] = notesOf(r.stderr);
    expect(note).toMatch(/^Note: The label code of .*id-label\.csv looks like an identifier: a different value on almost every row \(60 values in 60 rows/);
    expect(note).toMatch(/Predict another column with --label\.$/);
  });

  it('many whole numbers read as classes: offers --task regression, which then trains a regression', async () => {
    const classes = await runCli(['train', '--csv', `${CSV}/whole-number-label.csv`, '--label', 'score', '--epochs', '1']);
    expect(classes.code).toBe(0);
    expect(notesOf(classes.stderr)).toEqual([
      `Note: The label score of ${CSV}/whole-number-label.csv holds 20 different whole numbers (from 1 to 20), so it is read as 20 classes: the model learns to pick one of them, and a near miss counts as wrong. To predict it as a number (regression) instead, add --task regression.`,
    ]);
    expect(classes.stdout).toContain('Training a classifier for "score"');

    const numbers = await runCli(['train', '--csv', `${CSV}/whole-number-label.csv`, '--label', 'score', '--task', 'regression', '--epochs', '1']);
    expect(numbers.code).toBe(0);
    expect(numbers.stdout).toContain('Training a regression model for "score"');
    expect(numbers.stdout).toMatch(/R²: -?\d/);
    expect(notesOf(numbers.stderr)).toEqual([
      `Note: The label score of ${CSV}/whole-number-label.csv is predicted as a number (regression), as chosen, though its 20 different whole numbers could be read as classes. Leave out --task regression to predict classes.`,
    ]);
  });

  it('--task regression on a text label is refused in words', async () => {
    const r = await runCli(['train', '--csv', `${CSV}/id-label.csv`, '--label', 'code', '--task', 'regression', '--epochs', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      `The label code of ${CSV}/id-label.csv holds text, not numbers, so it cannot be predicted as a number. Predict it as classes, or choose a label that holds numbers.`,
    );
  });

  it('a binary file is told in plain words, its hint once', async () => {
    const r = await runCli(['train', '--csv', `${CSV}/binary.dat`, '--label', 'x']);
    expect(r.code).toBe(2);
    // regression: "it holds binary data (zero bytes)" is jargon
    expect(r.stderr.trim()).toBe(
      `${CSV}/binary.dat is not a text file: it was saved in a program's own format (like a workbook, a database or an image), not as text. ` +
        'Open it in the program that made it and save or export it as "CSV UTF-8", then open that file.',
    );
  });
});
