// Reading: every case of issue 3 §1 on a fixture file, the two Pima files, and generated wide and long files.
import { describe, expect, it } from 'vitest';
import { cellText, cellValue, fileRow, parseCsv, type Dataset } from '../../../workers/data';
import { parseNumberBytes, parseNumberText } from '../../../workers/data/cells';
import { bytesOf, datasetFile, fixture } from './helpers';

function table(d: Dataset): (string | null)[][] {
  const rows: (string | null)[][] = [];
  for (let r = 0; r < d.rowCount; r++) rows.push(d.columns.map((_, c) => cellText(d, r, c)));
  return rows;
}

const names = (d: Dataset) => d.columns.map((c) => c.name);

describe('parseCsv: the Pima files', () => {
  const withHeader = parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv');
  const headerless = parseCsv(datasetFile('pima-indians-diabetes.csv'), 'pima-indians-diabetes.csv');

  it('reads diabetes.csv: 768 rows, header detected, 9 numeric columns', () => {
    expect(withHeader.rowCount).toBe(768);
    expect(withHeader.hasHeader).toBe(true);
    expect(withHeader.delimiter).toBe(',');
    expect(names(withHeader)).toEqual([
      'Pregnancies', 'Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI', 'DiabetesPedigreeFunction', 'Age', 'Outcome',
    ]);
    expect(withHeader.columns.every((c) => c.numbers instanceof Float64Array && c.numbers.buffer instanceof SharedArrayBuffer)).toBe(true);
    // first and last rows of the file, by hand
    expect(Array.from({ length: 9 }, (_, c) => cellValue(withHeader, 0, c))).toEqual([6, 148, 72, 35, 0, 33.6, 0.627, 50, 1]);
    expect(Array.from({ length: 9 }, (_, c) => cellValue(withHeader, 767, c))).toEqual([1, 93, 70, 31, 0, 30.4, 0.315, 23, 0]);
  });

  it('reads the headerless file with columns "column 1".."column 9" and exactly the same numbers', () => {
    expect(headerless.hasHeader).toBe(false);
    expect(headerless.rowCount).toBe(768);
    expect(names(headerless)).toEqual(Array.from({ length: 9 }, (_, i) => `column ${i + 1}`));
    for (let c = 0; c < 9; c++) expect(Array.from(headerless.columns[c].numbers!)).toEqual(Array.from(withHeader.columns[c].numbers!));
  });

  it('numbers rows as a person sees the file: header = row 1, first data row = row 2 (row 1 without a header)', () => {
    expect(fileRow(withHeader, 0)).toBe(2);
    expect(fileRow(headerless, 0)).toBe(1);
    expect(withHeader.lines).toBeUndefined();
  });

  it('is structured-cloneable and shares the numbers (no copy) with whoever receives it', () => {
    const copy = structuredClone(withHeader);
    copy.columns[1].numbers![0] = 999;
    expect(withHeader.columns[1].numbers![0]).toBe(999);
    withHeader.columns[1].numbers![0] = 148;
  });
});

describe('parseCsv: reading cases', () => {
  it('detects ; with decimal commas', () => {
    const d = parseCsv(fixture('semicolon-decimal-comma.csv'), 'semicolon-decimal-comma.csv');
    expect(d.delimiter).toBe(';');
    expect(d.decimalComma).toBe(true);
    expect(names(d)).toEqual(['Name', 'Weight', 'Height', 'Smoker']);
    expect(Array.from(d.columns[1].numbers!)).toEqual([61.5, 82, 70.25, 95]);
    expect(Array.from(d.columns[2].numbers!)).toEqual([1.68, 1.8, 1.72, 1.91]);
    expect(table(d).map((r) => r[3])).toEqual(['no', 'yes', 'no', 'yes']);
  });

  it('detects tab, even with a comma inside a header name', () => {
    const d = parseCsv(fixture('tab-separated.tsv'), 'tab-separated.tsv');
    expect(d.delimiter).toBe('\t');
    expect(names(d)).toEqual(['city', 'temperature', 'rain, mm']);
    expect(table(d)).toEqual([['Oslo', '4.5', '12'], ['Rome', '18.25', '3'], ['Cairo', '30', '0']]);
  });

  it('detects |', () => {
    const d = parseCsv(fixture('pipe-separated.csv'), 'pipe-separated.csv');
    expect(d.delimiter).toBe('|');
    expect(table(d)).toEqual([['1', '2', 'x'], ['3', '4', 'y'], ['5', '6', 'x']]);
  });

  it('reads quoted fields with delimiters, doubled quotes and line breaks inside; rows keep their file line', () => {
    const d = parseCsv(fixture('quoted-fields.csv'), 'quoted-fields.csv');
    expect(table(d).map((r) => r[1])).toEqual(['plain', 'with, comma', 'she said "hi"', 'two\nlines', 'semi; colon']);
    expect(Array.from(d.columns[2].numbers!)).toEqual([10, 20, 30, 40, 50]);
    // row 4's cell spans file lines 5 and 6, so the fifth record starts on line 7
    expect([0, 1, 2, 3, 4].map((r) => fileRow(d, r))).toEqual([2, 3, 4, 5, 7]);
  });

  it('reads CRLF line endings without stray \\r in the last column', () => {
    const d = parseCsv(fixture('crlf.csv'), 'crlf.csv');
    expect(table(d)).toEqual([['1', '2', 'a'], ['3', '4', 'b'], ['5', '6', 'a']]);
    expect(d.columns[2].categories).toEqual(['a', 'b']);
  });

  it('reads CRLF with quotes too (the papaparse path)', () => {
    const d = parseCsv(bytesOf('x,"y"\r\n1,"a b"\r\n2,"c"\r\n'), 'q.csv');
    expect(names(d)).toEqual(['x', 'y']);
    expect(table(d)).toEqual([['1', 'a b'], ['2', 'c']]);
  });

  it('drops a UTF-8 byte-order mark from the first header name', () => {
    const d = parseCsv(fixture('bom.csv'), 'bom.csv');
    expect(names(d)).toEqual(['Age', 'Score']);
    expect(Array.from(d.columns[0].numbers!)).toEqual([30, 40]);
  });

  it('skips blank lines (also whitespace-only) and keeps each row\'s file line', () => {
    const d = parseCsv(fixture('blank-lines.csv'), 'blank-lines.csv');
    expect(names(d)).toEqual(['x', 'y']);
    expect(table(d)).toEqual([['1', '2'], ['3', '4'], ['5', '6']]);
    expect([0, 1, 2].map((r) => fileRow(d, r))).toEqual([3, 5, 7]);
  });

  it('ignores a trailing delimiter on every line', () => {
    const d = parseCsv(fixture('trailing-delimiter.csv'), 'trailing-delimiter.csv');
    expect(names(d)).toEqual(['x', 'y', 'z']);
    expect(table(d)).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9']]);
  });

  it('accepts a trailing delimiter on data rows only', () => {
    const d = parseCsv(bytesOf('x,y\n1,2,\n3,4\n'), 't.csv');
    expect(table(d)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('reads every missing marker (empty, NA, N/A, NaN, null, ?, -) in any case as missing', () => {
    const d = parseCsv(fixture('missing-markers.csv'), 'missing-markers.csv');
    expect(d.rowCount).toBe(9);
    expect(table(d).map((r) => r[0])).toEqual(['1', null, null, null, null, null, null, null, '7']);
    expect(table(d).map((r) => r[1])).toEqual(['x', 'x', null, null, null, null, null, null, 'y']);
    expect(Number.isNaN(d.columns[0].numbers![3])).toBe(true);
    expect(d.columns[1].codes![3]).toBe(-1);
    expect(d.columns[1].categories).toEqual(['x', 'y']);
  });

  it('keeps a numeric column numeric with its few text entries counted, with file rows', () => {
    const d = parseCsv(fixture('non-numeric-entries.csv'), 'non-numeric-entries.csv');
    const glucose = d.columns[0];
    expect(glucose.numbers).toBeInstanceOf(Float64Array);
    expect(glucose.nonNumeric).toEqual({ count: 2, examples: [{ row: 4, value: 'high' }, { row: 12, value: 'see notes' }] });
    expect(Number.isNaN(glucose.numbers![2])).toBe(true);
    expect(cellText(d, 2, 0)).toBe('high'); // the table still shows what the file says
    expect(cellValue(d, 0, 0)).toBe(148);
  });

  it('reads UTF-8 text (accents, CJK) as categories', () => {
    const d = parseCsv(fixture('unicode-text.csv'), 'unicode-text.csv');
    expect(table(d).map((r) => r[0])).toEqual(['Zoë', 'José', '李', 'Zoë']);
    expect(d.columns[1].categories).toEqual(['Zürich', 'São Paulo', '北京']);
  });

  it('turns a mostly-text column into categories, numbers included as their text', () => {
    const d = parseCsv(bytesOf('grade\nA\nB\n3\nA\nC\n'), 'g.csv');
    expect(d.columns[0].numbers).toBeUndefined();
    expect(table(d).map((r) => r[0])).toEqual(['A', 'B', '3', 'A', 'C']);
  });

  it('names duplicate and empty header cells so every column has its own name', () => {
    const d = parseCsv(bytesOf('a,a,,b\n1,2,3,4\n'), 'd.csv');
    expect(names(d)).toEqual(['a', 'a (2)', 'column 3', 'b']);
  });

  it('follows header and delimiter options over detection', () => {
    const asData = parseCsv(bytesOf('x,y\n1,2\n'), 'h.csv', { header: false });
    expect(asData.rowCount).toBe(2);
    expect(table(asData)[0]).toEqual(['x', 'y']);
    const forced = parseCsv(bytesOf('1,2\n3,4\n'), 'h.csv', { header: true });
    expect(names(forced)).toEqual(['1', '2']);
    const oneColumn = parseCsv(bytesOf('a;b\n1;2\n'), 'h.csv', { delimiter: ',' });
    expect(names(oneColumn)).toEqual(['a;b']);
  });

  it('reads a headerless all-text file as data when row-1 values come back below', () => {
    const d = parseCsv(bytesOf('yes,no\nno,yes\nyes,yes\n'), 'yn.csv');
    expect(d.hasHeader).toBe(false);
    expect(d.rowCount).toBe(3);
  });

  it('reads old Mac line endings (\\r only)', () => {
    const d = parseCsv(bytesOf('a,b\r1,2\r3,4\r'), 'mac.csv');
    expect(table(d)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('reads a file without a final line break', () => {
    expect(table(parseCsv(bytesOf('a,b\n1,2\n3,4'), 'n.csv'))).toEqual([['1', '2'], ['3', '4']]);
  });
});

describe('parseCsv: big files are read, not refused', () => {
  it('reads a generated file of 1,500 columns', () => {
    const width = 1500;
    const header = Array.from({ length: width }, (_, j) => `f${j}`).join(',');
    const rows = Array.from({ length: 30 }, (_, i) => Array.from({ length: width }, (_, j) => (i * j) % 97).join(','));
    const d = parseCsv(bytesOf([header, ...rows].join('\n')), 'wide.csv');
    expect(d.columns.length).toBe(width);
    expect(d.rowCount).toBe(30);
    expect(d.columns[1499].numbers![29]).toBe((29 * 1499) % 97);
    expect(d.columns[1499].name).toBe('f1499');
  });

  it('reads a generated file of 200,000 rows (plain and quoted)', () => {
    const lines = ['id,value,group'];
    for (let i = 0; i < 200_000; i++) lines.push(`${i},${(i % 1000) / 8},${i % 3 === 0 ? 'a' : 'b'}`);
    const plain = parseCsv(bytesOf(lines.join('\n')), 'long.csv');
    expect(plain.rowCount).toBe(200_000);
    expect(plain.columns[1].numbers![199_999]).toBe(999 / 8);
    const quoted = parseCsv(bytesOf(lines.join('\n').replace(/,a$/gm, ',"a"')), 'long-quoted.csv');
    expect(quoted.rowCount).toBe(200_000);
    expect(Array.from(quoted.columns[2].codes!.subarray(0, 4))).toEqual(Array.from(plain.columns[2].codes!.subarray(0, 4)));
    expect(cellText(quoted, 199_998, 2)).toBe('a');
  });
});

describe('numbers: the byte reader and the text reader agree with Number()', () => {
  const cases = ['0', '-0', '12', '+7', '3.25', '.5', '5.', '-0.627', '1e3', '2.5E-4', '123456789012345678', '0.1', '9007199254740993',
    '1e-30', '4.9e-324', '00012', '33.6', '0.000001'];
  it.each(cases)('%s', (text) => {
    const bytes = bytesOf(text);
    expect(Object.is(parseNumberBytes(bytes, 0, bytes.length, false), Number(text))).toBe(true);
    expect(Object.is(parseNumberText(text, false), Number(text))).toBe(true);
  });
  it('refuses what is not a number by the grammar', () => {
    for (const text of ['', '-', '.', 'e5', '1e', '1.2.3', '0x10', 'Infinity', '1,5', '12a', '1 2']) {
      const bytes = bytesOf(text);
      expect(Number.isNaN(parseNumberBytes(bytes, 0, bytes.length, false))).toBe(true);
      expect(Number.isNaN(parseNumberText(text, false))).toBe(true);
    }
  });
  it('reads a decimal comma only when asked', () => {
    const bytes = bytesOf('-1,25');
    expect(parseNumberBytes(bytes, 0, bytes.length, true)).toBe(-1.25);
    expect(parseNumberText('-1,25', true)).toBe(-1.25);
  });
});
