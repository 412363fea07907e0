// The leaderboard as the Model screen shows it: best first, the baseline always shown and marked wherever it ranks,
// each figure in words, and where the search stands in a sentence.
import { describe, expect, it } from 'vitest';
import type { SearchBoard } from '../../main/contract';
import type { Candidate } from '../../workers/search-board';
import { BASELINE_CHOICE } from '../../workers/search-space';
import { leaderboardRows, searchStatusWords } from '../../renderer/src/lib/search-rows';

function candidate(id: number, mean: number | null, extra: Partial<Candidate> = {}): Candidate {
  return {
    id,
    baseline: id === 1,
    choice: id === 1 ? BASELINE_CHOICE : { hidden: [{ units: 16, activation: 'relu' }, { units: 8, activation: 'relu' }], learningRate: 0.003, l2: 0, batchSize: 32, classWeights: 'none' },
    status: mean === null ? 'waiting' : 'scored',
    cv: mean === null ? null : { metric: 'accuracy', folds: [mean, mean], mean, sd: 0.021, rows: [10, 10] },
    epochs: mean === null ? 0 : 270,
    rounds: mean === null ? 0 : 3,
    trying: null,
    weights: mean === null ? null : id === 1 ? 9 : 1633,
    seconds: 1.25,
    message: null,
    ...extra,
  };
}

function board(candidates: Candidate[], extra: Partial<SearchBoard> = {}): SearchBoard {
  return {
    id: 'b1',
    budget: 'quick',
    seed: 7,
    folds: 5,
    metric: 'accuracy',
    status: 'running',
    startedAt: 1_000_000,
    finishedAt: null,
    scorings: { done: 12, total: 105 },
    candidates,
    winner: null,
    winnerRunId: null,
    message: null,
    ...extra,
  };
}

describe('the leaderboard rows', () => {
  const many = [candidate(1, 0.70), ...Array.from({ length: 12 }, (_, i) => candidate(i + 2, 0.80 - i * 0.001))];

  it('shows the best ten and the baseline below them, marked', () => {
    const rows = leaderboardRows(board(many), 10);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13]);
    expect(rows.at(-1)).toMatchObject({ id: 1, baseline: true, network: 'No hidden layer (a straight line)', score: '70.0 % ± 2.1', size: '9 weights' });
    expect(rows[0]).toMatchObject({
      id: 2,
      network: '2 layers: 16, 8 (relu)',
      settings: 'learning rate 0.003, no L2, batches of 32',
      score: '80.0 % ± 2.1',
      size: '1,633 weights',
      time: '1.3 s',
      state: '270 epochs',
      baseline: false,
    });
    expect(leaderboardRows(board(many))).toHaveLength(13);
  });

  it('says what a candidate is doing while it is not scored yet', () => {
    const rows = leaderboardRows(
      board([
        candidate(1, 0.7),
        candidate(2, null, { status: 'running', trying: { epochs: 90, foldsDone: 3 } }),
        candidate(3, null, { status: 'waiting', trying: { epochs: 30, foldsDone: 0 } }),
        candidate(4, null, { status: 'stopped', message: 'Not finished: the search was stopped first.' }),
        candidate(5, null, { status: 'failed', message: 'Its loss stopped being a number.' }),
      ]),
    );
    expect(rows.map((r) => [r.id, r.score, r.state])).toEqual([
      [1, '70.0 % ± 2.1', '270 epochs'],
      [2, '–', 'scoring 3 of 5 folds at 90 epochs'],
      [3, '–', 'waiting for 30 epochs'],
      [4, '–', 'not finished'],
      [5, '–', 'failed'],
    ]);
    expect(rows[4]!.message).toBe('Its loss stopped being a number.');
  });

  it('marks the winner once the search has one', () => {
    const rows = leaderboardRows(board(many, { status: 'done', winner: 2 }));
    expect(rows.filter((r) => r.winner).map((r) => r.id)).toEqual([2]);
  });
});

describe('where the search stands', () => {
  it('says it while it runs, when done, when stopped and when it failed', () => {
    const cs = [candidate(1, 0.7), candidate(2, 0.8)];
    expect(searchStatusWords(board(cs), 1_006_400)).toBe('Scoring candidates: 12 of 105 scorings done, 6 s so far. Best so far: 80.0 % ± 2.1 (2 layers: 16, 8 (relu)).');
    expect(searchStatusWords(board(cs, { status: 'done', finishedAt: 1_008_250, scorings: { done: 105, total: 105 } }))).toBe(
      'Done in 8.3 s: 105 scorings of 2 candidates. The winner scored 80.0 % ± 2.1.',
    );
    expect(searchStatusWords(board(cs, { status: 'stopped', finishedAt: 1_003_000, message: 'Stopped: the best candidate so far wins.' }))).toBe(
      'Stopped: the best candidate so far wins. 12 of 105 scorings were done in 3.0 s. The winner scored 80.0 % ± 2.1.',
    );
    expect(searchStatusWords(board([], { status: 'failed', message: '5 folds of tiny.csv would leave a fold with 0 rows to score.' }))).toBe(
      '5 folds of tiny.csv would leave a fold with 0 rows to score.',
    );
  });
});
