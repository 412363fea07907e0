// Whether trained weights can go on learning under a plan: each thing that can differ, said in words; and the train
// task itself going on from them (its first epoch where the weights left off, their preparation kept).
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../workers/data';
import { continueMismatch } from '../../workers/continue-check';
import { TrainingPlanSchema, type TrainingPlan } from '../../workers/plan';
import { runTraining } from '../../workers/tasks/train-task';

/** 120 rows: y is "yes" when a + b > 0; c is a colour (categories), n a number, r a number to predict. */
function table(extra: { label?: (i: number) => string; header?: string } = {}) {
  const lines = [extra.header ?? 'a,b,c,n,r,y'];
  for (let i = 0; i < 120; i++) {
    const a = Math.sin(i * 12.9898) * 2;
    const b = Math.cos(i * 78.233) * 2;
    const y = extra.label ? extra.label(i) : a + b > 0 ? 'yes' : 'no';
    lines.push(`${a.toFixed(4)},${b.toFixed(4)},${['red', 'green', 'blue'][i % 3]},${i % 7},${(3 * a - b).toFixed(3)},${y}`);
  }
  return parseCsv(new TextEncoder().encode(`${lines.join('\n')}\n`), 'made-up.csv');
}

function plan(changes: Partial<TrainingPlan> = {}): TrainingPlan {
  return TrainingPlanSchema.parse({
    features: ['a', 'b', 'c'],
    label: 'y',
    split: { validation: 0.25, test: 0, seed: 3 },
    hidden: [{ units: 6, activation: 'relu' }, { units: 3, activation: 'tanh' }],
    training: { epochs: 60, batchSize: 8, seed: 5, optimizer: { name: 'adam', learningRate: 0.01 } },
    ...changes,
  });
}

const first = runTraining({ runId: 'first', dataset: table(), plan: plan() });
const weights = first.weights;

describe('continueMismatch', () => {
  it('finds nothing when the plan and the table are the ones the weights learned with', () => {
    expect(continueMismatch(weights, plan(), table())).toBeNull();
    // the training settings may change: more epochs, another learning rate
    expect(continueMismatch(weights, plan({ training: { ...plan().training, epochs: 5, optimizer: { name: 'sgd' } } }), table())).toBeNull();
  });

  it.each([
    ['other hidden units', plan({ hidden: [{ units: 32, activation: 'relu' }] }), 'its network has 6-3 hidden units and the plan now has 32'],
    ['no hidden layer', plan({ hidden: [] }), 'its network has 6-3 hidden units and the plan now has none'],
    ['other activations', plan({ hidden: [{ units: 6, activation: 'relu' }, { units: 3, activation: 'relu' }] }), 'its hidden layers use relu, tanh and the plan now uses relu, relu'],
    ['another output', plan({ output: { activation: 'linear' } }), 'its output layer uses sigmoid and the plan now uses linear'],
    ['a column left out', plan({ features: ['a', 'c'] }), 'it learned from b too, which the plan now leaves out'],
    ['a column added', plan({ features: ['a', 'b', 'c', 'n'] }), 'the plan now also uses n, which it never learned from'],
    ['one left out, one added', plan({ features: ['a', 'n', 'c'] }), 'it learned from b too, which the plan now leaves out; the plan now also uses n, which it never learned from'],
    ['another order', plan({ features: ['b', 'a', 'c'] }), 'the plan now lists its input columns in another order (b, a and c)'],
    ['another label', plan({ label: 'r', features: ['a', 'b', 'c'] }), 'it predicts y and the plan now predicts r'],
  ])('says so for %s', (_, changed, words) => {
    expect(continueMismatch(weights, changed, table())).toBe(words);
  });

  it('says so when the label holds other classes now', () => {
    const three = table({ label: (i) => ['no', 'yes', 'maybe'][i % 3]! });
    expect(continueMismatch(weights, plan(), three)).toBe('it predicts y as a yes/no answer and the plan now predicts it as one of several classes');
    const renamed = table({ label: (i) => (i % 2 ? 'oui' : 'non') });
    expect(continueMismatch(weights, plan(), renamed)).toBe('it tells apart no and yes and y now holds non and oui');
  });

  it('names a column the table does not have, and the table', () => {
    expect(continueMismatch(weights, plan({ features: ['a', 'c'] }), table({ header: 'a,B2,c,n,r,y' }))).toBe('it learned from b, which made-up.csv does not have');
  });

  it('says so when a column of numbers now holds text', () => {
    const texts = parseCsv(new TextEncoder().encode(`a,b,c,y\n${Array.from({ length: 40 }, (_, i) => `${i % 5},x${i % 4},red,${i % 2 ? 'yes' : 'no'}`).join('\n')}\n`), 'texts.csv');
    expect(continueMismatch(weights, plan(), texts)).toBe('it read b as numbers and the table now holds text there');
  });
});

describe('the train task, going on from weights', () => {
  const next = runTraining({ runId: 'next', dataset: table(), plan: plan({ training: { ...plan().training, epochs: 3 } }), startFrom: { weights, name: 'Run 1' } });

  it('starts where the weights left off, not where a new network starts', () => {
    const kept = first.history[first.keptEpoch - 1]!;
    const fresh = first.history[0]!;
    expect(fresh.val_loss! - kept.val_loss!).toBeGreaterThan(0.15);
    expect(Math.abs(next.history[0]!.val_loss! - kept.val_loss!)).toBeLessThan(0.05);
  });

  it('keeps the preparation the weights learned with, even when the plan now scales otherwise', () => {
    const minmax = plan({ preparation: { ...plan().preparation, scaling: 'minmax' } });
    const other = runTraining({ runId: 'other', dataset: table(), plan: { ...minmax, training: { ...minmax.training, epochs: 1 } }, startFrom: { weights, name: 'Run 1' } });
    expect(other.weights.inputs).toEqual(weights.inputs);
    expect(other.weights.inputs[0]).toMatchObject({ scale: { kind: 'standard' } });
  });

  it('refuses weights the plan does not fit, as the user\'s to fix', () => {
    expect(() => runTraining({ runId: 'x', dataset: table(), plan: plan({ hidden: [] }), startFrom: { weights, name: 'weights.json' } })).toThrowError(
      expect.objectContaining({ name: 'PlanError', message: expect.stringMatching(/^weights\.json cannot be continued: its network has 6-3 hidden units and the plan now has none\. /) }),
    );
  });
});
