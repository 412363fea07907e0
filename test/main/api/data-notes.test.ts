// The data's notes through the contract, as the Data screen gets them: in the dataset summary and the label's task,
// worded as the CLI words them; regression chosen for a numeric label; an import error's hint carried once.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiError, PayloadOf } from '../../../main/contract';
import { ROOT, useHarness } from './harness';

const FIXTURES = path.join(ROOT, 'test/fixtures/csv');

const harness = useHarness();

describe('notes on the Data screen', () => {
  it('renamed header cells come in the summary, rows without a label with the label', async () => {
    const summary = await harness.h.api.dataset.import({ path: path.join(FIXTURES, 'renamed-headers.csv') });
    // regression: the app renamed header cells and dropped label-less rows without a word
    expect(summary.notes.map((n) => n.message)).toEqual([
      'Column 2 of renamed-headers.csv has no name in the header row, so it is called "column 2" here.',
      'Column 3 of renamed-headers.csv is named "a" in the header row, like column 1, so it is called "a (2)" here.',
    ]);
    expect(summary.notes[0].app).toBe('Its card below uses that name; to change it, give the column its own name in the file and import it again.');
    const described = await harness.h.api.dataset.describe();
    expect(described.labelTask?.notes?.map((n) => n.message)).toEqual([
      '7 rows of the 20 in renamed-headers.csv have no value in the label smoker (file rows 2, 5, 8, 11, 14, ...), so they are left out of training and testing.',
    ]);
    expect((await harness.h.api.project.state()).dataset?.notes).toEqual(summary.notes);
  });

  it('a numeric label read as classes: the plan\'s task makes it a regression, and trains as one', async () => {
    await harness.h.api.dataset.import({ path: path.join(FIXTURES, 'whole-number-label.csv') });
    const before = await harness.h.api.dataset.describe();
    expect(before.labelTask?.task).toBe('multiclass');
    expect(before.labelTask?.notes?.[0]).toMatchObject({ code: 'label_few_numbers', action: { do: 'predict_as_number' } });

    const plan = (await harness.h.api.project.state()).plan!;
    expect(plan.label).toBe('score');
    await harness.h.api.project.setPlan({ plan: { ...plan, task: 'regression', training: { ...plan.training, loss: 'auto', epochs: 3 } } });
    const after = await harness.h.api.dataset.describe();
    expect(after.labelTask?.task).toBe('regression');
    expect(after.labelTask?.notes?.map((n) => n.code)).toEqual(['regression_chosen']);

    const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => harness.h.api.onTrainingFinished(resolve));
    await harness.h.api.training.start();
    const { run } = await finished;
    expect(run.status).toBe('completed');
    expect(run.weights?.task).toBe('regression');
  });

  it('an import error carries its hint once: apart from the message, not also at its end', async () => {
    const file = path.join(harness.h.dir, 'ragged.csv');
    writeFileSync(file, 'a,b,c\n1,2,3\n4,5\n6,7,8\n');
    const e = (await harness.h.api.dataset.import({ path: file }).catch((error: unknown) => error)) as ApiError;
    expect(e.code).toBe('ragged_rows');
    // regression: the message ended with the hint and the app showed it again as "What to do"
    expect(e.message).toBe('Row 3 of ragged.csv has 2 values but the header has 3.');
    expect(e.hint).toBe("Fix the file or choose 'skip bad rows'.");
  });
});
