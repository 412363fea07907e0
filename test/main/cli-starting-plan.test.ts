// The CLI's --csv plan is the app's starting plan (workers/data/starting-plan.ts): the same roles, zeros as missing,
// identifiers left out, network and settings; only the split differs (the app's STARTING_SPLIT, the CLI's --test).
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planFromOptions } from '../../main/cli/train-plan';
import { describeRun } from '../../main/cli/run-description';
import { parseTrainOptions } from '../../main/cli/options';
import { loadDataset, startingPlan } from '../../main/services/datasets';
import { STARTING_SPLIT } from '../../workers/plan';

const ROOT = path.resolve(__dirname, '../..');

async function bothFaces(file: string, label: string) {
  const loaded = await loadDataset(new Uint8Array(readFileSync(path.join(ROOT, file))), path.basename(file), null, { header: 'auto' });
  const app = startingPlan(loaded);
  const cli = planFromOptions(parseTrainOptions(['--csv', file, '--label', label]), loaded.data, loaded.describe.profiles);
  return { app, cli };
}

describe('the CLI and the app start a table from one plan', () => {
  // regression: the CLI treated the flagged zeros as missing and the app did not (two plan builders)
  it('Pima: the same preparation, network and settings; the app keeps its starting split, the CLI its --test', async () => {
    const { app, cli } = await bothFaces('datasets/diabetes.csv', 'Outcome');
    expect(cli.plan.preparation).toEqual(app.preparation);
    expect(cli.plan.preparation.zeroAsMissing).toEqual(['Glucose', 'BloodPressure', 'SkinThickness', 'Insulin', 'BMI']);
    expect(cli.plan.features).toEqual(app.features);
    expect(cli.plan.hidden).toEqual(app.hidden);
    const { earlyStopping: _cliStop, ...cliSettings } = cli.plan.training;
    const { earlyStopping: _appStop, ...appSettings } = app.training;
    expect(cliSettings).toEqual(appSettings);
    expect(app.split).toMatchObject({ validation: STARTING_SPLIT.validation, test: STARTING_SPLIT.test });
    expect(cli.plan.split).toMatchObject({ validation: 0.2, test: 0 });
    expect(cli.plan.training.earlyStopping).toEqual(app.training.earlyStopping);
  });

  it('an identifier is left out by both, and the CLI says why and how to use it anyway', async () => {
    const { app, cli } = await bothFaces('test/fixtures/csv/breast-cancer-ids.csv', 'Class');
    expect(app.features).not.toContain('Id');
    expect(cli.plan.features).toEqual(app.features);
    expect(cli.notes.map((n) => `${n.message} ${n.cli}`)).toEqual([
      'Column "Id" of breast-cancer-ids.csv is not used as an input: it looks like a record number or code (a different value on almost every row), so it cannot help predict. To use it anyway, name it in --features.',
    ]);
  });

  it('says which zeros count as missing, and --zeros-missing none keeps every 0 a real value', async () => {
    const { cli } = await bothFaces('datasets/diabetes.csv', 'Outcome');
    const loaded = await loadDataset(new Uint8Array(readFileSync(path.join(ROOT, 'datasets/diabetes.csv'))), 'diabetes.csv', null, { header: 'auto' });
    expect(describeRun(loaded.data, cli.plan, cli.task).split('\n').slice(1)).toEqual([
      'Network: inputs -> 16 relu -> output; adam (lr 0.01), L2 0.01, loss binary_crossentropy, 300 epochs, batch 16, scaling standard, seed 7.',
      '0 counts as missing (not measured) in Glucose, BloodPressure, SkinThickness, Insulin, BMI; --zeros-missing names other columns, or none.',
    ]);
    const none = planFromOptions(parseTrainOptions(['--csv', 'diabetes.csv', '--label', 'Outcome', '--zeros-missing', 'none']), loaded.data, loaded.describe.profiles);
    expect(none.plan.preparation.zeroAsMissing).toEqual([]);
    expect(describeRun(loaded.data, none.plan, none.task)).not.toContain('counts as missing');
  });
});
