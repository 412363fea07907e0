// The CLI's option parsing: typed values, and plain UsageErrors naming the option for anything wrong.
import { describe, expect, it } from 'vitest';
import { parseLayers, parsePredictOptions, parseTrainOptions } from '../../main/cli/options';
import { UsageError } from '../../main/cli/errors';

describe('train options', () => {
  it('parses every option into typed values', () => {
    const o = parseTrainOptions([
      '--csv', 'a.csv', '--label', '8', '--features', 'x, y', '--layers', '16:relu,8:tanh', '--init', 'random_uniform',
      '--optimizer', 'adam', '--lr', '0.01', '--l2', '0.001', '--loss', 'auto', '--epochs', '150', '--batch', '10', '--validation', '0.2',
      '--test', '0.1', '--scale', 'none', '--seed', '7', '--zeros-missing', 'Insulin,BMI', '--out', 'w.json', '--json',
    ]);
    expect(o).toMatchObject({
      csv: 'a.csv', label: '8', features: ['x', 'y'],
      layers: [{ units: 16, activation: 'relu' }, { units: 8, activation: 'tanh' }],
      init: 'random_uniform', optimizer: 'adam', lr: 0.01, l2: 0.001, loss: 'auto', epochs: 150, batch: 10, validation: 0.2,
      test: 0.1, scale: 'none', seed: 7, zerosMissing: ['Insulin', 'BMI'], out: 'w.json', json: true,
    });
  });

  it('no options at all leaves everything unset', () => {
    const o = parseTrainOptions([]);
    expect(o.csv).toBeUndefined();
    expect(o.json).toBe(false);
  });

  it.each([
    [['--epochs', '0'], /--epochs "0" must be a whole number from 1/],
    [['--epochs', 'ten'], /--epochs "ten" is not a number/],
    [['--lr', '0'], /--lr must be above 0/],
    [['--l2=-0.1'], /--l2 must be 0 or more \(got -0.1\)/],
    [['--l2', 'lots'], /--l2 "lots" is not a number/],
    [['--validation', '1.5'], /--validation 1.5 is out of range/],
    [['--optimizer', 'adamw'], /--optimizer "adamw" is not known. Use one of: sgd, rmsprop, adam/],
    [['--layers', '16:relu,x'], /--layers "x" is not a layer/],
    [['--layers', '16:swish'], /"swish" is not known/],
    [['--bogus'], /Unknown option '--bogus'.*--help/],
    [['stray'], /Unexpected argument 'stray'/],
    [['--csv'], /argument missing/],
    [['--features', 'a,,b'], /--features "a,,b" has an empty entry/],
  ])('%j is refused with a plain message', (args, message) => {
    expect(() => parseTrainOptions(args as string[])).toThrow(UsageError);
    expect(() => parseTrainOptions(args as string[])).toThrow(message as RegExp);
  });

  it('layers default to relu, and "none" means no hidden layer', () => {
    expect(parseLayers('4,2:sigmoid')).toEqual([{ units: 4, activation: 'relu' }, { units: 2, activation: 'sigmoid' }]);
    expect(parseLayers('none')).toEqual([]);
  });
});

describe('predict options', () => {
  it('parses weights, input, csv, out and json', () => {
    expect(parsePredictOptions(['--weights', 'w.json', '--input', '3,4', '--json'])).toMatchObject({
      weights: 'w.json', input: '3,4', json: true,
    });
  });
});
