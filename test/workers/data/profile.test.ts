// Column profiles: the Pima profile pinned against pandas' describe(), and each kind and warning on a small table.
import { describe, expect, it } from 'vitest';
import { parseCsv, profileDataset, type ColumnProfile } from '../../../workers/data';
import { nameLooksLikeId } from '../../../workers/data/profile';
import { bytesOf, datasetFile, fixture } from './helpers';

const pima = profileDataset(parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv'));
const byName = (profiles: ColumnProfile[], name: string) => profiles.find((p) => p.name === name)!;
const codes = (p: ColumnProfile) => p.warnings.map((w) => w.code);

describe('the Pima profile', () => {
  it('has 9 numeric columns of 768 values, none missing', () => {
    expect(pima.map((p) => p.kind)).toEqual(Array(9).fill('numeric'));
    for (const p of pima) expect([p.count, p.missing, p.missingShare]).toEqual([768, 0, 0]);
  });

  // pandas: pd.read_csv('diabetes.csv').describe() (std with n - 1), and (df == 0).sum(), df.nunique()
  const golden: Record<string, [min: number, max: number, mean: number, std: number, zeros: number, distinct: number]> = {
    Pregnancies: [0, 17, 3.845052, 3.369578, 111, 17],
    Glucose: [0, 199, 120.894531, 31.972618, 5, 136],
    BloodPressure: [0, 122, 69.105469, 19.355807, 35, 47],
    SkinThickness: [0, 99, 20.536458, 15.952218, 227, 51],
    Insulin: [0, 846, 79.799479, 115.244002, 374, 186],
    BMI: [0, 67.1, 31.992578, 7.88416, 11, 248],
    DiabetesPedigreeFunction: [0.078, 2.42, 0.471876, 0.331329, 0, 517],
    Age: [21, 81, 33.240885, 11.760232, 0, 52],
    Outcome: [0, 1, 0.348958, 0.476951, 500, 2],
  };
  it.each(Object.entries(golden))('%s: min, max, mean, std, zeros, distinct', (name, [min, max, mean, std, zeros, distinct]) => {
    const p = byName(pima, name);
    expect(p.min).toBe(min);
    expect(p.max).toBe(max);
    expect(p.mean).toBeCloseTo(mean, 5);
    expect(p.std).toBeCloseTo(std, 5);
    expect(p.zeros).toBe(zeros);
    expect(p.distinct).toBe(distinct);
  });

  it('flags zeros that look missing in Glucose, BloodPressure, SkinThickness, Insulin and BMI, and nowhere else', () => {
    const flagged = pima.filter((p) => codes(p).includes('zeros_look_missing')).map((p) => p.name);
    expect(flagged).toEqual(['Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI']);
    expect(codes(byName(pima, 'Pregnancies'))).toEqual([]); // 0 pregnancies is real
    expect(codes(byName(pima, 'Outcome'))).toEqual([]);
  });

  it('says it in plain words, with the counts, and offers the fix', () => {
    const insulin = byName(pima, 'Insulin').warnings[0];
    expect(insulin.message).toBe('0 most likely means "not measured" here: Insulin is 0 in 374 rows (49 %), but its other values start at 14.');
    expect(insulin.fix).toBe('Treat 0 as missing');
    expect(byName(pima, 'SkinThickness').warnings[0].message).toContain('0 in 227 rows (30 %)');
  });

  // regression: a column more than half zeros was never judged (Insulin, 32 zeros in Pima's first 59 rows)
  it('judges a column more than half zeros too: Insulin in the first 59 rows of Pima', () => {
    const few = profileDataset(parseCsv(fixture('pima-59-rows.csv'), 'pima-59-rows.csv'));
    const insulin = byName(few, 'Insulin');
    expect([insulin.zeros, insulin.count]).toEqual([32, 59]);
    expect(insulin.warnings.map((w) => w.message)).toEqual([
      '0 most likely means "not measured" here: Insulin is 0 in 32 rows (54 %, more than half of its rows), but its other values start at 23.',
    ]);
    expect(few.filter((p) => codes(p).includes('zeros_look_missing')).map((p) => p.name)).toEqual(['BloodPressure', 'SkinThickness', 'Insulin', 'BMI']);
    expect(codes(byName(few, 'Pregnancies'))).toEqual([]);
  });

  it('has a small histogram: 12 bins covering every value', () => {
    const glucose = byName(pima, 'Glucose');
    expect(glucose.histogram.length).toBe(12);
    expect(glucose.histogram.reduce((s, b) => s + b.count, 0)).toBe(768);
    expect(glucose.histogram[0]).toMatchObject({ from: 0, count: 5 }); // the five zeros sit alone in the first bin
    expect(byName(pima, 'Outcome').histogram).toEqual([
      { label: '0', count: 500, from: 0, to: 1 },
      { label: '1', count: 268, from: 1, to: 2 },
    ]);
  });
});

describe('kinds and warnings', () => {
  const rows = 40;
  const lines = ['id,patient code,constant,comment,colour,half empty,score'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [1001 + i, `P${(i * 7919) % 10007}`, 5, `"note number ${i} about the visit"`, ['red', 'green', 'blue'][i % 3], i % 2 ? '' : i, (i * 37) % 11].join(','),
    );
  }
  const profiles = profileDataset(parseCsv(bytesOf(lines.join('\n')), 'kinds.csv'));
  it.each([
    ['id', 'id', ['id_like']],
    ['patient code', 'id', ['id_like']],
    ['constant', 'constant', ['constant']],
    ['comment', 'text', ['id_like']],
    ['colour', 'categorical', []],
    ['half empty', 'numeric', ['many_missing']],
    ['score', 'numeric', []],
  ])('%s is %s', (name, kind, warnings) => {
    const p = byName(profiles, name);
    expect(p.kind).toBe(kind);
    expect(codes(p)).toEqual(warnings);
  });

  it('distinct whole numbers in no order, not named like an id, stay numeric; named like one, they are an id', () => {
    const values = Array.from({ length: 30 }, (_, i) => 20 + ((i * 7) % 30)); // 20..49, shuffled
    const csv = ['age,PatientID', ...values.map((v) => `${v},${v * 3}`)].join('\n');
    const [age, patient] = profileDataset(parseCsv(bytesOf(csv), 'ages.csv'));
    expect(age.kind).toBe('numeric');
    expect(patient.kind).toBe('id');
  });

  // regression: the Wisconsin breast-cancer table's Id (645 values in 699 rows) was used as an input
  it('an identifier named like one that repeats a little is left out, saying why and how to use it anyway', () => {
    const table = profileDataset(parseCsv(fixture('breast-cancer-ids.csv'), 'breast-cancer-ids.csv'));
    const id = byName(table, 'Id');
    expect([id.kind, id.distinct, id.count]).toEqual(['id', 645, 699]);
    expect(id.warnings.map((w) => w.message)).toEqual([
      'Id looks like a record number or code: it is named like an identifier and has a different value on almost every row ' +
        "(645 values in 699 rows). It can't help predict anything, so it is left out of the inputs. To use it anyway, set its role to Feature.",
    ]);
    expect(table.filter((p) => p.kind !== 'numeric').map((p) => p.name)).toEqual(['Id', 'Class']);
  });

  it.each([
    ['id', true], ['ID', true], ['Id', true], ['No', true], ['no.', true], ['patient', true], ['patient_id', true], ['PatientID', true],
    ['record', true], ['Record No', true], ['Sample code number', true],
    ['width', false], ['notes', false], ['Glucose', false], ['periods', false], ['noise', false], ['Recorded', false],
  ])('the name %s looks like an identifier: %s', (name, expected) => {
    expect(nameLooksLikeId(name)).toBe(expected);
  });

  it('whole numbers different on nearly every row need an identifier\'s name: a measurement stays one, a patient number is left out', () => {
    const values = Array.from({ length: 40 }, (_, i) => 60 + ((i * 13) % 37) + (i % 5 === 0 ? 0 : 40)); // 36 of 40 differ
    const patients = Array.from({ length: 40 }, (_, i) => 5000 + ((i * 17) % 37)); // 37 of 40 differ: three came twice
    const csv = ['Glucose,patient', ...values.map((v, i) => `${v},${patients[i]}`)].join('\n');
    const [glucose, patient] = profileDataset(parseCsv(bytesOf(csv), 'visits.csv'));
    expect(glucose.distinct / glucose.count).toBeGreaterThanOrEqual(0.9);
    expect(glucose.kind).toBe('numeric');
    expect([patient.distinct, patient.count]).toEqual([37, 40]);
    expect(patient.kind).toBe('id');
  });

  it('counts categories, most frequent first', () => {
    const colour = byName(profiles, 'colour');
    expect(colour.categories).toEqual([{ value: 'red', count: 14 }, { value: 'blue', count: 13 }, { value: 'green', count: 13 }]);
    expect(colour.distinct).toBe(3);
  });

  it('explains a constant and a mostly-missing column in words', () => {
    expect(byName(profiles, 'constant').warnings[0].message).toBe(
      'constant has the same value (5) in every row that has one, so it can\'t help tell rows apart. It is not used as an input.',
    );
    const half = byName(profiles, 'half empty');
    expect(half.missing).toBe(20);
    expect(half.missingShare).toBe(0.5);
    expect(half.warnings[0].message).toContain('missing in 20 of 40 rows (50 %)');
  });

  it('reports non-numeric entries of a numeric column with their rows and offers to treat them as missing', () => {
    const glucose = profileDataset(parseCsv(fixture('non-numeric-entries.csv'), 'non-numeric-entries.csv'))[0];
    expect(glucose.kind).toBe('numeric');
    expect(glucose.count).toBe(18);
    expect(glucose.missing).toBe(0);
    const warning = glucose.warnings.find((w) => w.code === 'non_numeric_entries')!;
    expect(warning.message).toContain('2 entries are not a number: "high" (row 4), "see notes" (row 12)');
    expect(warning.fix).toBe('Treat them as missing');
  });

  it('groups the rare categories of a many-valued column into one "other" bar', () => {
    const text = ['city', ...Array.from({ length: 200 }, (_, i) => `c${i % 30}`)].join('\n');
    const city = profileDataset(parseCsv(bytesOf(text), 'cities.csv'))[0];
    expect(city.kind).toBe('categorical');
    expect(city.histogram.length).toBe(12);
    expect(city.histogram[11]).toEqual({ label: 'other (19 values)', count: 200 - 11 * 7 });
  });
});
