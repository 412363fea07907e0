// The search's space: seeded candidates inside the ranges the app explains, the straight-line baseline always first,
// and every candidate a valid plan made from the user's (same columns, preparation and test rows; early stopping on).
import { describe, expect, it } from 'vitest';
import { parseCsv, splitRows } from '../../workers/data';
import { TrainingPlanSchema } from '../../workers/plan';
import {
  BASELINE_CHOICE,
  BUDGETS,
  candidatePlan,
  keptFor,
  networkShortName,
  networkWords,
  sampleCandidates,
  scoringsOf,
  searchSpaceWords,
} from '../../workers/search-space';
import { rankedCandidates, scoreWords, type Candidate } from '../../workers/search-board';

const userPlan = TrainingPlanSchema.parse({
  features: ['a', 'b'],
  label: 'y',
  preparation: { zeroAsMissing: ['a'], scaling: 'minmax' },
  split: { validation: 0, test: 0.25, seed: 11 },
  hidden: [{ units: 3, activation: 'sigmoid' }],
  training: { epochs: 7, batchSize: 5, earlyStopping: null, optimizer: { name: 'sgd', learningRate: 0.5 } },
});

describe('the search space', () => {
  it('gives the same candidates for the same seed, and others for another seed', () => {
    const a = sampleCandidates(BUDGETS.quick, 42, true);
    expect(sampleCandidates(BUDGETS.quick, 42, true)).toEqual(a);
    expect(sampleCandidates(BUDGETS.quick, 43, true).map((c) => c.choice)).not.toEqual(a.map((c) => c.choice));
  });

  it('always starts with the straight-line baseline, then the brackets in order, numbered from 1', () => {
    for (const budget of Object.values(BUDGETS)) {
      const candidates = sampleCandidates(budget, 3, true);
      expect(candidates[0]).toEqual({ id: 1, bracket: 0, baseline: true, choice: BASELINE_CHOICE });
      expect(candidates.filter((c) => c.baseline)).toHaveLength(1);
      expect(candidates.map((c) => c.id)).toEqual(candidates.map((_, i) => i + 1));
      budget.brackets.forEach((bracket, b) => {
        expect(candidates.filter((c) => !c.baseline && c.bracket === b)).toHaveLength(bracket.candidates);
      });
    }
  });

  it('keeps every choice inside the ranges the app explains', () => {
    const candidates = sampleCandidates(BUDGETS.thorough, 5, true);
    const depths = new Set<number>();
    for (const { choice } of candidates) {
      depths.add(choice.hidden.length);
      expect(choice.hidden.length).toBeLessThanOrEqual(3);
      choice.hidden.forEach((layer, i) => {
        expect([4, 8, 16, 32, 64]).toContain(layer.units);
        expect(['relu', 'tanh', 'elu']).toContain(layer.activation);
        expect([undefined, 0.1, 0.2, 0.3]).toContain(layer.dropout);
        if (i > 0) expect(layer.units).toBeLessThanOrEqual(choice.hidden[i - 1]!.units);
        expect(layer.activation).toBe(choice.hidden[0]!.activation);
      });
      expect(choice.learningRate).toBeGreaterThanOrEqual(0.0003);
      expect(choice.learningRate).toBeLessThanOrEqual(0.03);
      expect(choice.l2 === 0 || (choice.l2 >= 0.00001 && choice.l2 <= 0.01)).toBe(true);
      expect([16, 32, 64]).toContain(choice.batchSize);
    }
    expect([...depths].sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(candidates.map((c) => c.choice.classWeights))).toEqual(new Set(['none', 'balanced']));
    // a number to predict has no classes to weigh
    expect(new Set(sampleCandidates(BUDGETS.thorough, 5, false).map((c) => c.choice.classWeights))).toEqual(new Set(['none']));
  });

  it("makes each candidate a valid plan from the user's: same columns and preparation, its own layers, early stopping on", () => {
    for (const { choice } of sampleCandidates(BUDGETS.quick, 9, true)) {
      const plan = candidatePlan(userPlan, choice, 90, 4);
      expect(TrainingPlanSchema.parse(plan)).toEqual(plan);
      expect(plan.features).toEqual(userPlan.features);
      expect(plan.label).toBe('y');
      expect(plan.preparation).toEqual(userPlan.preparation);
      expect(plan.split).toEqual({ ...userPlan.split, validation: 0.15 });
      expect(plan.hidden).toEqual(choice.hidden);
      expect(plan.training).toMatchObject({
        epochs: 90,
        seed: 4,
        batchSize: choice.batchSize,
        l2: choice.l2,
        classWeights: choice.classWeights,
        optimizer: { name: 'adam', learningRate: choice.learningRate },
        earlyStopping: { patience: 9, restoreBestWeights: true },
      });
    }
  });

  it('gives a plan that keeps no validation rows some for early stopping, without moving its test rows', () => {
    const lines = ['a,b,y', ...Array.from({ length: 80 }, (_, i) => `${i % 7},${(i * 3) % 11},${i % 3 === 0 ? 1 : 0}`)];
    const table = parseCsv(new TextEncoder().encode(`${lines.join('\n')}\n`), 'made-up.csv');
    const plan = candidatePlan(userPlan, BASELINE_CHOICE, 30, 1);
    expect(plan.split.validation).toBeGreaterThan(0);
    const before = splitRows(table, 'y', userPlan.split, 'binary');
    const after = splitRows(table, 'y', plan.split, 'binary');
    expect(after.validation.length).toBeGreaterThan(0);
    expect([...after.test]).toEqual([...before.test]);
  });

  it('counts the scorings of a budget: every round of every bracket, the baseline in each round of the first', () => {
    // quick: 54 + 1, 18 + 1, 6 + 1 in the first bracket; 18, 6 in the second
    expect(scoringsOf(BUDGETS.quick)).toBe(55 + 19 + 7 + 18 + 6);
    expect(keptFor(54)).toBe(18);
    expect(keptFor(2)).toBe(1);
  });

  it('says each network and score in words', () => {
    expect(networkWords([])).toBe('No hidden layer (a straight line)');
    expect(networkWords([{ units: 16, activation: 'relu' }, { units: 8, activation: 'relu' }])).toBe('2 layers: 16, 8 (relu)');
    expect(networkWords([{ units: 32, activation: 'tanh', dropout: 0.2 }])).toBe('1 layer: 32 (tanh, dropout 20 %)');
    expect(networkShortName([{ units: 16, activation: 'relu' }, { units: 8, activation: 'relu' }])).toBe('16-8 relu');
    expect(networkShortName([])).toBe('straight line');
    expect(scoreWords({ metric: 'accuracy', mean: 0.7763, sd: 0.0214 })).toBe('77.6 % ± 2.1');
    expect(scoreWords({ metric: 'r2', mean: 0.81234, sd: 0.03 })).toBe('R² 0.812 ± 0.030');
    expect(searchSpaceWords(true)[0]).toMatch(/^0 to 3 hidden layers\. 0 is a straight-line model/);
    expect(searchSpaceWords(true).some((w) => /Class weights/.test(w))).toBe(true);
    expect(searchSpaceWords(false).some((w) => /Class weights/.test(w))).toBe(false);
  });

  it('ranks the longest-trained first, then by score, then the smaller network; unscored last', () => {
    const c = (id: number, epochs: number, mean: number | null, weights = 10): Candidate => ({
      id,
      baseline: id === 1,
      choice: BASELINE_CHOICE,
      status: mean === null ? 'stopped' : 'scored',
      cv: mean === null ? null : { metric: 'accuracy', folds: [mean], mean, sd: 0, rows: [10] },
      epochs,
      rounds: mean === null ? 0 : 1,
      trying: null,
      weights,
      seconds: 0,
      message: null,
    });
    const ranked = rankedCandidates([c(5, 0, null), c(1, 270, 0.7), c(2, 90, 0.9), c(3, 270, 0.8, 100), c(4, 270, 0.8, 20)]);
    expect(ranked.map((x) => x.id)).toEqual([4, 3, 1, 2, 5]);
  });
});
