// The report's pages made from real runs: tables read by the real importer over the contract, trained in the pool,
// what matters computed by main/services/explanations.ts; what each section says checked against the data's own
// facts (Pima's zeros, its 54 test rows with diabetes, the weights' count), not against the report's own output.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PayloadOf, PlanDraft, Run } from '../../main/contract';
import { explainInputs } from '../../main/services/explanations';
import { TrainingService } from '../../main/services/training';
import { summarizeFolds } from '../../workers/cross-validation';
import type { Importance } from '../../workers/engine/explain';
import { reportPage, type ReportFacts } from '../../renderer/src/lib/report-content';
import { MOST_BARS, importanceBars } from '../../renderer/src/lib/importance-bars';
import { pricesCsv } from '../e2e/made-up-tables';
import { DIABETES, useHarness } from '../main/api/harness';

const harness = useHarness();
const pool = new TrainingService({ poolOptions: { maxThreads: 1 } });
afterAll(() => pool.close());

const WORDS = { positive: 'people with diabetes', negative: 'people without diabetes' };
const ZEROS = 'A 0 counts as missing (not measured) in Glucose (5 rows), BloodPressure (35 rows), SkinThickness (227 rows), Insulin (374 rows) and BMI (11 rows).';

/** Writes a table, imports it through the contract, trains the starting plan as changed by `change`. */
async function trainedTable(name: string, csv: string, change: (plan: PlanDraft) => PlanDraft = (p) => p): Promise<Run> {
  const { api, dir } = harness.h;
  const file = path.join(dir, name);
  writeFileSync(file, csv);
  await api.project.new();
  await api.dataset.import({ path: file });
  await api.project.setPlan({ plan: change((await api.project.state()).plan!) });
  const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => api.onTrainingFinished(resolve));
  await api.training.start();
  return (await finished).run;
}

/** Everything the Report screen hands reportPage, as the main side gives it. */
async function factsOf(run: Run, more: Partial<ReportFacts> = {}): Promise<ReportFacts> {
  const state = await harness.h.api.project.state();
  return {
    project: state.name,
    run,
    dataset: state.dataset!,
    profiles: state.describe!.profiles,
    notUsed: state.describe!.roles.notUsed,
    labelTask: state.describe!.labelTask,
    classWords: WORDS,
    aboutData: null,
    crossValidation: null,
    importance: null,
    now: Date.UTC(2026, 4, 3),
    ...more,
  };
}

function withPatientNumbers(rows = Infinity): string {
  const lines = readFileSync(DIABETES, 'utf8').trim().split('\n');
  return [`PatientID,${lines[0]}`, ...lines.slice(1, rows + 1).map((line, i) => `${1001 + i},${line}`)].join('\n') + '\n';
}

const smallNetwork = (plan: PlanDraft): PlanDraft => ({
  ...plan,
  hidden: [{ units: 8, activation: 'relu' }],
  training: { ...plan.training, epochs: 40, batchSize: 16, optimizer: { name: 'adam', learningRate: 0.01 } },
});

describe('a report page of a run', () => {
  let run: Run;
  let importance: Importance;

  it('says what was done to the data: the identifier left out with why, the zeros, the fills, the split', async () => {
    run = await trainedTable('patients.csv', withPatientNumbers(), smallNetwork);
    const page = reportPage(await factsOf(run));
    const lines = page.data.lines;
    expect(lines[0]).toBe('patients.csv: 768 rows, 10 columns.');
    expect(lines).toContain('It predicts Outcome: yes or no, “0” (500 rows) and “1” (268 rows).');
    expect(lines).toContain(
      'Column "PatientID" of patients.csv is not used as an input: it looks like a record number or code (a different value on almost every row), so it cannot help predict.',
    );
    expect(lines).toContain(ZEROS);
    // the fills are the ones training measured and the weights hold
    const fill = (name: string) => String((run.weights!.inputs.find((i) => i.name === name) as { missing: { fill: number } }).missing.fill);
    expect(lines).toContain(
      `Missing numbers are filled with the median of the training rows (Glucose ${fill('Glucose')}, BloodPressure ${fill('BloodPressure')}, SkinThickness ${fill('SkinThickness')}, Insulin ${fill('Insulin')} and BMI ${fill('BMI')}).`,
    );
    const { train, validation, test } = run.rows!;
    expect(train + validation + test).toBe(768);
    expect(lines).toContain(`Rows: ${train} to learn from, ${validation} to decide when to stop (validation) and ${test} kept for the final test, picked at random (seed 7), each part with the same share of each answer.`);
    expect(lines.some((l) => l.startsWith('Left out by choice'))).toBe(false);
    expect(page.data.about).toBeNull();
  });

  it('says the network, its weights counted by hand, and the settings it trained with', async () => {
    const [network, output, settings] = reportPage(await factsOf(run)).model;
    // 8 inputs × 8 units + 8 biases, then 8 × 1 + 1
    expect(network).toBe('The network: 8 inputs → 1 layer: 8 (relu) → output; 81 weights learned.');
    expect(output).toContain('the probability that it is 1');
    expect(settings).toContain('learning rate 0.01;');
    expect(settings).toContain('batches of 16 rows');
  });

  it('says the answers by the names given to them, where there are names', async () => {
    const page = reportPage({ ...(await factsOf(run)), answerNames: { '1': 'diabetes', '0': 'no diabetes' } });
    expect(page.data.lines).toContain('It predicts Outcome: yes or no, “no diabetes” (500 rows) and “diabetes” (268 rows).');
    expect(page.model[1]).toContain('the probability that it is diabetes');
    expect(page.quality.baseline).toBe('Always answering “no diabetes”, the most common answer, would score 65 %.');
  });

  it('scores it with its range, the baseline and the confusion sentences of its 154 test rows, 54 with diabetes', async () => {
    const { quality, curves } = reportPage(await factsOf(run));
    expect(quality.headline).toMatch(/^Accuracy \d+ % \(likely between \d+ % and \d+ %\) on 154 rows$/);
    expect(quality.figures.join('; ')).toMatch(/^precision \d+ %, likely between \d+ % and \d+ %; recall/);
    expect(quality.baseline).toBe('Always answering “0”, the most common answer, would score 65 %.');
    expect(quality.threshold).toBe('At the decision threshold 0.50:');
    const [found, missed] = /^Of 54 people with diabetes, the model found (\d+) \(\d+ %\) and missed (\d+)\.$/.exec(quality.confusion[0]!)!.slice(1).map(Number);
    expect(found! + missed!).toBe(54);
    expect(quality.confusion[1]).toMatch(/^Of 100 people without diabetes, it rightly left \d+ alone/);
    expect(quality.verdict).toContain('of the 154 test rows right, against 65 %');
    expect(quality.crossValidation).toBeNull();
    expect(curves.loss.map((s) => s.points.length)).toEqual([run.history.length, run.history.length]);
    expect(curves.epochs).toBe(run.history.length);
  });

  it('ranks what matters from a real permutation importance, Glucose among the first two', async () => {
    const dataset = harness.h.core.context.session.requireDataset().data;
    importance = await explainInputs(pool, dataset, { weights: run.weights!, plan: run.plan, evaluatedOn: 'test' });
    const bars = reportPage(await factsOf(run, { importance })).importance!;
    expect(bars.measured).toBe('Each bar: the accuracy it loses when that input is shuffled among the 154 test rows, on average over 5 shuffles.');
    expect(bars.sentence).toMatch(/^\w+ matters most: shuffling it costs \d+ points? of accuracy/);
    expect(bars.bars.map((b) => b.input).sort()).toEqual([...run.plan.features].sort());
    expect(bars.bars.map((b) => b.input)).not.toContain('PatientID');
    expect(bars.bars.slice(0, 2).map((b) => b.input)).toContain('Glucose');
    expect(bars.bars[0]!.share).toBe(1);
    const shares = bars.bars.map((b) => b.share);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    // a bar's length is its cost against the biggest one's
    const glucose = importance.inputs.find((i) => i.input === 'Glucose')!;
    const top = Math.max(...importance.inputs.map((i) => i.mean));
    expect(bars.bars.find((b) => b.input === 'Glucose')!.share).toBeCloseTo(Math.max(0, glucose.mean) / top, 12);
    expect(bars.rest).toBeNull();
  });

  it('draws at most ten bars and says the rest in one line', () => {
    const wide: Importance = { ...importance, inputs: Array.from({ length: 14 }, (_, i) => ({ input: `c${i}`, mean: (14 - i) / 100, sd: 0, drops: [] })) };
    const bars = importanceBars(wide, 'test');
    expect(bars.bars).toHaveLength(MOST_BARS);
    expect(bars.rest).toBe('And 4 more inputs, each costing at most 4.0 points.');
    expect(bars.bars.map((b) => b.figure).slice(0, 2)).toEqual(['14.0 points', '13.0 points']);
  });

  it('says its limits: what it learned from, what it cannot see, a decision aid and not a diagnosis', async () => {
    const limits = reportPage(await factsOf(run)).limits;
    expect(limits[0]).toBe(`It learned from ${run.rows!.train} of the 768 rows of patients.csv, and holds only for cases like those rows: people, places or times unlike them may be answered wrongly, with no warning.`);
    expect(limits[1]).toBe('It sees only its 8 inputs; anything else about a case is hidden from it, and values beyond those in its training rows are guesses.');
    expect(limits[2]).toBe('It is a decision aid only, not a diagnosis or a decision: a person who knows the case decides.');
    // 154 test rows are enough: no caution
    expect(limits).toHaveLength(3);
  });

  it('prints the person\'s "About this data" and the cross-validation, when there are', async () => {
    const cv = summarizeFolds('accuracy', [0.74, 0.78, 0.71, 0.77, 0.75], [123, 123, 123, 123, 122]);
    const page = reportPage(await factsOf(run, { aboutData: '  Patients of one clinic, 2021 to 2023.  ', crossValidation: cv }));
    expect(page.data.about).toBe('Patients of one clinic, 2021 to 2023.');
    expect(page.limits[0]).toContain('holds only for cases like the rows described under “About this data”');
    expect(page.quality.crossValidation).toBe('Cross-validation: Over 5 folds: 75 % on average, from 71 % to 78 % (± 3 points).');
    expect(page.title).toBe('patients: Run 1');
    expect(page.subtitle).toMatch(/^Trained on \d{1,2} \w+ \d{4} · report made on 3 May 2026$/);
  });

  it('cautions that a small test set could be far off', async () => {
    const small = await trainedTable('few patients.csv', withPatientNumbers(150), smallNetwork);
    const limits = reportPage(await factsOf(small)).limits;
    expect(small.rows!.test).toBe(30);
    expect(limits.find((l) => l.startsWith('Only 30 rows were kept for testing; the score could easily be'))).toMatch(
      /^Only 30 rows were kept for testing; the score could easily be \d+ points off\. Cross-validation gives a steadier figure\.$/,
    );
  });

  it('for a number to predict: its range, the average as baseline, an estimate and no diagnosis', async () => {
    const prices = await trainedTable('prices.csv', pricesCsv(), (plan) => ({ ...smallNetwork(plan), label: 'price', features: ['size', 'rooms'] }));
    const page = reportPage(await factsOf(prices, { labelTask: null }));
    // regression guarded: the label's range read "a number, from 146.3 to 670.2"
    expect(page.data.lines).toContainEqual(expect.stringMatching(/^It predicts price, a number from [\d.]+ to [\d.]+ \(average [\d.]+\)\.$/));
    expect(page.quality.headline).toMatch(/^R² [\d.]+ \(likely between [\d.-]+ and [\d.]+\) on 60 rows$/);
    expect(page.quality.baseline).toMatch(/^Always answering the average \([\d.]+\) would miss by [\d.]+ \(MAE\); the model misses by [\d.]+\.$/);
    expect(page.quality.confusion).toEqual([]);
    expect(page.curves.scoreTitle).toBe('typical miss (MAE)');
    expect(page.limits[2]).toBe('Its answers are estimates, a decision aid only: a person who knows the case decides.');
    expect(page.limits.join(' ')).not.toContain('diagnosis');
  });
});
