// A run keeps every field through its project file: a real training saved and reopened is the same run, and runs of
// files saved before the file named stopReason, rows and warnings (or by a newer app) still open.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PayloadOf, PlanDraft, Run } from '../../../main/contract';
import { DIABETES, ROOT, useHarness } from './harness';

const PROJECTS = path.join(ROOT, 'test', 'fixtures', 'projects');

const harness = useHarness();

async function train(plan: PlanDraft): Promise<Run> {
  const { h } = harness;
  await h.api.project.setPlan({ plan });
  const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => h.api.onTrainingFinished(resolve));
  const { runId } = await h.api.training.start();
  const end = await finished;
  expect(end.runId).toBe(runId);
  return end.run;
}

describe('a run through its project file', () => {
  it('reopens a trained run exactly as it was, its stop reason, rows and warnings included', async () => {
    const { h } = harness;
    await h.api.dataset.import({ path: DIABETES });
    const draft = (await h.api.project.state()).plan!;
    const run = await train({
      ...draft,
      // rows with a zero Insulin are left out: the run carries a warning saying how many
      preparation: { ...draft.preparation, zeroAsMissing: ['Insulin'], numericMissing: 'drop' },
      split: { validation: 0.2, test: 0.2, seed: 7, stratify: true },
      hidden: [{ units: 4, activation: 'relu' }],
      training: { ...draft.training, epochs: 400, batchSize: 32, earlyStopping: { patience: 2, restoreBestWeights: true } },
    });
    expect(run.status).toBe('completed');
    expect(run.stopReason).toBe('early_stopping');
    expect(run.warnings).toEqual([expect.stringMatching(/^\d+ training rows with missing values are left out/)]);
    expect(run.rows!.train).toBeLessThan(768 * 0.6);
    expect(run.history.length).toBeLessThan(400);

    const file = path.join(h.dir, 'round-trip');
    await h.api.project.save({ path: file });
    await h.api.project.new();
    const reopened = await h.api.project.open({ path: `${file}.neuron` });
    expect(reopened.runs).toEqual([run]);
    expect(await h.api.training.get({ runId: run.id })).toEqual(run);
  });

  it('opens a run saved before stopReason, rows and warnings were kept: the stop reason from its status', async () => {
    const { h } = harness;
    const copy = path.join(h.dir, 'valid.neuron');
    copyFileSync(path.join(PROJECTS, 'valid.neuron'), copy);
    const state = await h.api.project.open({ path: copy });
    expect(state.runs.map((r) => [r.name, r.status, r.stopReason, r.rows, r.warnings])).toEqual([
      ['First try', 'completed', 'completed', null, []],
      ['Second try', 'stopped', 'stopped', null, []],
    ]);
  });

  it('opens a run with a field this app does not know, and leaves the field out', async () => {
    const { h } = harness;
    const copy = path.join(h.dir, 'run-unknown-field.neuron');
    copyFileSync(path.join(PROJECTS, 'run-unknown-field.neuron'), copy);
    const state = await h.api.project.open({ path: copy });
    expect(state.runs.map((r) => r.name)).toEqual(['First try', 'Second try']);
    expect(state.runs[0]).not.toHaveProperty('colour');
    await h.api.project.save();
    const again = await h.api.project.open({ path: copy });
    expect(again.runs).toEqual(state.runs);
  });
});
