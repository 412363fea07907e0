// Continuing a run through the contract, as the Train screen's Continue does: the new run starts where the first one
// stopped (its loss, not an untrained network's), says where it came from, and is refused in words when the plan no
// longer fits its weights; a run's threshold is kept in its weights, so Use, the exports and predict answer with it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDraft, Run } from '../../../main/contract';
import { DIABETES, refusal, useHarness } from './harness';

const harness = useHarness();
const api = () => harness.h.api;
let plan: PlanDraft;
let first: Run;

/** Starts a run and gives it once it has ended (finished, stopped or failed). */
async function trained(args: Parameters<ReturnType<typeof api>['training']['start']>[0]): Promise<Run> {
  const { runId } = await api().training.start(args);
  return ended(runId);
}

function ended(runId: string): Promise<Run> {
  return new Promise((resolve) => {
    const done = (run: Run) => run.id === runId && resolve(run);
    api().onTrainingFinished((m) => done(m.run));
    api().onTrainingFailed((m) => m.runId === runId && void api().training.get({ runId }).then(resolve));
  });
}

beforeAll(async () => {
  await api().dataset.import({ path: DIABETES });
  plan = (await api().project.state()).plan!;
  first = await trained({ name: 'Run 1' });
});

describe('continuing a run', () => {
  it('starts from the weights it kept: its first epoch is where the first run ended, not where it began', async () => {
    // the example's plan stops early and keeps the weights of its best epoch
    expect(first.stopReason).toBe('early_stopping');
    const kept = first.history[first.keptEpoch! - 1]!;
    const untrained = first.history[0]!;
    const next = await trained({ continueFrom: first.id, epochs: 20 });
    expect(next.status).toBe('completed');
    expect(next.name).toBe('Run 2');
    expect(next.continuedFrom).toEqual({ name: 'Run 1', runId: first.id, epoch: first.keptEpoch });
    expect(next.totalEpochs).toBe(20);
    expect(next.history[0]!.epoch).toBe(1);
    // one more epoch of learning moves the validation loss by a few thousandths; a new network's first epoch ends
    // about 0.09 higher (the example's Adam at 0.01 learns much in one epoch)
    expect(untrained.val_loss! - kept.val_loss!).toBeGreaterThan(0.05);
    expect(Math.abs(next.history[0]!.val_loss! - kept.val_loss!)).toBeLessThan(0.02);
    expect(Math.abs(next.history[0]!.loss - kept.loss)).toBeLessThan(0.03);
    // the same preparation as the run it came from, and a threshold of its own
    expect(next.weights!.inputs).toEqual(first.weights!.inputs);
    expect(next.weights!.output).toEqual({ ...first.weights!.output, threshold: 0.5 });
  });

  it('continues a stopped run too', async () => {
    await api().project.setPlan({ plan: { ...plan, training: { ...plan.training, epochs: 100000, batchSize: 1, earlyStopping: null } } });
    const firstEpoch = new Promise<void>((resolve) => api().onTrainingProgress((p) => p.epochs.length > 0 && resolve()));
    const { runId } = await api().training.start({ name: 'Long' });
    const stopped = ended(runId);
    await firstEpoch;
    await api().training.stop({ runId });
    const long = await stopped;
    expect(long.status).toBe('stopped');
    const next = await trained({ continueFrom: long.id, epochs: 2 });
    expect(next.status).toBe('completed');
    expect(next.continuedFrom).toEqual({ name: 'Long', runId: long.id, epoch: long.history.length });
    await api().project.setPlan({ plan });
  });

  it('says plainly when the layers changed since', async () => {
    await api().project.setPlan({ plan: { ...plan, hidden: [{ units: 32, activation: 'relu' }] } });
    const error = await refusal(api().training.start({ continueFrom: first.id, epochs: 5 }));
    const units = first.weights!.layers.slice(0, -1).map((l) => l.units).join('-');
    expect(error.code).toBe('cannot_continue');
    expect(error.message).toBe(`Run 1 cannot be continued: its network has ${units} hidden units and the plan now has 32.`);
    expect(error.hint).toBe('Train a new run instead, or set the model back to the one these weights were trained with.');
  });

  it('says plainly when a column was left out since', async () => {
    await api().project.setPlan({ plan: { ...plan, features: plan.features.filter((f) => f !== 'Insulin') } });
    const error = await refusal(api().training.start({ continueFrom: first.id }));
    expect(error.message).toBe('Run 1 cannot be continued: it learned from Insulin too, which the plan now leaves out.');
    await api().project.setPlan({ plan });
    // nothing was queued by the refusals
    expect((await api().training.list()).map((r) => r.name)).toEqual(['Run 1', 'Run 2', 'Long', 'Run 4']);
  });

  it('refuses a run that has no weights to go on from', async () => {
    const error = await refusal(api().training.start({ continueFrom: 'no-such-run' }));
    expect(error.code).toBe('no_run');
  });

  it('keeps where a run came from, and the weights to replay it, through saving and opening', async () => {
    const file = path.join(harness.h.dir, 'continued.neuron');
    await api().project.save({ path: file });
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { runs: Run[] };
    expect(saved.runs[1]!.continuedFrom).toEqual({ name: 'Run 1', runId: first.id, epoch: first.keptEpoch });
    const reopened = await api().project.open({ path: file });
    const [run1, run2] = reopened.runs;
    expect(run2!.continuedFrom).toEqual({ name: 'Run 1', runId: first.id, epoch: first.keptEpoch });
    expect(run1!.keptEpoch).toBe(first.keptEpoch);
    // the replay's copies of the kernels: spread over the run, each shaped as the network
    expect(run1!.snapshots!.length).toBeGreaterThanOrEqual(8);
    expect(run1!.snapshots!.at(-1)!.epoch).toBeLessThanOrEqual(run1!.history.length);
    expect(run1!.snapshots![0]!.kernels.map((k) => [k.length, k[0]!.length])).toEqual(run1!.weights!.layers.map((l) => [l.kernel.length, l.units]));
    first = run1!;
  });
});

describe("a run's threshold", () => {
  it('is kept in its weights: the exported file and the predictions answer with it', async () => {
    const run = await api().training.setThreshold({ runId: first.id, threshold: 0.3 });
    expect(run.weights!.output.threshold).toBe(0.3);
    expect(run.evaluation!.threshold).toBe(0.3);
    expect((await api().project.state()).dirty).toBe(true);
    expect((await api().training.get({ runId: first.id })).weights!.output.threshold).toBe(0.3);

    const exported = path.join(harness.h.dir, 'at-0.3.json');
    await api().export.model({ runId: first.id, format: 'weights', path: exported });
    expect(JSON.parse(readFileSync(exported, 'utf8')).output.threshold).toBe(0.3);

    const out = path.join(harness.h.dir, 'at-0.3.csv');
    await api().predict.csv({ runId: first.id, inputPath: DIABETES, outputPath: out });
    const rows = readFileSync(out, 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    const answers = rows.map((cells) => ({ label: cells.at(-2), probability: Number(cells.at(-1)) }));
    // every answer follows 0.3, and some differ from what 0.5 would answer
    for (const a of answers) expect(a.label).toBe(a.probability >= 0.3 ? '1' : '0');
    expect(answers.some((a) => a.probability >= 0.3 && a.probability < 0.5)).toBe(true);
  });

  it('is refused for a run that does not answer yes or no', async () => {
    const error = await refusal(api().training.setThreshold({ runId: 'no-such-run', threshold: 0.3 }));
    expect(error.code).toBe('no_run');
  });
});
