// The search on the real pool, over a made-up XOR table read by the real importer: each round keeps the best third
// of the one before, the winner beats the straight line, the test rows are never handed to a training, the same seed
// gives the same leaderboard, Stop keeps the best so far, and a table too small for its folds fails in its words.
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, splitRows, type RowSplit } from '../../../workers/data';
import { TrainingPlanSchema } from '../../../workers/plan';
import { bestCandidate, rankedCandidates, type SearchBoard } from '../../../workers/search-board';
import { BUDGETS, keptFor, sampleCandidates } from '../../../workers/search-space';
import { startSearch } from '../../../main/services/search';
import { TrainingService } from '../../../main/services/training';

/** 160 rows: y is 1 when a and b have the same sign, which no straight line can tell. */
function xorTable(rows = 160): ReturnType<typeof parseCsv> {
  const lines = ['a,b,y'];
  for (let i = 0; i < rows; i++) {
    const a = Math.sin(i * 12.9898) * 2;
    const b = Math.cos(i * 78.233) * 2;
    lines.push(`${a.toFixed(3)},${b.toFixed(3)},${a * b > 0 ? 1 : 0}`);
  }
  return parseCsv(new TextEncoder().encode(`${lines.join('\n')}\n`), 'xor.csv');
}

const table = xorTable();
const plan = TrainingPlanSchema.parse({ features: ['a', 'b'], label: 'y', split: { validation: 0.2, test: 0.25, seed: 5 } });
const testRows = new Set(splitRows(table, 'y', plan.split, 'binary').test);

const training = new TrainingService({ poolOptions: { maxThreads: 2 } });
afterAll(() => training.close());

/** Every set of rows handed to a training, while `record` is on. */
const handed: RowSplit[] = [];
const trainOnRows = training.trainOnRows.bind(training);
training.trainOnRows = (dataset, p, rows, options) => {
  handed.push(rows);
  return trainOnRows(dataset, p, rows, options);
};

/** What the board said each time a candidate finished a round. */
interface RoundScore {
  id: number;
  round: number;
  epochs: number;
  mean: number;
  weights: number;
}

function comparable(board: SearchBoard) {
  return board.candidates.map(({ seconds: _seconds, ...c }) => c);
}

describe('the search', () => {
  let first: SearchBoard | undefined;

  it('keeps the best third of each round for the next, never touching the test rows; the winner is the best of the last, far above the straight line', async () => {
    handed.length = 0;
    const rounds: RoundScore[] = [];
    const seen = new Map<number, number>();
    const run = startSearch(training, table, plan, {
      budget: 'quick',
      seed: 3,
      onChange: (board) => {
        for (const c of board.candidates) {
          if (c.rounds > (seen.get(c.id) ?? 0)) {
            seen.set(c.id, c.rounds);
            rounds.push({ id: c.id, round: c.rounds, epochs: c.epochs, mean: c.cv!.mean, weights: c.weights! });
          }
        }
      },
    });
    const board = await run.done;
    first = board;
    expect(board.status).toBe('done');
    expect(board.candidates.every((c) => c.status === 'scored')).toBe(true);
    expect(board.scorings).toEqual({ done: 105, total: 105 });

    const brackets = sampleCandidates(BUDGETS.quick, 3, true);
    BUDGETS.quick.brackets.forEach((bracket, b) => {
      const ids = new Set(brackets.filter((c) => c.bracket === b && !c.baseline).map((c) => c.id));
      for (let round = 1; round < bracket.epochs.length; round++) {
        const inRound = rounds.filter((r) => ids.has(r.id) && r.round === round);
        expect(inRound.every((r) => r.epochs === bracket.epochs[round - 1])).toBe(true);
        const best = [...inRound].sort((x, y) => y.mean - x.mean || x.weights - y.weights || x.id - y.id);
        const kept = best.slice(0, keptFor(inRound.length)).map((r) => r.id).sort((x, y) => x - y);
        const next = rounds.filter((r) => ids.has(r.id) && r.round === round + 1).map((r) => r.id).sort((x, y) => x - y);
        expect({ bracket: b, round, next }).toEqual({ bracket: b, round, next: kept });
      }
    });
    // the baseline goes through every round of the first bracket, as the yardstick
    expect(rounds.filter((r) => r.id === 1).map((r) => r.epochs)).toEqual(BUDGETS.quick.brackets[0]!.epochs);

    const winner = bestCandidate(board.candidates)!;
    expect(board.winner).toBe(winner.id);
    expect(winner.epochs).toBe(270);
    const lastRound = board.candidates.filter((c) => c.epochs === 270);
    expect(Math.max(...lastRound.map((c) => c.cv!.mean))).toBe(winner.cv!.mean);
    const baseline = board.candidates.find((c) => c.baseline)!;
    expect(baseline.cv!.mean).toBeLessThan(0.7);
    expect(winner.cv!.mean).toBeGreaterThan(baseline.cv!.mean + 0.25);

    // the test rows are never handed to a training; every other row is scored once per round
    expect(handed).toHaveLength(105 * 5);
    const seenTestRows = handed.flatMap((rows) => [...rows.train, ...rows.validation, ...rows.test].filter((row) => testRows.has(row)));
    expect(seenTestRows).toEqual([]);
    const foldRows = handed.slice(0, 5).flatMap((rows) => [...rows.test]).sort((a, b) => a - b);
    expect(foldRows).toEqual([...Array(160).keys()].filter((row) => !testRows.has(row)));
  });

  it('gives the same leaderboard for the same seed', async () => {
    first ??= await startSearch(training, table, plan, { budget: 'quick', seed: 3 }).done;
    const again = await startSearch(training, table, plan, { budget: 'quick', seed: 3 }).done;
    expect(comparable(again)).toEqual(comparable(first));
    expect(again.winner).toBe(first.winner);
  });

  it('keeps the best so far when stopped, marking the candidates it had not finished', async () => {
    let stoppedAt = 0;
    const run = startSearch(training, table, plan, {
      budget: 'thorough',
      seed: 8,
      onChange: (board) => {
        if (!stoppedAt && board.scorings.done >= 5) {
          stoppedAt = performance.now();
          run.stop();
        }
      },
    });
    const board = await run.done;
    const stopSeconds = (performance.now() - stoppedAt) / 1000;
    expect(board.status).toBe('stopped');
    expect(board.message).toBe('Stopped: the best candidate so far wins.');
    expect(board.scorings.done).toBeLessThan(board.scorings.total / 4);
    expect(board.candidates.some((c) => c.status === 'waiting' || c.status === 'running' || c.trying !== null)).toBe(false);
    const unscored = board.candidates.filter((c) => !c.cv);
    expect(unscored.length).toBeGreaterThan(0);
    for (const c of unscored) expect(c.status).toBe('stopped');
    expect(board.winner).toBe(rankedCandidates(board.candidates)[0]!.id);
    expect(board.candidates.find((c) => c.id === board.winner)!.cv).not.toBeNull();
    // the candidates still waiting for the pool never start; the few training stop after their batch
    expect(stopSeconds).toBeLessThan(5);
  });

  it('fails in the table\'s words when it is too small for its folds, with no winner', async () => {
    const tiny = parseCsv(new TextEncoder().encode('a,b,y\n1,2,0\n2,1,1\n3,3,0\n4,1,1\n'), 'tiny.csv');
    const small = TrainingPlanSchema.parse({ features: ['a', 'b'], label: 'y' });
    const board = await startSearch(training, tiny, small, { budget: 'quick', seed: 1 }).done;
    expect(board.status).toBe('failed');
    expect(board.message).toMatch(/^5 folds of tiny\.csv would leave a fold with 0 rows to score\. Use fewer folds/);
    expect(board.winner).toBeNull();
  });
});
