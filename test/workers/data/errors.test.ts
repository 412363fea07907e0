// Bad input (issue 3 §4): each case has a fixture, and the message names file, row, column and what to do.
import { describe, expect, it } from 'vitest';
import { DataError, findColumn, fitPreparation, labelTask, parseCsv, startingPlanFor, suggestRoles } from '../../../workers/data';
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

  // Regression: a file of only a quote, of "" or of separators crashed with "Cannot read properties of undefined (reading 'length')".
  it('a lone quote, empty quotes or only separators: said in words', () => {
    const lone = failure(() => parseCsv(bytesOf('"'), 'quote.csv'));
    expect([lone.code, lone.row]).toEqual(['unclosed_quote', 1]);
    for (const text of ['""', ',', ',,,\n,,,\n', ' ; ;\n']) {
      const e = failure(() => parseCsv(bytesOf(text), 'separators.csv'));
      expect(e.code).toBe('empty_file');
      expect(e.message).toBe('separators.csv holds no values: only separators, quotes or spaces. Choose a CSV file with a header row and rows of data.');
    }
  });

  // Regression: a 20 MB line without a line break came back as a 20 MB message.
  it('a header too long to repeat is quoted by its start and its length', () => {
    const e = failure(() => parseCsv(bytesOf('x'.repeat(20_000_000)), 'one-line.csv'));
    expect(e.code).toBe('header_only');
    expect(e.message).toBe('one-line.csv has a header row (xxxxxxxxxxxxxxxxxxxx… (20000000 characters)) but no rows of data below it. Add rows of data, or choose another file.');
  });

  it('a quote that is never closed', () => {
    const e = failure(read('unclosed-quote.csv'));
    expect(e.code).toBe('unclosed_quote');
    expect(e.row).toBe(2);
  });
});

// Regression: 1e309 or a 400-digit number became Infinity and ended in "Cannot read properties of undefined (reading 'count')".
describe('numbers too big to calculate with', () => {
  const tooBig = (text: string, name = 'big.csv') => failure(() => parseCsv(bytesOf(text), name));
  const limit = 'a number too big to calculate with (the limit is 1 followed by 150 zeros).';

  it('in a feature: names the file, row, column and value, and says what to do', () => {
    const e = tooBig('a,b,y\n1,2,0\n1e309,3,1\n2,4,0\n');
    expect(e.code).toBe('number_too_big');
    expect(e.row).toBe(3);
    expect(e.column).toBe('a');
    expect(e.message).toBe(`Row 3 of big.csv, column a, holds 1e309: ${limit} Correct the value, or empty the cell if it is not known, then open the file again.`);
  });

  it('in the label, negative, and in a file with quotes (the other reader)', () => {
    expect(tooBig('a,y\n1,0\n2,-1e309\n').message).toContain('Row 3 of big.csv, column y, holds -1e309: a number too big');
    const quoted = tooBig('"a","y"\n"1",0\n2,"1e400"\n');
    expect([quoted.code, quoted.row, quoted.column]).toEqual(['number_too_big', 3, 'y']);
  });

  it('a 400-digit number is shown by its first digits and its length; further cells are counted', () => {
    const digits = `1${'0'.repeat(399)}`;
    const e = tooBig(`a;b;y\n1,5;${digits};0\n2;1e999;1\n3;4;1e99999999999\n4;5;-1e309\n5;6;1e310\n`);
    expect(e.message).toContain(`Row 2 of big.csv, column b, holds 10000000000000000000… (400 characters): a number too big`);
    expect(e.message).toContain('4 more cells are like it: row 3, column b; row 4, column y, and 2 more.');
    expect(e.hint).toBe('Correct these values, or empty the cells if they are not known, then open the file again.');
  });

  // Regression: 1.7e308 and -1.7e308 are finite, but their difference is not: the histogram crashed the same way.
  it('finite numbers whose arithmetic overflows are too big as well', () => {
    const e = tooBig('a,y\n1.7e308,0\n-1.7e308,1\n');
    expect([e.code, e.row, e.column]).toEqual(['number_too_big', 2, 'a']);
    expect(e.message).toContain('1 more cell is like it: row 3, column a.');
  });

  it('numbers up to the limit, and ones too small to tell from 0, are read as they are', () => {
    const d = parseCsv(bytesOf('a,y\n1e150,0\n-1e-400,1\n-1e150,1\n'), 'edge.csv');
    expect(Array.from(d.columns[0].numbers!)).toEqual([1e150, -0, -1e150]);
  });
});

// Regression: a 12 MB file of one million columns took 2 GB and 40 s before it was refused for something else.
describe('a table wider than a spreadsheet', () => {
  const table = (columns: number) => {
    const row = (value: string) => Array.from({ length: columns }, (_, i) => `${value}${i}`).join(',');
    return bytesOf(`${row('c')}\n${row('')}\n${row('')}\n`);
  };

  it('is refused at row 1 with the count and what to do', () => {
    const e = failure(() => parseCsv(table(16_385), 'wide.csv'));
    expect(e.code).toBe('too_many_columns');
    expect(e.row).toBe(1);
    expect(e.message).toBe(
      'Row 1 of wide.csv has 16385 values, so the table would have 16385 columns; Neuron Studio reads tables of up to 16384 ' +
        'columns, as many as a spreadsheet holds. Keep the columns you need (delete the others in a spreadsheet), save it as CSV, then open that file.',
    );
  });

  it('as wide as a spreadsheet is read', () => {
    expect(parseCsv(table(16_384), 'wide.csv').columns).toHaveLength(16_384);
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
    // the starting plan is a draft without features (training says what is missing); the roles say why
    expect(startingPlanFor(d).features).toEqual([]);
    const reasons = suggestRoles(d).notUsed.map((n) => `${n.name}: ${n.reason}`).join(' ');
    expect(reasons).toContain('record: It looks like a record number');
    expect(reasons).toContain('country: It has the same value in every row');
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
