// The suggested model: its shape for each task, and the requirement that the suggestions alone (with the default
// preparation and 0 as missing where flagged) score at least 0.74 on a held-out 20 % of Pima, through the engine.
import { describe, expect, it } from 'vitest';
import { buildMatrices, cellValue, findColumn, fitPreparation, kFoldIndices, parseCsv, profileDataset, suggestModel, suggestPlan } from '../../../workers/data';
import { predict } from '../../../workers/engine/predict';
import { train } from '../../../workers/engine/train';
import { WEIGHTS_FORMAT, WEIGHTS_VERSION, type WeightsFile } from '../../../workers/engine/weights-file';
import { datasetFile } from './helpers';

describe('suggestModel', () => {
  it('binary on Pima-sized data: 16-8 ReLU, sigmoid, binary cross-entropy, Adam, early stopping restoring the best weights', () => {
    const s = suggestModel('binary', 768, 8);
    expect(s.hidden).toEqual([{ units: 16, activation: 'relu' }, { units: 8, activation: 'relu' }]);
    expect(s.output).toEqual({ activation: 'sigmoid' });
    expect(s.training).toMatchObject({ loss: 'binary_crossentropy', optimizer: { name: 'adam', learningRate: 0.001 }, batchSize: 16 });
    expect(s.training.earlyStopping).toEqual({ patience: 25, restoreBestWeights: true });
    expect(s.split.validation).toBe(0.2);
    expect(s.explanation.length).toBeGreaterThanOrEqual(4);
  });

  it('multi-class and regression outputs; a small table gets one small layer and no validation when tiny', () => {
    expect(suggestModel('multiclass', 150, 4)).toMatchObject({ output: { activation: 'softmax' }, training: { loss: 'categorical_crossentropy' } });
    expect(suggestModel('multiclass', 150, 4).hidden).toEqual([{ units: 8, activation: 'relu' }]);
    const tiny = suggestModel('regression', 30, 3);
    expect(tiny.output).toEqual({ activation: 'linear' });
    expect(tiny.training.loss).toBe('mse');
    expect(tiny.split.validation).toBe(0);
    expect(tiny.training.earlyStopping).toBeNull();
  });

  it('with the share the plan already keeps for validation, uses it and says so; none kept means no early stopping', () => {
    const kept = suggestModel('binary', 768, 8, 0.15);
    expect(kept.split.validation).toBe(0.15);
    expect(kept.training.earlyStopping).toEqual({ patience: 25, restoreBestWeights: true });
    expect(kept.explanation).toContain(
      '15 % of the rows kept for validation on the Data screen are watched; training stops when their loss has not improved for 25 epochs, and the best weights are kept.',
    );
    const none = suggestModel('binary', 768, 8, 0);
    expect(none.training.earlyStopping).toBeNull();
    expect(none.explanation.at(-1)).toMatch(/No rows are kept for validation on the Data screen/);
  });

  it('grows with the data: wide inputs and many rows get wider layers and bigger batches', () => {
    const big = suggestModel('binary', 1_000_000, 40);
    expect(big.hidden.map((l) => l.units)).toEqual([64, 32]);
    expect(big.training.batchSize).toBe(256);
    expect(big.training.epochs).toBe(30);
  });
});

describe('suggestPlan on Pima', () => {
  const pima = parseCsv(datasetFile('diabetes.csv'), 'diabetes.csv');
  const plan = suggestPlan(pima, profileDataset(pima), { test: 0.2 });

  it('treats 0 as missing exactly in the flagged columns', () => {
    expect(plan.label).toBe('Outcome');
    expect(plan.features.length).toBe(8);
    expect(plan.preparation.zeroAsMissing).toEqual(['Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI']);
    expect(plan.preparation.scaling).toBe('standard');
  });

  // One 80/20 split depends on which rows land in the 20 %: on the default split (seed 7) even a logistic
  // regression scores 0.727. So the requirement is checked on every row: 5 stratified folds, each held out once
  // (20 %) while the suggested model trains on the other 80 %, and the mean held-out accuracy must reach 0.74.
  it('scores at least 0.74 accuracy on held-out 20 % parts (5 folds) with the suggestions alone', () => {
    const outcome = findColumn(pima, 'Outcome').numbers!;
    const folds = kFoldIndices(pima.rowCount, 5, plan.split.seed, Int32Array.from(outcome));
    const accuracies = folds.map((test) => {
      expect(test.length).toBeGreaterThanOrEqual(153);
      const held = new Set(test);
      const trainRows = Int32Array.from({ length: pima.rowCount }, (_, i) => i).filter((i) => !held.has(i));
      const prepared = fitPreparation(pima, plan, trainRows);
      const m = buildMatrices(pima, prepared, plan, trainRows);
      const t = plan.training;
      const result = train(
        { inputs: m.cols, layers: [...plan.hidden, { units: 1, activation: plan.output.activation ?? 'sigmoid' }] },
        {
          loss: t.loss === 'auto' ? 'binary_crossentropy' : t.loss,
          optimizer: t.optimizer,
          epochs: t.epochs,
          batchSize: t.batchSize,
          seed: t.seed,
          l2: t.l2,
          validationSplit: plan.split.validation,
          earlyStopping: t.earlyStopping ?? undefined,
        },
        { x: m.x, y: m.y, rows: m.rows, cols: m.cols, outputs: 1, task: 'binary' },
      );
      // score the held-out rows the way a user would: raw cells through the weights file
      const model: WeightsFile = { format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, task: 'binary', inputs: prepared.inputs, layers: result.layers, output: prepared.output };
      const columns = prepared.inputs.map((input) => findColumn(pima, input.name).index);
      const { predictions } = predict(model, Array.from(test, (r) => columns.map((c) => cellValue(pima, r, c))));
      let right = 0;
      predictions.forEach((p, i) => {
        if ('label' in p && p.label === String(outcome[test[i]])) right++;
      });
      return right / predictions.length;
    });
    const mean = accuracies.reduce((a, b) => a + b, 0) / accuracies.length;
    console.log(`Pima held-out accuracy, suggested model, 5 folds: ${accuracies.map((a) => a.toFixed(3)).join(' ')}; mean ${mean.toFixed(4)}`);
    expect(mean).toBeGreaterThanOrEqual(0.74);
  });
});
