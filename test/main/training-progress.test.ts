// The progress reporter batches epochs into at most one message per interval, loses none, and always sends the last.
import { describe, expect, it } from 'vitest';
import { createProgressReporter, type ProgressMessage } from '../../workers/tasks/progress';
import type { EpochMetrics } from '../../workers/engine/spec';
import type { WeightsLayer } from '../../workers/engine/weights-file';

function epoch(n: number): EpochMetrics {
  return { epoch: n, loss: 1 / n, elapsed: n / 1000 };
}

describe('progress reporter', () => {
  it('sends the first epoch at once, then batches epochs per 100 ms interval, and flushes the rest', () => {
    let clock = 0;
    const sent: ProgressMessage[] = [];
    const reporter = createProgressReporter({ runId: 'r', totalEpochs: 10, post: (m) => sent.push(m), now: () => clock });
    // epochs every 30 ms: 1 at t=30 (sent: first), 2..4 at 60..120 (4 at t=120 is 90 ms after 30: waits),
    // 5 at 150 (120 ms after 30: sent with 2..5), ...
    for (let n = 1; n <= 10; n++) {
      clock = n * 30;
      reporter.epoch(epoch(n));
    }
    reporter.flush();
    expect(sent.map((m) => m.epochs.map((e) => e.epoch))).toEqual([[1], [2, 3, 4, 5], [6, 7, 8, 9], [10]]);
    expect(sent.every((m) => m.runId === 'r' && m.totalEpochs === 10)).toBe(true);
    expect(sent[1].elapsed).toBeCloseTo(0.15, 10);
  });

  it('sends nothing on flush when nothing waits', () => {
    let clock = 0;
    const sent: ProgressMessage[] = [];
    const reporter = createProgressReporter({ runId: 'r', totalEpochs: 1, post: (m) => sent.push(m), now: () => clock });
    clock = 5;
    reporter.epoch(epoch(1));
    reporter.flush();
    expect(sent).toHaveLength(1);
  });

  it('a thousand fast epochs make a handful of messages holding every epoch in order', () => {
    let clock = 0;
    const sent: ProgressMessage[] = [];
    const reporter = createProgressReporter({ runId: 'r', totalEpochs: 1000, post: (m) => sent.push(m), now: () => clock });
    for (let n = 1; n <= 1000; n++) {
      clock += 0.5; // 2000 epochs a second
      reporter.epoch(epoch(n));
    }
    reporter.flush();
    // 500 ms of training at one message per 100 ms: the first, four or five full intervals, the last.
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(sent.flatMap((m) => m.epochs.map((e) => e.epoch))).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('copies the weights onto a message about twice a second, from the epoch it ends with', () => {
    let clock = 0;
    const sent: ProgressMessage[] = [];
    let copies = 0;
    // a 2-1 network whose single weight pair is the epoch number, so each copy says when it was taken
    let current = 0;
    const weights = (): WeightsLayer[] => {
      copies++;
      return [{ units: 1, activation: 'sigmoid', kernel: [[current], [-current]], bias: [0] }];
    };
    const reporter = createProgressReporter({ runId: 'r', totalEpochs: 100, post: (m) => sent.push(m), now: () => clock });
    for (let n = 1; n <= 100; n++) {
      clock = n * 20; // 50 epochs a second for 2 s
      current = n;
      reporter.epoch(epoch(n), weights);
    }
    reporter.flush();
    const withWeights = sent.filter((m) => m.weights);
    // 2 s of training with a copy at most every 500 ms: t=20 (the first message), 520, 1020, 1520
    expect(withWeights.map((m) => m.weights!.epoch)).toEqual([1, 26, 51, 76]);
    for (const m of withWeights) {
      expect(m.weights!.epoch).toBe(m.epochs[m.epochs.length - 1]!.epoch);
      expect(m.weights!.kernels).toEqual([[[m.weights!.epoch], [-m.weights!.epoch]]]);
    }
    // only the copies sent were made: the hot loop does not copy weights per epoch
    expect(copies).toBe(4);
    expect(sent.length).toBeGreaterThan(withWeights.length);
  });

  it('sends no weights when the run gives no way to copy them', () => {
    let clock = 0;
    const sent: ProgressMessage[] = [];
    const reporter = createProgressReporter({ runId: 'r', totalEpochs: 50, post: (m) => sent.push(m), now: () => clock });
    for (let n = 1; n <= 50; n++) {
      clock = n * 100;
      reporter.epoch(epoch(n));
    }
    expect(sent).toHaveLength(50);
    expect(sent.some((m) => 'weights' in m)).toBe(false);
  });

  it('during epochs longer than the interval, says how far into the epoch it is, about ten times a second', () => {
    let clock = 0;
    const sent: ProgressMessage[] = [];
    const reporter = createProgressReporter({ runId: 'r', totalEpochs: 2, post: (m) => sent.push(m), now: () => clock });
    // two epochs of 1000 batches of 10 rows, one batch a millisecond: each epoch lasts a second
    for (let epoch = 1; epoch <= 2; epoch++) {
      for (let b = 1; b <= 1000; b++) {
        clock += 1;
        reporter.batch(epoch, b * 10, 10_000);
      }
      reporter.epoch(epoch === 1 ? { epoch: 1, loss: 1, elapsed: 1 } : { epoch: 2, loss: 0.5, elapsed: 2 });
    }
    reporter.flush();
    const partial = sent.filter((m) => m.partial);
    // the clock is read every 32 batches (32 ms): from 128 ms into each epoch, one message per 100 ms or so
    expect(partial.length).toBeGreaterThanOrEqual(14);
    expect(partial.length).toBeLessThanOrEqual(20);
    for (let i = 1; i < partial.length; i++) {
      const [a, b] = [partial[i - 1]!, partial[i]!];
      expect(b.elapsed - a.elapsed).toBeGreaterThanOrEqual(0.1);
      if (a.partial!.epoch === b.partial!.epoch) expect(b.partial!.rowsDone).toBeGreaterThan(a.partial!.rowsDone);
    }
    expect(partial.every((m) => m.partial!.rows === 10_000 && m.partial!.rowsDone < 10_000)).toBe(true);
    expect(new Set(partial.map((m) => m.partial!.epoch))).toEqual(new Set([1, 2]));
    // and every epoch still arrives, in order
    expect(sent.flatMap((m) => m.epochs.map((e) => e.epoch))).toEqual([1, 2]);
  });

  it('reports short epochs whole, never a share of one', () => {
    let clock = 0;
    const sent: ProgressMessage[] = [];
    const reporter = createProgressReporter({ runId: 'r', totalEpochs: 500, post: (m) => sent.push(m), now: () => clock });
    // 500 epochs of 77 batches (Pima in batches of 10), 2 ms an epoch
    for (let n = 1; n <= 500; n++) {
      for (let b = 1; b <= 77; b++) {
        clock += 2 / 77;
        reporter.batch(n, Math.min(b * 10, 768), 768);
      }
      reporter.epoch(epoch(n));
    }
    reporter.flush();
    expect(sent.some((m) => m.partial)).toBe(false);
    expect(sent.flatMap((m) => m.epochs.map((e) => e.epoch))).toHaveLength(500);
  });
});
