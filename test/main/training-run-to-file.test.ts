// A run the training service ended becomes the project's run, and its file's run, by the services' own functions
// (what `train --save` calls): every field the task handed back is kept.
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../workers/data';
import { TrainingPlanSchema } from '../../workers/plan';
import { StoredRunSchema } from '../../main/project/schema';
import { runFromStored, storedRun } from '../../main/services/project-convert';
import { runOfTraining } from '../../main/services/runs';
import { TrainingService } from '../../main/services/training';

const training = new TrainingService({ poolOptions: { maxThreads: 1 } });
afterAll(() => training.close());

/** 120 rows, every tenth without a value in b: the run leaves them out and says so. */
function table(): ReturnType<typeof parseCsv> {
  const lines = ['a,b,y'];
  for (let i = 0; i < 120; i++) {
    const a = Math.sin(i * 12.9898) * 2;
    const b = Math.cos(i * 78.233) * 2;
    lines.push(`${a.toFixed(4)},${i % 10 === 0 ? '' : b.toFixed(4)},${a + b > 0 ? 1 : 0}`);
  }
  return parseCsv(new TextEncoder().encode(`${lines.join('\n')}\n`), 'made-up.csv');
}

describe('a run the training service ended, to the project file and back', () => {
  it('keeps its status, stop reason, rows, warnings, weights and evaluation', async () => {
    const plan = TrainingPlanSchema.parse({
      features: ['a', 'b'],
      label: 'y',
      preparation: { numericMissing: 'drop' },
      split: { validation: 0.25, test: 0.25, seed: 3 },
      hidden: [{ units: 4, activation: 'relu' }],
      training: { epochs: 20, batchSize: 8 },
    });
    const { runId } = training.start(table(), plan);
    const ended = await training.whenDone(runId);
    const result = ended.result!;

    const run = runOfTraining(ended, 'Run 1');
    expect(run).toMatchObject({
      id: runId,
      name: 'Run 1',
      status: 'completed',
      stopReason: 'completed',
      rows: result.rows,
      warnings: [expect.stringMatching(/^\d+ training rows with missing values are left out/)],
      trainSeconds: result.trainSeconds,
      weights: result.weights,
      evaluation: result.evaluation,
      history: result.history,
    });
    expect(run.finishedAt).toBe(ended.finishedAt);

    const file = StoredRunSchema.parse(JSON.parse(JSON.stringify(storedRun(run))));
    expect(runFromStored(file)).toEqual(run);
  });
});
