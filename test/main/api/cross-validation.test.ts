// A run's cross-validation through the contract, as the Evaluate screen asks for it: the folds' progress as events,
// the figures kept on the run and in its project file, Stop keeping nothing, and a table too small said in words.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Api, PayloadOf, PlanDraft, Run } from '../../../main/contract';
import { DIABETES, useHarness } from './harness';

type Progress = PayloadOf<'crossValidation.progress'>;

const harness = useHarness();

/** Every progress event of one run's cross-validation until it ends. */
function progressUntilEnd(api: Api, runId: string): Promise<Progress[]> {
  const seen: Progress[] = [];
  return new Promise((resolve) => {
    const off = api.onCrossValidationProgress((p) => {
      if (p.runId !== runId) return;
      seen.push(p);
      if (p.state !== 'running') {
        off();
        resolve(seen);
      }
    });
  });
}

async function train(plan: PlanDraft): Promise<Run> {
  const { api } = harness.h;
  await api.project.setPlan({ plan });
  const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => api.onTrainingFinished(resolve));
  await api.training.start();
  return (await finished).run;
}

describe('a run cross-validated from Evaluate', () => {
  it('scores 5 folds of the rows not kept for testing, says each as it ends, and keeps the figures on the run and in its file', async () => {
    const { api, dir } = harness.h;
    await api.dataset.import({ path: DIABETES });
    const draft = (await api.project.state()).plan!;
    const run = await train({ ...draft, hidden: [], training: { ...draft.training, epochs: 30, earlyStopping: null } });
    expect(run.crossValidation).toBeNull();
    await api.project.save({ path: path.join(dir, 'before-cv') });

    const events = progressUntilEnd(api, run.id);
    expect(await api.crossValidation.start({ runId: run.id })).toEqual({ ok: true });
    const seen = await events;
    expect(seen[0]).toMatchObject({ state: 'running', metric: 'accuracy', folds: [null, null, null, null, null] });
    // one event per fold as it ends, each adding its score
    const running = seen.filter((p) => p.state === 'running');
    expect(running.map((p) => p.folds.filter((s) => s !== null).length)).toEqual([0, 1, 2, 3, 4, 5]);
    const last = seen.at(-1)!;
    expect(last.state).toBe('finished');
    const cv = last.crossValidation!;
    expect(cv.folds).toEqual(running.at(-1)!.folds);
    // the 154 test rows stay unseen: the folds share the other 614
    expect(cv.rows.reduce((a, b) => a + b, 0)).toBe(614);
    expect(cv.mean).toBeGreaterThan(0.7);

    // kept on the run: the project has an unsaved change, and the file keeps it once saved
    expect((await api.training.get({ runId: run.id })).crossValidation).toEqual(cv);
    expect((await api.project.state()).dirty).toBe(true);
    await api.project.save();
    await api.project.new();
    const reopened = await api.project.open({ path: path.join(dir, 'before-cv.neuron') });
    expect(reopened.runs[0]!.crossValidation).toEqual(cv);
  });

  it('stops midway on request and keeps nothing', async () => {
    const { api } = harness.h;
    const draft = (await api.project.state()).plan!;
    const run = await train({ ...draft, hidden: [], training: { ...draft.training, epochs: 30, earlyStopping: null } });
    await api.project.setPlan({ plan: { ...draft, training: { ...draft.training, epochs: 100000, batchSize: 1, earlyStopping: null } } });
    // a long plan of its own: the run above is cross-validated with the plan it was trained with
    const long = await new Promise<Run>((resolve) => {
      void api.training.start().then(({ runId }) => {
        const off = api.onTrainingProgress((p) => {
          if (p.runId === runId && p.epochs.length > 0) {
            off();
            void api.training.stop({ runId });
          }
        });
        api.onTrainingFinished((f) => f.runId === runId && resolve(f.run));
      });
    });
    const events = progressUntilEnd(api, long.id);
    await api.crossValidation.start({ runId: long.id, folds: 3 });
    // a second start while it runs is refused in words
    await expect(api.crossValidation.start({ runId: long.id })).rejects.toMatchObject({ code: 'cross_validation_running' });
    await api.crossValidation.stop({ runId: long.id });
    const seen = await events;
    expect(seen.at(-1)).toMatchObject({ state: 'stopped' });
    expect(seen.at(-1)!.crossValidation).toBeUndefined();
    expect((await api.training.get({ runId: long.id })).crossValidation).toBeNull();
    expect((await api.training.get({ runId: run.id })).crossValidation).toBeNull();
  });

  it('says a table too small for the folds in words, naming the file', async () => {
    const { api, dir } = harness.h;
    const tiny = path.join(dir, 'tiny.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(tiny, 'a,y\n1,0\n2,1\n3,0\n4,1\n5,0\n6,1\n7,0\n8,1\n');
    await api.dataset.import({ path: tiny });
    const draft = (await api.project.state()).plan!;
    const run = await train({ ...draft, label: 'y', features: ['a'], training: { ...draft.training, epochs: 2 } });
    const events = progressUntilEnd(api, run.id);
    await api.crossValidation.start({ runId: run.id, folds: 10 });
    const end = (await events).at(-1)!;
    expect(end.state).toBe('failed');
    expect(end.error).toMatchObject({ code: 'too_few_rows_for_folds', message: expect.stringContaining('tiny.csv'), hint: 'Use fewer folds, or a table with more rows.' });
  });
});
