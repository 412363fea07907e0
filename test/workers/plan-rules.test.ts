// The rules a plan makes, each decided in one place: the output layer a task needs (the suggestion, the network and
// the Model screen's store all ask workers/plan.ts) and the input width the Model screen counts before training.
import { describe, expect, it } from 'vitest';
import { fitPreparation, parseCsv, profileDataset, splitRows } from '../../workers/data';
import { suggestModel } from '../../workers/data/suggest-model';
import { featureWidth } from '../../workers/engine/weights-file';
import { autoLoss, outputActivation, planInputWidth, TrainingPlanSchema } from '../../workers/plan';
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
