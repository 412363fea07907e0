// The search for a good network: seeded candidates scored by cross-validation on the shared pool, successive halving
// (many candidates on few epochs, the best third again on more), every bracket at once so every thread stays busy.
// Stop keeps the best so far. The leaderboard (workers/search-board.ts) is filled in place as scores arrive.

import { randomUUID } from 'node:crypto';
import type { Dataset } from '../../workers/data/dataset';
import { labelTask } from '../../workers/data/roles';
import { cvMetricFor, DEFAULT_FOLDS } from '../../workers/cross-validation';
import type { TrainingPlan } from '../../workers/plan';
import { bestCandidate, rankedCandidates, type Candidate, type SearchBoard } from '../../workers/search-board';
import {
  BUDGETS,
  candidatePlan,
  keptFor,
  sampleCandidates,
  scoringsOf,
  type BudgetName,
  type CandidateChoice,
} from '../../workers/search-space';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { ApiError } from '../contract';
import { crossValidate } from './cross-validation';
import type { TrainingService } from './training';

export interface SearchOptions {
  budget: BudgetName;
  /** the candidates and their trainings; the folds follow the plan's split seed */
  seed: number;
  /** default 5 */
  folds?: number;
  /** after every change of the board (a fold done, a candidate scored, the end) */
  onChange?(board: SearchBoard): void;
}

export interface SearchRun {
  /** filled in place as the search goes */
  board: SearchBoard;
  /** the board once the search has ended (done, stopped or failed); never rejects */
  done: Promise<SearchBoard>;
  /** the running folds stop after their current batch; the candidates scored so far are kept */
  stop(): void;
}

export function startSearch(training: TrainingService, dataset: Dataset, plan: TrainingPlan, options: SearchOptions): SearchRun {
  const budget = BUDGETS[options.budget];
  const folds = options.folds ?? DEFAULT_FOLDS;
  const task = labelTask(dataset, plan.label, plan.task).task;
  const planned = sampleCandidates(budget, options.seed, task !== 'regression');
  const board: SearchBoard = {
    id: randomUUID(),
    budget: budget.name,
    seed: options.seed,
    folds,
    metric: cvMetricFor(task),
    status: 'running',
    startedAt: Date.now(),
    finishedAt: null,
    scorings: { done: 0, total: scoringsOf(budget) },
    candidates: planned.map((p) => ({
      id: p.id,
      baseline: p.baseline,
      choice: p.choice,
      status: 'waiting',
      cv: null,
      epochs: 0,
      rounds: 0,
      trying: null,
      weights: null,
      seconds: 0,
      message: null,
    })),
    winner: null,
    winnerRunId: null,
    message: null,
  };
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const stopped = () => Atomics.load(stopFlag, 0) === 1;
  const changed = () => options.onChange?.(board);
  let failure: ApiError | null = null;

  // every candidate of every bracket asks for a place at once; Stop leaves those still waiting unstarted
  const place = places(training.threads + 1);

  /** One round of one candidate: its folds queued at once, its score kept only if every fold finished. */
  async function score(candidate: Candidate, epochs: number): Promise<void> {
    candidate.status = 'waiting';
    candidate.trying = { epochs, foldsDone: 0 };
    changed();
    await place(async () => {
      if (stopped()) return;
      candidate.status = 'running';
      changed();
      try {
        const { cv, results } = await crossValidate(training, dataset, candidatePlan(plan, candidate.choice, epochs, options.seed), {
          folds,
          stopFlag,
          onFold: (_fold, _score, done) => {
            if (candidate.trying) candidate.trying.foldsDone = done;
            changed();
          },
        });
        candidate.seconds += results.reduce((sum, r) => sum + r.trainSeconds, 0);
        candidate.weights ??= results[0] ? weightsIn(results[0].weights) : null;
        if (results.some((r) => r.stopReason === 'stopped')) {
          candidate.status = 'stopped';
        } else if (results.some((r) => r.stopReason === 'diverged')) {
          candidate.status = 'failed';
          candidate.message = 'Its loss stopped being a number (the learning rate is too high for it).';
        } else {
          candidate.status = 'scored';
          candidate.cv = cv;
          candidate.epochs = epochs;
          candidate.rounds++;
          board.scorings.done++;
        }
      } catch (error) {
        if (error instanceof ApiError) {
          // the table or the plan: every candidate would fail the same way, so the search ends with its words
          failure ??= error;
          Atomics.store(stopFlag, 0, 1);
          candidate.status = 'stopped';
        } else {
          candidate.status = 'failed';
          candidate.message = `Its training failed: ${(error as Error)?.message ?? String(error)}`;
        }
      }
    });
    if (candidate.status === 'waiting' || candidate.status === 'stopped') {
      candidate.status = 'stopped';
      candidate.message = candidate.cv ? `Not finished: the search was stopped during its round of ${epochs} epochs.` : 'Not finished: the search was stopped first.';
    }
    candidate.trying = null;
    changed();
  }

  /** A bracket's rounds: all its candidates on the first epochs, the best third of them on the next, and so on. */
  async function runBracket(ids: number[], epochsOfRounds: number[], withBaseline: boolean): Promise<void> {
    let alive = board.candidates.filter((c) => ids.includes(c.id));
    for (let round = 0; round < epochsOfRounds.length && alive.length > 0; round++) {
      if (stopped()) break;
      const epochs = epochsOfRounds[round]!;
      await Promise.all(alive.map((candidate) => score(candidate, epochs)));
      if (stopped()) break;
      const scored = rankedCandidates(alive.filter((c) => c.status === 'scored' && !c.baseline));
      const next = scored.slice(0, keptFor(alive.length - (withBaseline ? 1 : 0)));
      const baseline = withBaseline ? alive.find((c) => c.baseline && c.status === 'scored') : undefined;
      alive = baseline ? [baseline, ...next] : next;
    }
  }

  const done = Promise.all(
    budget.brackets.map((bracket, b) => {
      const ids = planned.filter((p) => p.bracket === b).map((p) => p.id);
      return runBracket(ids, bracket.epochs, b === 0);
    }),
  ).then(
    () => finish(),
    (error: unknown) => {
      failure ??= new ApiError({ code: 'internal', message: `The search failed: ${(error as Error)?.message ?? String(error)}` });
      return finish();
    },
  );

  function finish(): SearchBoard {
    for (const candidate of board.candidates) {
      if (candidate.status === 'waiting' || candidate.status === 'running') {
        candidate.status = 'stopped';
        candidate.message = 'Not finished: the search was stopped first.';
      }
    }
    board.finishedAt = Date.now();
    const best = bestCandidate(board.candidates);
    board.winner = best?.id ?? null;
    if (failure) {
      board.status = 'failed';
      board.message = failure.hint ? `${failure.message} ${failure.hint}` : failure.message;
    } else if (stopped()) {
      board.status = 'stopped';
      board.message = best ? 'Stopped: the best candidate so far wins.' : 'Stopped before any candidate was scored, so there is no winner.';
    } else {
      board.status = 'done';
    }
    changed();
    return board;
  }

  return {
    board,
    done,
    stop: () => Atomics.store(stopFlag, 0, 1),
  };
}

/** The winner's plan: its choice with the budget's longest training, on the plan's own split (test rows untouched). */
export function winnerPlan(plan: TrainingPlan, budgetName: BudgetName, choice: CandidateChoice, seed: number): TrainingPlan {
  const longest = Math.max(...BUDGETS[budgetName].brackets.flatMap((b) => b.epochs));
  return candidatePlan(plan, choice, longest, seed);
}

/**
 * At most `size` candidates' folds on the pool at once: enough to keep every thread busy (the next candidate's folds
 * are queued while one's last fold trains), few enough that Stop ends the search at once. A freed place goes to the
 * longest waiting.
 */
function places(size: number): <T>(work: () => Promise<T>) => Promise<T> {
  let taken = 0;
  const waiting: (() => void)[] = [];
  return async (work) => {
    if (taken < size) taken++;
    else await new Promise<void>((resolve) => waiting.push(resolve)); // handed over by the one leaving: still taken
    try {
      return await work();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else taken--;
    }
  };
}

function weightsIn(weights: WeightsFile): number {
  return weights.layers.reduce((sum, layer) => sum + layer.kernel.length * (layer.kernel[0]?.length ?? 0) + (layer.bias?.length ?? 0), 0);
}
