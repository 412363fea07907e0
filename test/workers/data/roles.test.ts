// Roles and the label's task: which column is the label, which are inputs, and binary / multi-class / regression.
import { describe, expect, it } from 'vitest';
import { labelTask, parseCsv, sortClasses, suggestRoles } from '../../../workers/data';
import { bytesOf, datasetFile, fixture } from './helpers';

describe('suggestRoles', () => {
  it('Pima: Outcome is the label, the 8 measurements are inputs', () => {
    const roles = suggestRoles(parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv'));
    expect(roles.label).toBe('Outcome');
    expect(roles.features).toEqual(['Pregnancies', 'Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI', 'DiabetesPedigreeFunction', 'Age']);
    expect(roles.notUsed).toEqual([]);
  });

  it('headerless: the last column is the label', () => {
    expect(suggestRoles(parseCsv(datasetFile('pima-indians-diabetes.csv'), 'p.csv')).label).toBe('column 9');
  });

  it('a column named like a label wins over the last column; record numbers and constants are not used, with reasons', () => {
    const lines = ['id,Diagnosis,age,site'];
    for (let i = 0; i < 30; i++) lines.push(`${i + 1},${i % 2 ? 'B' : 'M'},${30 + (i % 7)},north`);
    const roles = suggestRoles(parseCsv(bytesOf(lines.join('\n')), 'r.csv'));
    expect(roles.label).toBe('Diagnosis');
    expect(roles.features).toEqual(['age']);
    expect(roles.notUsed.map((n) => n.name)).toEqual(['id', 'site']);
    expect(roles.notUsed[0].reason).toContain('record number');
    expect(roles.notUsed[1].reason).toContain('same value in every row');
  });
});

describe('labelTask', () => {
  it('Pima Outcome: binary, classes "0" < "1", 268 positives', () => {
    const task = labelTask(parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv'), 'Outcome');
    expect(task).toEqual({ task: 'binary', classes: ['0', '1'], classCounts: [500, 268], missingLabels: 0 });
  });

  it('string labels: three species are multi-class, the user\'s names kept', () => {
    const task = labelTask(parseCsv(fixture('string-labels.csv'), 'string-labels.csv'), 'species');
    expect(task.task).toBe('multiclass');
    expect(task.classes).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('two text values are binary, "no" before "yes"; missing labels are counted', () => {
    const d = parseCsv(bytesOf('x,smoker\n1,yes\n2,no\n3,\n4,NA\n5,yes\n'), 's.csv');
    const { notes, ...task } = labelTask(d, 'smoker');
    expect(task).toEqual({ task: 'binary', classes: ['no', 'yes'], classCounts: [1, 2], missingLabels: 2 });
    expect(notes?.map((n) => n.code)).toEqual(['missing_labels']);
  });

  it('a few whole numbers are classes; many distinct numbers are a quantity (regression)', () => {
    const classes = parseCsv(bytesOf(['x,quality', ...Array.from({ length: 60 }, (_, i) => `${i},${3 + (i % 5)}`)].join('\n')), 'q.csv');
    expect(labelTask(classes, 'quality')).toMatchObject({ task: 'multiclass', classes: ['3', '4', '5', '6', '7'] });
    const amounts = parseCsv(bytesOf(['x,price', ...Array.from({ length: 60 }, (_, i) => `${i},${(i * 1.37).toFixed(2)}`)].join('\n')), 'p.csv');
    expect(labelTask(amounts, 'price')).toEqual({ task: 'regression', missingLabels: 0 });
    const manyWhole = parseCsv(bytesOf(['x,count', ...Array.from({ length: 80 }, (_, i) => `${i},${i * 2}`)].join('\n')), 'c.csv');
    expect(labelTask(manyWhole, 'count').task).toBe('regression');
  });

  it('sorts classes sensibly', () => {
    expect(sortClasses(['1', '0'])).toEqual(['0', '1']);
    expect(sortClasses(['yes', 'no'])).toEqual(['no', 'yes']);
    expect(sortClasses(['True', 'False'])).toEqual(['False', 'True']);
    expect(sortClasses(['pos', 'neg'])).toEqual(['neg', 'pos']);
    expect(sortClasses(['10', '9', '2'])).toEqual(['2', '9', '10']);
    expect(sortClasses(['class 10', 'class 2', 'Class 1'])).toEqual(['Class 1', 'class 2', 'class 10']);
    expect(sortClasses(['tested_positive', 'tested_negative'])).toEqual(['tested_negative', 'tested_positive']);
  });
});
