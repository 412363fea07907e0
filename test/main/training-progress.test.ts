// The progress reporter batches epochs into at most one message per interval, loses none, and always sends the last.
import { describe, expect, it } from 'vitest';
import { createProgressReporter, type ProgressMessage } from '../../workers/progress';
import type { EpochMetrics } from '../../workers/engine/spec';

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
});
