// Quality benchmark: the 5-fold cross-validated accuracy on diabetes.csv of the plan `npm run train -- --csv
// datasets/diabetes.csv --label Outcome` makes (so the row follows the defaults as they change), the same folds with no
// hidden layer (our logistic regression), scikit-learn's figures on our folds beside them, and how much faster the
// folds run on 2 threads than on 1. Run alone: `npx tsx test/bench/quality.ts`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseTrainOptions } from '../../main/cli/options';
import { planFromOptions } from '../../main/cli/train-plan';
import { crossValidate } from '../../main/services/cross-validation';
import { loadDataset } from '../../main/services/datasets';
import { createPool } from '../../main/services/pool';
import { TrainingService } from '../../main/services/training';
import { DEFAULT_FOLDS, type CrossValidation } from '../../workers/cross-validation';
import { labelTask } from '../../workers/data/roles';
import { crossValidationSplits } from '../../workers/data/split';
import type { Dataset } from '../../workers/data/dataset';
import type { TrainingPlan } from '../../workers/plan';

export interface BenchRow { name: string; ours: number; peer?: number; unit: string; note?: string }

const ROOT = path.resolve(__dirname, '..', '..');
const DIABETES = path.join(ROOT, 'datasets', 'diabetes.csv');

/** scikit-learn 1.5 on the same 5 folds (cross_val_score, StandardScaler in a pipeline), measured on another machine:
 * Python is not installed here. */
const SKLEARN = { logistic: 0.776, mlp16x8: 0.767 };
const TARGET = 0.77;
const TARGET_SPEEDUP = 1.8;
/** each timing is the fastest of this many (the machine is shared: the fastest is the least disturbed) */
const TIMINGS = 7;
/** rounds before the clock, at least: each thread starts (tsx compiles the worker in it) and its JIT warms up */
const WARM_UP = 3;

interface Diabetes {
  dataset: Dataset;
  defaults: TrainingPlan;
  logistic: TrainingPlan;
  /** the defaults with every epoch run (no early stopping): each fold does the same work, so the timing is of it */
  allEpochs: TrainingPlan;
}

async function diabetes(): Promise<Diabetes> {
  const loaded = await loadDataset(readFileSync(DIABETES), 'diabetes.csv', DIABETES, { header: 'auto' });
  const planOf = (...extra: string[]) =>
    planFromOptions(parseTrainOptions(['--csv', 'datasets/diabetes.csv', '--label', 'Outcome', ...extra]), loaded.data, loaded.describe.profiles).plan;
  const defaults = planOf();
  return { dataset: loaded.data, defaults, logistic: planOf('--layers', 'none'), allEpochs: planOf('--epochs', String(defaults.training.epochs)) };
}

function network(plan: TrainingPlan): string {
  return plan.hidden.length ? plan.hidden.map((l) => `${l.units} ${l.activation}`).join(', ') : 'no hidden layer';
}

function figures(cv: CrossValidation): string {
  return `mean ${cv.mean.toFixed(3)} ± ${cv.sd.toFixed(3)} (sd), folds ${cv.folds.map((f) => f.toFixed(3)).join(', ')}`;
}

/** Our folds' rows scored by scikit-learn: logistic regression and an MLP 16-8, each after StandardScaler. */
const SKLEARN_SCRIPT = `
import json, sys
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
data = np.loadtxt(sys.argv[1], delimiter=',', skiprows=1)
x, y = data[:, :-1], data[:, -1]
folds = json.load(sys.stdin)
def score(make):
    return float(np.mean([make().fit(x[f['fit']], y[f['fit']]).score(x[f['test']], y[f['test']]) for f in folds]))
print(json.dumps({
    'logistic': score(lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))),
    'mlp16x8': score(lambda: make_pipeline(StandardScaler(), MLPClassifier((16, 8), max_iter=2000, random_state=0))),
}))
`;

/** scikit-learn on our folds, measured in this run when it is installed; else the figures measured elsewhere. */
function sklearnFigures(dataset: Dataset, plan: TrainingPlan): { logistic: number; mlp16x8: number; where: string } {
  try {
    execFileSync('python3', ['-c', 'import sklearn'], { stdio: 'ignore' });
  } catch {
    return { ...SKLEARN, where: 'scikit-learn measured elsewhere (python3 has no sklearn here)' };
  }
  const task = labelTask(dataset, plan.label, plan.task).task;
  const folds = crossValidationSplits(dataset, plan.label, plan.split, task, DEFAULT_FOLDS).map((rows) => ({
    fit: [...rows.train, ...rows.validation],
    test: [...rows.test],
  }));
  const measured = JSON.parse(execFileSync('python3', ['-c', SKLEARN_SCRIPT, DIABETES], { input: JSON.stringify(folds) }).toString()) as typeof SKLEARN;
  return { ...measured, where: 'scikit-learn measured in this run on the same folds' };
}

/** The two cross-validated accuracy rows (defaults, no hidden layer), each with scikit-learn's figure as its peer. */
export async function benchCrossValidatedAccuracy(): Promise<BenchRow[]> {
  const { dataset, defaults, logistic } = await diabetes();
  const training = new TrainingService();
  try {
    const [ours, straight] = await Promise.all([crossValidate(training, dataset, defaults), crossValidate(training, dataset, logistic)]);
    const sklearn = sklearnFigures(dataset, defaults);
    return [
      {
        name: `diabetes.csv 5-fold CV accuracy, CLI defaults (${network(defaults)}); peer: scikit-learn MLP 16-8`,
        ours: ours.cv.mean,
        peer: sklearn.mlp16x8,
        unit: 'accuracy',
        note: `${figures(ours.cv)}; target >= ${TARGET}: ${ours.cv.mean >= TARGET ? 'reached' : 'NOT reached'}; peer: ${sklearn.where}`,
      },
      {
        name: 'diabetes.csv 5-fold CV accuracy, same folds, 0 hidden layers (logistic regression); peer: scikit-learn LR',
        ours: straight.cv.mean,
        peer: sklearn.logistic,
        unit: 'accuracy',
        note: `${figures(straight.cv)}; peer: ${sklearn.where}`,
      },
    ];
  } finally {
    await training.close();
  }
}

/** A pool of `threads` threads behind a training service, warmed until every thread is up and has run the work. */
async function warmPool(threads: number, work: (training: TrainingService) => Promise<unknown>): Promise<{ training: TrainingService; close(): Promise<void> }> {
  const pool = createPool({ maxThreads: threads });
  const training = new TrainingService({ pool });
  // a thread starts in about a second while a round of folds may take less: warm until every thread is up
  for (let i = 0; i < WARM_UP || pool.threads.length < threads; i++) await work(training);
  return { training, close: async () => (await training.close(), await pool.destroy()) };
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * The fastest of TIMINGS runs of `work` on 1 thread and on 2, taken in turns so that both meet the same load of a
 * shared machine, and the median of the turns' ratios.
 */
async function oneAgainstTwo(work: (training: TrainingService) => Promise<unknown>): Promise<{ one: number; two: number; medianRatio: number }> {
  const one = await warmPool(1, work);
  const two = await warmPool(2, work);
  try {
    const ones: number[] = [];
    const twos: number[] = [];
    for (let i = 0; i < TIMINGS; i++) {
      ones.push(await seconds(() => work(one.training)));
      twos.push(await seconds(() => work(two.training)));
    }
    const ratios = ones.map((t, i) => t / twos[i]!).sort((a, b) => a - b);
    return { one: Math.min(...ones), two: Math.min(...twos), medianRatio: ratios[Math.floor(ratios.length / 2)]! };
  } finally {
    await one.close();
    await two.close();
  }
}

/**
 * 5-fold CV with 2 threads against 1 (the peer column), and what `train --folds 5` trains: the 5 folds and the run
 * itself, 6 trainings. The plan is the defaults with all their epochs: stopped early, a fold of the Pima data trains
 * in about 20 ms, less than what a task costs to hand over, and its time says nothing of the threads. Five equal folds
 * on two threads take three rounds against five, so their ratio cannot pass 5/3 = 1.67; six trainings can reach 2.
 */
export async function benchParallelFolds(): Promise<BenchRow[]> {
  const { dataset, allEpochs: plan } = await diabetes();
  const folds = (training: TrainingService) => crossValidate(training, dataset, plan);
  const foldsAndRun = (training: TrainingService) => {
    const { runId } = training.start(dataset, plan);
    return Promise.all([folds(training), training.whenDone(runId)]);
  };
  const rows: BenchRow[] = [];
  for (const [name, work, ceiling] of [
    [`5-fold CV of the defaults, all ${plan.training.epochs} epochs`, folds, 5 / 3],
    ['train --folds 5 (5 folds + the run)', foldsAndRun, 2],
  ] as const) {
    const { one, two, medianRatio } = await oneAgainstTwo(work);
    const speedup = one / two;
    rows.push({
      name: `Parallel: ${name}, 2 workers; peer: 1 worker`,
      ours: two,
      peer: one,
      unit: 's',
      note:
        `${speedup.toFixed(2)}x as fast on 2 workers (target >= ${TARGET_SPEEDUP}: ${speedup >= TARGET_SPEEDUP ? 'reached' : 'NOT reached'}; ` +
        `at most ${ceiling.toFixed(2)}x for ${work === folds ? 5 : 6} equal trainings on 2 threads); fastest of ${TIMINGS} in turns, ` +
        `median ratio of the turns ${medianRatio.toFixed(2)}x; ` +
        `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores when measured`,
    });
  }
  return rows;
}

export async function benchQuality(): Promise<BenchRow[]> {
  return [...(await benchCrossValidatedAccuracy()), ...(await benchParallelFolds())];
}

if (require.main === module) {
  benchQuality().then(
    (rows) => {
      for (const row of rows) console.log(`${row.name}: ${row.ours.toFixed(3)} ${row.unit} (peer ${row.peer?.toFixed(3) ?? '-'})${row.note ? ` - ${row.note}` : ''}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
