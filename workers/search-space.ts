// What "Find a good network for me" tries: the space in plain words, the budgets, the seeded candidates, and each
// candidate as a full training plan made from the user's own (same columns, preparation and split).

import { z } from 'zod';
import { Rng } from './engine/rng';
import type { ActivationName } from './engine/spec';
import { LayerSchema, STARTING_SPLIT, TrainingPlanSchema, type LayerPlan, type TrainingPlan } from './plan';

/** What a candidate chooses; everything else comes from the user's plan. */
export const CandidateChoiceSchema = z.object({
  /** 0 to 3 hidden layers, each with its units, activation and dropout */
  hidden: z.array(LayerSchema).max(3),
  /** Adam's */
  learningRate: z.number().positive(),
  l2: z.number().min(0),
  batchSize: z.number().int().min(1),
  classWeights: z.enum(['none', 'balanced']),
});
export type CandidateChoice = z.infer<typeof CandidateChoiceSchema>;

const UNITS = [4, 8, 16, 32, 64] as const;
const ACTIVATIONS = ['relu', 'tanh', 'elu'] as const satisfies readonly ActivationName[];
const DROPOUTS = [0.1, 0.2, 0.3] as const;
const BATCH_SIZES = [16, 32, 64] as const;
const LEARNING_RATES = { from: 0.0003, to: 0.03 } as const;
const L2 = { from: 0.00001, to: 0.01 } as const;

/** The straight-line model every search tries first and keeps to the end, as the yardstick the others must beat. */
export const BASELINE_CHOICE: CandidateChoice = { hidden: [], learningRate: 0.01, l2: 0, batchSize: 32, classWeights: 'none' };

/** The space, one sentence per dimension, as the app and the CLI show it. */
export function searchSpaceWords(classify: boolean): string[] {
  return [
    '0 to 3 hidden layers. 0 is a straight-line model (logistic regression for classes, linear regression for a number), always tried, trained the same way, and kept to the end as the yardstick.',
    `${UNITS[0]} to ${UNITS[UNITS.length - 1]} units per layer (${UNITS.join(', ')}), each layer no wider than the one before.`,
    'Activation of the hidden layers: ReLU, tanh or ELU.',
    `Learning rate (Adam): from ${LEARNING_RATES.from} to ${LEARNING_RATES.to}.`,
    `Weight penalty (L2): none, or from ${L2.from} to ${L2.to}.`,
    `Dropout: none, or ${DROPOUTS.map((d) => `${Math.round(d * 100)} %`).join(', ')} of each hidden layer's outputs while training.`,
    `Batch size: ${BATCH_SIZES.join(', ')} rows.`,
    ...(classify ? ['Class weights: none, or balanced (a rare class counts as much as a common one).'] : []),
    'Early stopping is always on: training ends when the validation rows stop improving, and the best weights are kept.',
  ];
}

/** How the budget is spent, in plain words. */
export function searchMethodWords(folds: number): string[] {
  return [
    `Each candidate is scored by ${folds}-fold cross-validation on the training rows only: the test rows are never seen by the search.`,
    'Many candidates are trained briefly, the best third of them again for longer, and the best of those for longest (successive halving), on every core at once.',
  ];
}

export const BUDGET_NAMES = ['quick', 'thorough'] as const;
export type BudgetName = (typeof BUDGET_NAMES)[number];

/** A successive-halving bracket: `candidates` tried with the first epochs, the best third kept for the next, ... */
export interface Bracket {
  candidates: number;
  /** the most epochs of each round (early stopping ends sooner) */
  epochs: number[];
}

export interface Budget {
  name: BudgetName;
  /** e.g. "about 10 seconds" */
  about: string;
  /** the rounds of the baseline's bracket (the first) are its rounds too */
  brackets: Bracket[];
}

/** Measured on datasets/diabetes.csv on 2 threads (test/bench/search.ts): quick about 10 s, thorough about a minute. */
export const BUDGETS: Record<BudgetName, Budget> = {
  quick: {
    name: 'quick',
    about: 'about 10 seconds',
    brackets: [
      { candidates: 54, epochs: [30, 90, 270] },
      { candidates: 18, epochs: [90, 270] },
    ],
  },
  thorough: {
    name: 'thorough',
    about: 'about a minute',
    brackets: [
      { candidates: 486, epochs: [30, 90, 270, 810] },
      { candidates: 162, epochs: [90, 270, 810] },
      { candidates: 54, epochs: [270, 810] },
    ],
  },
};

/** The share of a round's candidates that goes on to the next. */
export const KEEP_SHARE = 1 / 3;

export function keptFor(candidates: number): number {
  return Math.max(1, Math.ceil(candidates * KEEP_SHARE));
}

/** How many candidate scorings a budget makes: every round of every bracket, the baseline in each of the first's. */
export function scoringsOf(budget: Budget): number {
  return budget.brackets.reduce((sum, bracket, b) => {
    let n = bracket.candidates;
    let total = 0;
    for (let r = 0; r < bracket.epochs.length; r++) {
      total += n + (b === 0 ? 1 : 0);
      n = keptFor(n);
    }
    return sum + total;
  }, 0);
}

/** A candidate: its number on the leaderboard (1 is the baseline), its bracket and its choice. */
export interface PlannedCandidate {
  id: number;
  bracket: number;
  baseline: boolean;
  choice: CandidateChoice;
}

/** Every candidate of a search, seeded: the same seed gives the same candidates in the same order. */
export function sampleCandidates(budget: Budget, seed: number, classify: boolean): PlannedCandidate[] {
  const rng = new Rng(seed);
  const planned: PlannedCandidate[] = [{ id: 1, bracket: 0, baseline: true, choice: BASELINE_CHOICE }];
  budget.brackets.forEach((bracket, b) => {
    for (let i = 0; i < bracket.candidates; i++) {
      planned.push({ id: planned.length + 1, bracket: b, baseline: false, choice: sampleChoice(rng, classify) });
    }
  });
  return planned;
}

function sampleChoice(rng: Rng, classify: boolean): CandidateChoice {
  const depth = rng.int(4);
  const activation = ACTIVATIONS[rng.int(ACTIVATIONS.length)]!;
  const dropout = depth > 0 && rng.next() < 0.5 ? DROPOUTS[rng.int(DROPOUTS.length)]! : 0;
  const hidden: LayerPlan[] = [];
  let widest = UNITS.length;
  for (let i = 0; i < depth; i++) {
    const k = rng.int(widest);
    widest = k + 1;
    hidden.push({ units: UNITS[k]!, activation, ...(dropout > 0 ? { dropout } : {}) });
  }
  const learningRate = significant(logUniform(rng, LEARNING_RATES.from, LEARNING_RATES.to), 2);
  const l2 = rng.next() < 1 / 3 ? 0 : significant(logUniform(rng, L2.from, L2.to), 1);
  const batchSize = BATCH_SIZES[rng.int(BATCH_SIZES.length)]!;
  const classWeights = classify && rng.next() < 0.5 ? 'balanced' : 'none';
  return { hidden, learningRate, l2, batchSize, classWeights };
}

function logUniform(rng: Rng, from: number, to: number): number {
  return Math.exp(Math.log(from) + rng.next() * (Math.log(to) - Math.log(from)));
}

function significant(x: number, digits: number): number {
  return Number(x.toPrecision(digits));
}

/** Patience grows with the round's epochs, so a short round is not ended by a few noisy epochs. */
export function patienceFor(epochs: number): number {
  return Math.min(15, Math.max(5, Math.round(epochs / 10)));
}

/**
 * The user's plan with a candidate's choice and a round's epochs: the same features, label, preparation and split
 * (so the same test rows stay unseen), early stopping on; a plan that keeps no validation rows keeps the usual share
 * for early stopping to watch (the test rows do not move: the split takes them first).
 */
export function candidatePlan(base: TrainingPlan, choice: CandidateChoice, epochs: number, seed: number): TrainingPlan {
  return TrainingPlanSchema.parse({
    ...base,
    split: { ...base.split, validation: base.split.validation > 0 ? base.split.validation : STARTING_SPLIT.validation },
    hidden: choice.hidden.map((layer) => ({ ...layer })),
    training: {
      ...base.training,
      optimizer: { name: 'adam', learningRate: choice.learningRate },
      batchSize: choice.batchSize,
      l2: choice.l2,
      classWeights: choice.classWeights,
      epochs,
      seed,
      earlyStopping: { patience: patienceFor(epochs), restoreBestWeights: true },
    },
  });
}

/** "No hidden layer (a straight line)", "2 layers: 16, 8 (relu, dropout 20 %)". */
export function networkWords(hidden: readonly LayerPlan[]): string {
  if (hidden.length === 0) return 'No hidden layer (a straight line)';
  const dropout = hidden[0]?.dropout ? `, dropout ${Math.round(hidden[0].dropout * 100)} %` : '';
  return `${hidden.length} layer${hidden.length === 1 ? '' : 's'}: ${hidden.map((l) => l.units).join(', ')} (${hidden[0]!.activation}${dropout})`;
}

/** "16-8 relu", "straight line": short, for a run's name. */
export function networkShortName(hidden: readonly LayerPlan[]): string {
  if (hidden.length === 0) return 'straight line';
  return `${hidden.map((l) => l.units).join('-')} ${hidden[0]!.activation}`;
}

/** The other choices in a few words: "learning rate 0.003, L2 0.0001, batches of 32, balanced classes". */
export function settingsWords(choice: CandidateChoice): string {
  const parts = [`learning rate ${choice.learningRate}`, choice.l2 > 0 ? `L2 ${choice.l2}` : 'no L2', `batches of ${choice.batchSize}`];
  if (choice.classWeights === 'balanced') parts.push('balanced classes');
  return parts.join(', ');
}
