// Bad input (issue 3 §4): each case has a fixture, and the message names file, row, column and what to do.
import { describe, expect, it } from 'vitest';
import { DataError, findColumn, fitPreparation, labelTask, parseCsv, suggestPlan } from '../../../workers/data';
import { TrainingPlanSchema } from '../../../workers/plan';
import { bytesOf, datasetFile, fixture } from './helpers';

function failure(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error('expected a DataError');
}

const read = (name: string, options = {}) => () => parseCsv(fixture(name), name, options);

describe('bad files', () => {
  it('empty file', () => {
    const e = failure(read('empty.csv'));
    expect(e.code).toBe('empty_file');
    expect(e.message).toBe('empty.csv is empty: it has no rows at all. Choose a CSV file with a header row and rows of data.');
    expect(e.file).toBe('empty.csv');
  });

  it('a file of blank lines is empty too', () => {
    const e = failure(read('blank-only.csv'));
    expect(e.code).toBe('empty_file');
    expect(e.message).toContain('only blank lines');
  });

  it('header only', () => {
    const e = failure(read('header-only.csv'));
    expect(e.code).toBe('header_only');
    expect(e.row).toBe(1);
    expect(e.message).toBe('header-only.csv has a header row (Pregnancies, Glucose, Outcome) but no rows of data below it. Add rows of data, or choose another file.');
  });

  it('rows with too many and too few values: the first rows, their counts, and the total', () => {
    const e = failure(read('ragged.csv'));
    expect(e.code).toBe('ragged_rows');
    expect(e.row).toBe(31);
    expect(e.message).toBe(
      "3 rows of ragged.csv do not have 9 values as the header does: row 31 has 11, row 57 has 10, row 79 has 8. Fix the file or choose 'skip bad rows'.",
    );
    expect(e.hint).toBe("Fix the file or choose 'skip bad rows'.");
  });

  it('one ragged row is said in one sentence', () => {
    const e = failure(() => parseCsv(bytesOf('a,b,c\n1,2,3\n4,5,6,7\n'), 'broken.csv'));
    expect(e.message).toBe("Row 3 of broken.csv has 4 values but the header has 3. Fix the file or choose 'skip bad rows'.");
  });

  it('skip bad rows: reads the rest and reports how many were left out, and where', () => {
    const d = parseCsv(fixture('ragged.csv'), 'ragged.csv', { skipBadRows: true });
    expect(d.rowCount).toBe(79 - 3);
    expect(d.skippedRows).toEqual({ count: 3, rows: [31, 57, 79] });
    // rows after a skipped one keep their own file row
    expect(d.lines![30]).toBe(33);
  });

  it('binary file', () => {
    const e = failure(read('binary.dat'));
    expect(e.code).toBe('binary_file');
    expect(e.message).toContain('binary.dat is not a text file');
  });

  it('an Excel workbook is named as such', () => {
    const e = failure(read('workbook.xlsx'));
    expect(e.code).toBe('binary_file');
    expect(e.message).toContain('Excel workbook (.xlsx)');
    expect(e.hint).toContain('CSV UTF-8');
  });

  it('Windows-1252 / Latin-1: says so, with row, column and the character', () => {
    const e = failure(read('windows-1252.csv'));
    expect(e.code).toBe('not_utf8');
    expect(e.row).toBe(3);
    expect(e.column).toBe('name');
    expect(e.message).toContain('windows-1252.csv is not UTF-8 text: row 3, column name, has the byte 0xE9, which is "é" in Windows-1252.');
    expect(e.message).toContain('Windows-1252 or Latin-1 (ISO-8859-1)');
  });

  it('curly quotes (0x93, 0x94) point to Windows-1252 specifically', () => {
    const e = failure(read('windows-1252-quotes.csv'));
    expect(e.message).toContain('“');
    expect(e.message).toContain('saved as Windows-1252 (Western European)');
    expect(e.column).toBe('note');
  });

  it('UTF-16 with a byte-order mark, and without one', () => {
    for (const name of ['utf16.csv', 'utf16-no-bom.csv']) {
      const e = failure(read(name));
      expect(e.code).toBe('not_utf8');
      expect(e.message).toContain('UTF-16 text (little-endian), not UTF-8');
    }
  });

  it('a quote that is never closed', () => {
    const e = failure(read('unclosed-quote.csv'));
    expect(e.code).toBe('unclosed_quote');
    expect(e.row).toBe(2);
  });
});

describe('bad choices', () => {
  it('a label with a single class', () => {
    const d = parseCsv(fixture('single-class.csv'), 'single-class.csv');
    const e = failure(() => labelTask(d, 'result'));
    expect(e.code).toBe('single_class');
    expect(e.column).toBe('result');
    expect(e.message).toBe(
      'The label column result of single-class.csv has only one value ("ok") in all its 3 rows, so there is nothing to tell apart. ' +
        'Choose another column as the label, or use a file with rows of every kind.',
    );
  });

  it('no usable feature columns: a record number and a constant beside the label', () => {
    const d = parseCsv(fixture('no-features.csv'), 'no-features.csv');
    const e = failure(() => suggestPlan(d));
    expect(e.code).toBe('no_features');
    expect(e.message).toContain('There are no usable input columns in no-features.csv besides the label label');
    expect(e.message).toContain('record: It looks like a record number');
    expect(e.message).toContain('country: It has the same value in every row');
    const plan = { ...TrainingPlanSchema.parse({ features: ['label'], label: 'label' }) };
    expect(failure(() => fitPreparation(d, plan, Int32Array.from([0, 1, 2]))).code).toBe('no_features');
  });

  it('an unknown column name lists the available ones', () => {
    const d = parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv');
    const e = failure(() => findColumn(d, 'Glucos'));
    expect(e.code).toBe('unknown_column');
    expect(e.column).toBe('Glucos');
    expect(e.message).toBe(
      'diabetes.csv has no column named "Glucos". Its columns are: Pregnancies, Glucose, BloodPressure, SkinThickness, Insulin, BMI, ' +
        'DiabetesPedigreeFunction, Age, Outcome. Use one of these names.',
    );
    expect(findColumn(d, 'glucose').name).toBe('Glucose'); // a unique case-insensitive match is fine
  });

  it('a headerless file also takes a 0-based position, and says so when the name is unknown', () => {
    const d = parseCsv(datasetFile('pima-indians-diabetes.csv'), 'pima-indians-diabetes.csv');
    expect(findColumn(d, '8').name).toBe('column 9');
    expect(failure(() => findColumn(d, '9')).message).toContain('(or a position from 0 to 8)');
  });
});

describe('DataError travels as JSON', () => {
  it('toJSON / fromJSON keep every field', () => {
    const e = failure(read('ragged.csv'));
    const json = JSON.parse(JSON.stringify(e));
    expect(json).toEqual({ code: 'ragged_rows', message: e.message, file: 'ragged.csv', row: 31, hint: e.hint });
    const back = DataError.fromJSON(json);
    expect(back).toBeInstanceOf(DataError);
    expect(back.toJSON()).toEqual(json);
  });
});
