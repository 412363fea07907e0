// The notes the importer and the label make on their own, from real CSV files through the real importer: renamed
// header cells, rows without a label, columns left out, labels that look like an identifier or a number.
import { describe, expect, it } from 'vitest';
import { DataError, labelTask, parseCsv } from '../../../workers/data';
import { importNotes, type DataNote } from '../../../workers/data/notes';
import { loadDataset } from '../../../main/services/datasets';
import { bytesOf, fixture } from './helpers';

const read = (name: string) => parseCsv(fixture(name), name);
const codes = (notes: readonly DataNote[] | undefined) => (notes ?? []).map((n) => n.code);

describe('notes on import', () => {
  it('names the header cells that were renamed and the name each column got', () => {
    const data = read('renamed-headers.csv');
    expect(data.columns.map((c) => c.name)).toEqual(['a', 'column 2', 'a (2)', 'b', 'smoker']);
    // regression: an empty or repeated header cell was renamed without a word
    const notes = importNotes(data);
    expect(notes.map((n) => [n.code, n.column])).toEqual([['renamed_column', 'column 2'], ['renamed_column', 'a (2)']]);
    expect(notes[0].message).toBe('Column 2 of renamed-headers.csv has no name in the header row, so it is called "column 2" here.');
    expect(notes[1].message).toBe('Column 3 of renamed-headers.csv is named "a" in the header row, like column 1, so it is called "a (2)" here.');
    expect(notes[0].cli).toContain('--features or --label');
    expect(notes[0].app).toContain('import it again');
  });

  it('says nothing about names for a file whose header names every column once, or that has no header', () => {
    expect(importNotes(read('string-labels.csv'))).toEqual([]);
    expect(importNotes(parseCsv(bytesOf('1,2\n3,4\n'), 'plain.csv'))).toEqual([]);
  });

  it('lists the rows left out by "skip bad rows"', () => {
    const data = parseCsv(fixture('ragged.csv'), 'ragged.csv', { skipBadRows: true });
    const [note] = importNotes(data);
    expect(note.code).toBe('skipped_rows');
    expect(note.message).toBe('3 rows of ragged.csv were left out because they do not have 9 values like the header: file rows 31, 57, 79.');
  });

  it('carries the notes in the dataset summary the app and the browser get', async () => {
    const loaded = await loadDataset(fixture('renamed-headers.csv'), 'renamed-headers.csv', null, { header: 'auto' });
    expect(codes(loaded.summary.notes)).toEqual(['renamed_column', 'renamed_column']);
    expect(codes(loaded.describe.labelTask?.notes)).toEqual(['missing_labels']);
  });
});

describe('rows without a label', () => {
  it('says how many rows are left out, which file rows, and what to do', () => {
    // regression: 20 rows became 13 training rows without a word
    const { notes, missingLabels } = labelTask(read('renamed-headers.csv'), 'smoker');
    expect(missingLabels).toBe(7);
    expect(notes).toHaveLength(1);
    expect(notes![0].message).toBe(
      '7 rows of the 20 in renamed-headers.csv have no value in the label smoker (file rows 2, 5, 8, 11, 14, ...), so they are left out of training and testing.',
    );
    expect(notes![0].cli).toBe('Fill in smoker in those rows to use them, or predict another column with --label.');
  });
});

describe('columns left out on their own', () => {
  it('says which columns were left out and why, when none is left to learn from', async () => {
    const loaded = await loadDataset(fixture('left-out-columns.csv'), 'left-out-columns.csv', null, { header: 'auto' });
    expect(loaded.describe.roles.label).toBe('y');
    expect(loaded.describe.roles.features).toEqual([]);
    // regression: "There is no column besides the label" hid that three columns had been left out automatically
    const note = loaded.summary.notes.find((n) => n.code === 'no_inputs');
    expect(note?.message).toBe(
      'No column of left-out-columns.csv besides the label y can be used as an input on its own. ' +
        '"zero": it has the same value in every row (0), so it cannot tell rows apart; ' +
        '"note": it holds free text, different on almost every row; ' +
        '"formula": it holds spreadsheet formulas (such as "=A10+1") rather than their results, different on almost every row.',
    );
    expect(note?.cli).toBe('To use some anyway, name them with --features, e.g. --features zero,note,formula.');
    expect(note?.app).toBe('To use one anyway, set its role to Feature on its card below.');
  });
});

describe('labels that cannot be learnt as they are', () => {
  it('a different code on every row looks like an identifier', () => {
    const task = labelTask(read('id-label.csv'), 'code');
    expect(task.task).toBe('multiclass');
    // regression: 60 codes (or 1,000) were trained as classes to 1 % accuracy without a word
    expect(codes(task.notes)).toEqual(['label_like_id']);
    expect(task.notes![0].message).toContain('looks like an identifier: a different value on almost every row (60 values in 60 rows, such as "P001", "P002", "P003")');
    expect(task.notes![0].cli).toBe('Predict another column with --label.');
  });

  it('a record number as a label is named as one, though it is numbers', () => {
    const lines = ['PatientID,age', ...Array.from({ length: 30 }, (_, i) => `${1000 + i * 7},${20 + (i % 9)}`)];
    const few = labelTask(parseCsv(bytesOf(lines.join('\n')), 'p.csv'), 'PatientID');
    expect(few.task).toBe('multiclass'); // 30 whole numbers: read as classes, but named as a record number, not offered as regression
    expect(codes(few.notes)).toEqual(['label_like_id']);
    const many = [...lines, ...Array.from({ length: 60 }, (_, i) => `${2000 + i * 3},${20 + (i % 9)}`)];
    const task = labelTask(parseCsv(bytesOf(many.join('\n')), 'p.csv'), 'PatientID');
    expect(task.task).toBe('regression');
    expect(task.notes![0].message).toBe(
      'The label PatientID of p.csv looks like a record number: a different whole number on every row (90 values in 90 rows). A model cannot learn to predict it from the other columns.',
    );
  });

  it('numbers written as text ("10,0") are named as numbers, with how to write them', () => {
    const task = labelTask(read('number-text-label.csv'), 'price');
    expect(task.task).toBe('multiclass');
    expect(codes(task.notes)).toEqual(['label_like_number']);
    expect(task.notes![0].message).toContain('holds numbers written as text (such as "10,0", "11,3", "12,6")');
    expect(task.notes![0].cli).toContain('a dot as the decimal mark');
  });

  it('many whole numbers read as classes: regression is offered, and taken when chosen', () => {
    const data = read('whole-number-label.csv');
    const auto = labelTask(data, 'score');
    expect(auto.task).toBe('multiclass');
    expect(auto.classes).toHaveLength(20);
    const [offer] = auto.notes!;
    expect(offer.code).toBe('label_few_numbers');
    expect(offer.message).toBe(
      'The label score of whole-number-label.csv holds 20 different whole numbers (from 1 to 20), so it is read as 20 classes: the model learns to pick one of them, and a near miss counts as wrong.',
    );
    expect(offer.cli).toBe('To predict it as a number (regression) instead, add --task regression.');
    expect(offer.action).toEqual({ do: 'predict_as_number', button: 'Predict it as a number' });
    expect(offer.app).toContain(`"${offer.action!.button}"`);

    const chosen = labelTask(data, 'score', 'regression');
    expect(chosen.task).toBe('regression');
    expect(chosen.classes).toBeUndefined();
    expect(codes(chosen.notes)).toEqual(['regression_chosen']);
    expect(chosen.notes![0].action?.do).toBe('predict_as_classes');
  });

  it('a few classes, or a real quantity, need no note', () => {
    expect(labelTask(read('string-labels.csv'), 'species').notes).toBeUndefined();
    const amounts = parseCsv(bytesOf(['x,price', ...Array.from({ length: 60 }, (_, i) => `${i},${(i * 1.37).toFixed(2)}`)].join('\n')), 'p.csv');
    expect(labelTask(amounts, 'price').notes).toBeUndefined();
  });

  it('a text label cannot be predicted as a number: a DataError says so', () => {
    let error: unknown;
    try {
      labelTask(read('id-label.csv'), 'code', 'regression');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).toBe('The label code of id-label.csv holds text, not numbers, so it cannot be predicted as a number. Predict it as classes, or choose a label that holds numbers.');
  });
});
