// The training service on a real pool: runs side by side, one stopped midway (history kept), one whose worker dies,
// the others finishing; progress throttled yet complete; events fanned out; input errors and divergence told apart.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../workers/data';
import { TrainingPlanSchema, type TrainingPlan } from '../../workers/plan';
import type { ProgressMessage } from '../../workers/tasks/progress';
import { TrainingService, type TrainingRun } from '../../main/services/training';

const TEST_WORKER = path.join(__dirname, 'training-worker.ts');

/** 200 rows: y is 1 when a + b > 0 (a learnable yes/no label), plus a regression target r. */
function table(): ReturnType<typeof parseCsv> {
  const lines = ['a,b,r,y'];
  for (let i = 0; i < 200; i++) {
    const a = Math.sin(i * 12.9898) * 2;
    const b = Math.cos(i * 78.233) * 2;
    lines.push(`${a.toFixed(4)},${b.toFixed(4)},${(1000 * a + 5000 * b).toFixed(2)},${a + b > 0 ? 1 : 0}`);
  }
  return parseCsv(new TextEncoder().encode(`${lines.join('\n')}\n`), 'made-up.csv');
}

function plan(training: Record<string, unknown>, extra: Record<string, unknown> = {}): TrainingPlan {
  return TrainingPlanSchema.parse({
    features: ['a', 'b'],
    label: 'y',
    hidden: [{ units: 4, activation: 'relu' }],
    training: { batchSize: 8, ...training },
    ...extra,
  });
}

let service: TrainingService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
});

/** A one-thread service (also kept in `service`, closed after the test) and the progress messages it sends. */
function oneThreadRecordingProgress(): { training: TrainingService; messages: ProgressMessage[] } {
  const messages: ProgressMessage[] = [];
  const training = new TrainingService({ poolOptions: { maxThreads: 1 } });
  training.on('progress', (m) => messages.push(m));
  service = training;
  return { training, messages };
}

function waitFor(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (condition() ? resolve() : setTimeout(check, 10));
    check();
  });
}

describe('training service', () => {
  it('runs three at once: one stopped midway keeps its history, one whose worker dies fails, one completes', async () => {
    service = new TrainingService({ poolOptions: { workerFile: TEST_WORKER, maxThreads: 3 } });
    const dataset = table();
    const progressA: ProgressMessage[] = [];
    const progressB: ProgressMessage[] = [];
    const finished: TrainingRun[] = [];
    const failed: TrainingRun[] = [];
    // two subscribers each get every event; an unsubscribed one gets none
    service.on('progress', (m) => progressA.push(m));
    service.on('progress', (m) => progressB.push(m));
    const unsubscribe = service.on('progress', () => {
      throw new Error('an unsubscribed listener was called');
    });
    unsubscribe();
    service.on('finished', (run) => finished.push(run));
    service.on('failed', (run) => failed.push(run));

    const long = service.start(dataset, plan({ epochs: 100000 })).runId;
    const dying = service.start(dataset, plan({ epochs: 100000, seed: 666 })).runId;
    const normal = service.start(dataset, plan({ epochs: 20 })).runId;
    expect(service.list().map((r) => r.id)).toEqual([long, dying, normal]);

    await waitFor(() => (service!.get(long)?.history.length ?? 0) >= 3);
    expect(service.get(long)?.status).toBe('running');
    expect(service.stop(long)).toBe(true);

    const [stoppedRun, dyingRun, normalRun] = await Promise.all([long, dying, normal].map((id) => service!.whenDone(id)));

    expect(stoppedRun.status).toBe('stopped');
    expect(stoppedRun.history.length).toBeGreaterThanOrEqual(3);
    expect(stoppedRun.history.length).toBeLessThan(100000);
    expect(stoppedRun.result?.stopReason).toBe('stopped');
    expect(stoppedRun.result?.weights.layers).toHaveLength(2); // weights of a stopped run are kept

    expect(dyingRun.status).toBe('failed');
    expect(dyingRun.error?.kind).toBe('internal');
    expect(dyingRun.message).toMatch(/worker stopped unexpectedly/i);
    expect(dyingRun.history.length).toBeGreaterThanOrEqual(1); // what arrived before it died is kept

    expect(normalRun.status).toBe('completed');
    expect(normalRun.history.map((m) => m.epoch)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(normalRun.result?.evaluation.on).toBe('train');
    expect(normalRun.startedAt).not.toBeNull();
    expect(normalRun.finishedAt).toBeGreaterThanOrEqual(normalRun.startedAt!);

    expect(finished.map((r) => r.id).sort()).toEqual([long, normal].sort());
    expect(failed.map((r) => r.id)).toEqual([dying]);
    expect(progressA.length).toBeGreaterThan(0);
    expect(progressB).toEqual(progressA);

    // the pool goes on serving after a worker died
    const after = service.start(dataset, plan({ epochs: 3 })).runId;
    expect((await service.whenDone(after)).status).toBe('completed');
  });

  it('throttles progress to about ten messages a second, yet every epoch arrives in order', async () => {
    const { training, messages } = oneThreadRecordingProgress();
    const { runId } = training.start(table(), plan({ epochs: 600, batchSize: 50 }));
    const run = await training.whenDone(runId);
    expect(run.status).toBe('completed');
    const mine = messages.filter((m) => m.runId === runId);
    const epochs = mine.flatMap((m) => m.epochs.map((e) => e.epoch));
    expect(epochs).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    // first message (started), then at most one per 100 ms of the run's own clock, then the last
    const seconds = run.result!.trainSeconds;
    expect(mine.length).toBeLessThanOrEqual(Math.floor(seconds * 10) + 3);
    expect(mine.length).toBeLessThan(600 / 10);
    expect(mine.every((m) => m.totalEpochs === 600)).toBe(true);
  });

  it('progress carries copies of the weights for the live drawing, in the network\'s shape, as it learns', async () => {
    const { training, messages } = oneThreadRecordingProgress();
    const { runId } = training.start(table(), plan({ epochs: 300, batchSize: 8 }));
    const run = await training.whenDone(runId);
    const copies = messages.filter((m) => m.runId === runId && m.weights).map((m) => m.weights!);
    // the first epoch is sent at once, with weights; later copies at most twice a second of the run
    expect(copies[0]!.epoch).toBe(1);
    expect(copies.length).toBeLessThanOrEqual(Math.floor(run.result!.trainSeconds * 2) + 1);
    for (const copy of copies) {
      expect(copy.kernels.map((k) => [k.length, k[0]!.length])).toEqual([[2, 4], [4, 1]]);
    }
    // the weights of epoch 1 are not the trained ones
    expect(copies[0]!.kernels).not.toEqual(run.result!.weights.layers.map((l) => l.kernel));
  });

  it('sends no live weights for a network too big to copy twice a second', async () => {
    const { training, messages } = oneThreadRecordingProgress();
    // 2·250 + 250 + 250·200 + 200 + 200 + 1 = 51,151 weights and biases: over the 50,000 limit
    const big = { hidden: [{ units: 250, activation: 'relu' }, { units: 200, activation: 'relu' }] };
    const { runId } = training.start(table(), plan({ epochs: 2, batchSize: 50 }, big));
    expect((await training.whenDone(runId)).status).toBe('completed');
    expect(messages.filter((m) => m.runId === runId && m.epochs.length > 0).length).toBeGreaterThan(0);
    expect(messages.some((m) => m.weights)).toBe(false);
  });

  it('a long epoch moves the progress: messages say how many of its rows are done before it ends', async () => {
    const { training, messages } = oneThreadRecordingProgress();
    // 60,000 rows through 64-64 units in batches of 8: one epoch takes well over the 100 ms interval
    const lines = ['a,b,y'];
    for (let i = 0; i < 60_000; i++) {
      const a = Math.sin(i * 12.9898) * 2, b = Math.cos(i * 78.233) * 2;
      lines.push(`${a.toFixed(3)},${b.toFixed(3)},${a + b > 0 ? 1 : 0}`);
    }
    const big = parseCsv(new TextEncoder().encode(`${lines.join('\n')}\n`), 'many-rows.csv');
    const longEpoch = { hidden: [{ units: 64, activation: 'relu' }, { units: 64, activation: 'relu' }], split: { validation: 0, test: 0 } };
    const { runId } = training.start(big, plan({ epochs: 1, batchSize: 8 }, longEpoch));
    const run = await training.whenDone(runId);
    expect(run.status).toBe('completed');
    const partial = messages.filter((m) => m.runId === runId && m.partial).map((m) => m.partial!);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.every((p) => p.epoch === 1 && p.rows === 60_000 && p.rowsDone > 0 && p.rowsDone < 60_000)).toBe(true);
    for (let i = 1; i < partial.length; i++) expect(partial[i]!.rowsDone).toBeGreaterThan(partial[i - 1]!.rowsDone);
  });

  it('a task that throws fails that run with its message', async () => {
    service = new TrainingService({ poolOptions: { workerFile: TEST_WORKER, maxThreads: 1 } });
    const { runId } = service.start(table(), plan({ epochs: 3, seed: 667 }));
    const run = await service.whenDone(runId);
    expect(run.status).toBe('failed');
    expect(run.message).toMatch(/The test worker threw on purpose/);
  });

  it('bad input fails the run as the input\'s fault, with the data error\'s fields', async () => {
    service = new TrainingService({ poolOptions: { maxThreads: 1 } });
    const lines = ['a,b,y', '1,2,0', '3,4,0', '5,6,0'];
    const dataset = parseCsv(new TextEncoder().encode(lines.join('\n')), 'one-class.csv');
    const { runId } = service.start(dataset, plan({ epochs: 3 }));
    const run = await service.whenDone(runId);
    expect(run.status).toBe('failed');
    expect(run.error).toMatchObject({ kind: 'input', code: 'single_class', file: 'one-class.csv', column: 'y' });
    expect(run.message).toMatch(/only one value/);
  });

  it('a run whose loss explodes ends as diverged, with advice and finite weights', async () => {
    service = new TrainingService({ poolOptions: { maxThreads: 1 } });
    const diverging = plan(
      { epochs: 50, optimizer: { name: 'sgd', learningRate: 1e6 } },
      { label: 'r', preparation: { scaling: 'none' } },
    );
    const run = await service.whenDone(service.start(table(), diverging).runId);
    expect(run.status).toBe('diverged');
    expect(run.message).toMatch(/Try a learning rate of 0\.01 \(SGD's usual rate\) instead of 1000000\./);
    const weights = run.result!.weights.layers.flatMap((l) => l.kernel.flat());
    expect(weights.every(Number.isFinite)).toBe(true);
  });

  it('a forced stop ends the thread at once and keeps the history received so far', async () => {
    service = new TrainingService({ poolOptions: { maxThreads: 1 } });
    const { runId } = service.start(table(), plan({ epochs: 100000 }));
    await waitFor(() => (service!.get(runId)?.history.length ?? 0) >= 2);
    service.stop(runId, { force: true });
    const run = await service.whenDone(runId);
    expect(run.status).toBe('stopped');
    expect(run.history.length).toBeGreaterThanOrEqual(2);
    expect(run.result).toBeUndefined();
  });

  it('runs wait their turn when the pool is full, and a stopped queued run leaves the queue at once', async () => {
    service = new TrainingService({ poolOptions: { maxThreads: 1 } });
    const dataset = table();
    const first = service.start(dataset, plan({ epochs: 100000 })).runId;
    const waiting = service.start(dataset, plan({ epochs: 5 })).runId;
    const third = service.start(dataset, plan({ epochs: 5 })).runId;
    await waitFor(() => (service!.get(first)?.history.length ?? 0) >= 1);
    expect(service.get(waiting)?.status).toBe('queued');
    expect(service.get(waiting)?.startedAt).toBeNull();
    service.stop(waiting);
    const stopped = await service.whenDone(waiting);
    expect(stopped.status).toBe('stopped');
    expect(stopped.history).toEqual([]);
    expect(service.get(first)?.status).toBe('running');
    service.stop(first);
    expect((await service.whenDone(first)).status).toBe('stopped');
    expect((await service.whenDone(third)).status).toBe('completed');
  });
});
