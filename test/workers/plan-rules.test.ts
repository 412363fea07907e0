// The rules a plan makes, each decided in one place: the output layer a task needs (the suggestion, the network and
// the Model screen's store all ask workers/plan.ts) and the input width the Model screen counts before training.
import { describe, expect, it } from 'vitest';
import { fitPreparation, parseCsv, profileDataset, splitRows } from '../../workers/data';
import { suggestModel } from '../../workers/data/suggest-model';
import { featureWidth } from '../../workers/engine/weights-file';
import { checkedPlan } from '../../main/services/runs';
import { toErrorInfo } from '../../main/errors';
import { autoLoss, missingForTraining, outputActivation, planInputWidth, readSetting, TrainingPlanSchema } from '../../workers/plan';
import { networkFor, settingsFor } from '../../workers/train-setup';
import { bytesOf, fixture } from './data/helpers';

describe('the output layer a task needs', () => {
  it.each(['binary', 'multiclass', 'regression'] as const)('%s: the suggestion and the network agree', (task) => {
    const plan = TrainingPlanSchema.parse({ features: ['a'], label: 'y' });
    const suggested = suggestModel(task, 500, 4);
    expect(suggested.output.activation).toBe(outputActivation(task));
    expect(suggested.training.loss).toBe(autoLoss(task));
    expect(networkFor(plan, task, 4, 1).layers.at(-1)?.activation).toBe(outputActivation(task));
    expect(settingsFor(plan, task).loss).toBe(autoLoss(task));
  });
});

describe('the input width a plan makes', () => {
  const cases = [
    // a numeric column and a categorical one (two colours: two one-hot inputs)
    ['string-labels.csv', fixture('string-labels.csv'), ['petal', 'colour'], 'species'],
    // a column of codes stored as text (profiled as an identifier) still becomes one input per value when chosen
    ['codes.csv', bytesOf(`code,x,y\n${Array.from({ length: 30 }, (_, i) => `K${100 + i},${i},${i % 2}`).join('\n')}\n`), ['code', 'x'], 'y'],
  ] as const;
  // regression: the Model screen counted an identifier-like text column as 1 input where training made one per value
  it.each(cases)('%s: the Model screen counts what training builds', (name, bytes, features, label) => {
    const dataset = parseCsv(bytes, name);
    const profiles = profileDataset(dataset);
    const plan = TrainingPlanSchema.parse({ features, label });
    const rows = Int32Array.from({ length: dataset.rowCount }, (_, i) => i);
    const prepared = fitPreparation(dataset, plan, rows);
    expect(planInputWidth(plan.features, (f) => profiles.find((p) => p.name === f))).toBe(featureWidth(prepared.inputs));
  });
});

describe('what stops a plan from training', () => {
  const dataset = parseCsv(bytesOf('a,b,y\n1,2,0\n3,4,1\n'), 'small.csv');
  // regression: the Train screen said "Choose the column to predict: mark one column…" where a refused run said
  // "Choose the column the model should predict (the label) first.", and it let a label that is also a feature through
  it.each([
    ['no label', { label: '', features: ['a'] }, 'no_label'],
    ['no features', { label: 'y', features: [] }, 'no_features'],
    ['the label among the features', { label: 'y', features: ['a', 'y'] }, 'label_is_feature'],
  ] as const)('%s: the screen shows the words the main side refuses the run with', (_name, choice, code) => {
    const draft = { ...TrainingPlanSchema.parse({ features: ['a'], label: 'y' }), ...choice, features: [...choice.features] };
    const shown = missingForTraining(draft)[0];
    expect(shown?.code).toBe(code);
    let refused: unknown;
    try {
      checkedPlan(draft, dataset);
    } catch (error) {
      refused = error;
    }
    expect(toErrorInfo(refused)).toMatchObject({ code, message: shown?.message, hint: shown?.hint });
  });

  it('asks for a table first, and has nothing to say about a plan that can train', () => {
    expect(missingForTraining(null, false).map((m) => m.code)).toEqual(['no_dataset']);
    expect(missingForTraining({ label: 'y', features: ['a', 'b'] })).toEqual([]);
  });
});

describe('settings that cannot work, refused by the plan schema in words the Model screen shows', () => {
  // regression: 0 units was silently ignored by the form, which kept its own copy of the rule
  it.each([
    ['units', '0', 'A layer needs at least 1 unit: with none it passes nothing on.'],
    ['units', '5000', 'A layer can have at most 4096 units.'],
    ['units', '2.5', 'Units are counted in whole numbers.'],
    ['units', '', 'This cannot be empty. Type a whole number from 1 to 4096.'],
    ['units', 'abc', '"abc" is not a number. Type a whole number from 1 to 4096.'],
    ['epochs', '0', 'Training needs at least 1 epoch (one pass over the training rows).'],
    ['batchSize', '0', 'A batch needs at least 1 row.'],
    ['batchSize', '', 'This cannot be empty. Type a whole number of 1 or more.'],
    ['learningRate', '0', 'The learning rate must be more than 0 (e.g. 0.001): at 0 the weights never change, below 0 they move the wrong way.'],
    ['learningRate', '-1', 'The learning rate must be more than 0 (e.g. 0.001): at 0 the weights never change, below 0 they move the wrong way.'],
    ['learningRate', 'Infinity', '"Infinity" is not a number. Type a number above 0.'],
    ['patience', '0', 'Wait at least 1 epoch before stopping.'],
  ] as const)('%s "%s": %s', (name, text, problem) => {
    expect(readSetting(name, text)).toEqual({ problem });
  });

  it('reads what can work; an empty learning rate means the optimizer\'s usual one; a field holding no number is refused', () => {
    expect(readSetting('units', ' 16 ')).toEqual({ value: 16 });
    expect(readSetting('learningRate', '1e-3')).toEqual({ value: 0.001 });
    expect(readSetting('learningRate', '')).toEqual({ value: undefined });
    expect(readSetting('epochs', '', true)).toEqual({ problem: 'That is not a number. Type a whole number from 1 to 100000.' });
  });

  it('the plan itself refuses them with the same words (a project file, a Train request)', () => {
    const plan = TrainingPlanSchema.safeParse({ features: ['a'], label: 'y', hidden: [{ units: 0, activation: 'relu' }] });
    expect(plan.success ? null : plan.error.issues[0]?.message).toBe('A layer needs at least 1 unit: with none it passes nothing on.');
    const rate = TrainingPlanSchema.safeParse({ features: ['a'], label: 'y', training: { optimizer: { name: 'adam', learningRate: 0 } } });
    expect(rate.success ? null : rate.error.issues[0]?.message).toMatch(/^The learning rate must be more than 0/);
  });
});
