// Bad input through the contract: each is a sentence naming the file, row or column and what to do, never a crash.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/contract';
import { DIABETES, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(() => {
  h = startHarness();
});
afterAll(async () => {
  await h.close();
  expect(h.logged).toEqual([]); // every error below is one of ours, told in words; none is "internal"
});

const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: ApiError) => e);

describe('refusals in words', () => {
  it('asks for data before anything needs it', async () => {
    for (const attempt of [h.api.dataset.describe(), h.api.dataset.rows({ start: 0, count: 5 }), h.api.training.start(), h.api.model.suggest()]) {
      const e = await fail(attempt);
      expect(e).toBeInstanceOf(ApiError);
      expect(e.code).toBe('no_dataset');
      expect(e.message).toBe('There is no data in this project yet.');
      expect(e.hint).toBe('Import a CSV file first (or open the example).');
    }
  });

  it('names a file that is not there', async () => {
    const missing = path.join(h.dir, 'nope.csv');
    const e = await fail(h.api.dataset.import({ path: missing }));
    expect(e.message).toBe(`There is no file at ${missing}.`);
    expect(e.code).toBe('not_found');
    expect(e.hint).toBe('Check the path, or choose the file again.');
    expect(e.file).toBe(missing);
  });

  it("names the row of a ragged CSV and offers 'skip bad rows'; with it, the file is read", async () => {
    const file = path.join(h.dir, 'ragged.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    const e = await fail(h.api.dataset.import({ path: file }));
    expect(e.code).toBe('ragged_rows');
    expect(e.file).toBe('ragged.csv');
    expect(e.row).toBe(3);
    expect(e.message).toContain('3');
    expect(e.hint).toBeTruthy();
    const summary = await h.api.dataset.import({ path: file, skipBadRows: true });
    expect(summary.rows).toBe(2);
    expect(summary.skippedRows).toBe(1);
  });

  it('reads a dropped CSV from its content', async () => {
    const content = readFileSync(DIABETES, 'utf8');
    const summary = await h.api.dataset.importContent({ fileName: 'dropped.csv', content });
    expect(summary).toMatchObject({ fileName: 'dropped.csv', path: null, rows: 768 });
  });

  it('refuses a plan naming a column the table does not have', async () => {
    const plan = (await h.api.project.state()).plan!;
    const e = await fail(h.api.project.setPlan({ plan: { ...plan, features: [...plan.features, 'Glucoze'] } }));
    expect(e.code).toBe('unknown_column');
    expect(e.column).toBe('Glucoze');
    expect(e.message).toContain('has no column named "Glucoze"');
  });

  it('says what is missing before training', async () => {
    const plan = (await h.api.project.state()).plan!;
    const startWith = async (draft: typeof plan) => {
      await h.api.project.setPlan({ plan: draft });
      return fail(h.api.training.start());
    };
    expect((await startWith({ ...plan, label: '' })).code).toBe('no_label');
    expect((await startWith({ ...plan, features: [] })).code).toBe('no_features');
    const both = await startWith({ ...plan, features: [...plan.features, 'Outcome'] });
    expect(both.code).toBe('label_is_feature');
    expect(both.message).toBe('"Outcome" is the label, so it cannot also be a feature.');
    await h.api.project.setPlan({ plan });
  });

  it('says which run is unknown', async () => {
    for (const attempt of [h.api.training.get({ runId: 'nope' }), h.api.training.delete({ runId: 'nope' }), h.api.predict.csv({ runId: 'nope', inputPath: 'a.csv', outputPath: 'b.csv' })]) {
      expect((await fail(attempt)).code).toBe('no_run');
    }
  });

  it('refuses a file that is not a project, and leaves it as it was', async () => {
    const file = path.join(h.dir, 'notes.neuron');
    writeFileSync(file, 'hello, I am not JSON');
    const e = await fail(h.api.project.open({ path: file }));
    expect(e.code).toBe('not_json');
    expect(e.file).toBe(file);
    expect(e.message).toContain('notes.neuron');
    expect(readFileSync(file, 'utf8')).toBe('hello, I am not JSON');
  });

  // Regression: a screen state nested 100,000 levels deep was kept, and every later project.state could not be sent.
  it('refuses an argument nested 100,000 levels deep, and the project still answers', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { more: deep };
    const refused = await h.core.dispatch('project.setUi', { ui: { screen: 'data', deep } });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'bad_argument',
        message: 'The request "project.setUi" got an argument nested more than 64 levels deep.',
        hint: 'This is a fault in the app; please report it.',
      },
    });
    const state = await h.core.dispatch('project.state', undefined);
    expect(state.ok).toBe(true);
    expect(() => JSON.stringify(state)).not.toThrow();
  });

  it('needs a file name for the first save, and has no dialogs in browser mode', async () => {
    await h.api.project.new();
    expect((await fail(h.api.project.save())).code).toBe('no_path');
    expect((await fail(h.api.dialogs.openCsv())).code).toBe('no_dialogs');
    expect((await h.api.app.info()).nativeDialogs).toBe(false);
  });
});
