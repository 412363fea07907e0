// The leaderboard as the Model screen shows it: one row per candidate, best first, each figure in words; and where
// the search stands, in a sentence.

import type { SearchBoard } from '../../../main/contract';
import { bestCandidate, rankedCandidates, scoreWords, type Candidate } from '../../../workers/search-board';
import { networkWords, settingsWords } from '../../../workers/search-space';
import { count } from './format';

export interface LeaderboardRow {
  rank: number;
  id: number;
  /** "2 layers: 16, 8 (relu)" */
  network: string;
  /** "learning rate 0.003, no L2, batches of 32" */
  settings: string;
  /** "77.6 % ± 2.1", or '–' before its first score */
  score: string;
  /** "337 weights" */
  size: string;
  /** "1.2 s" */
  time: string;
  /** "270 epochs", "scoring 3 of 5 folds at 90 epochs", "waiting", "not finished", "failed" */
  state: string;
  baseline: boolean;
  winner: boolean;
  /** why it failed or did not finish */
  message: string | null;
}

function stateWords(c: Candidate, folds: number): string {
  if (c.status === 'running' && c.trying) return `scoring ${c.trying.foldsDone} of ${folds} folds at ${c.trying.epochs} epochs`;
  if (c.status === 'waiting') return c.trying ? `waiting for ${c.trying.epochs} epochs` : 'waiting';
  if (c.status === 'failed') return 'failed';
  if (c.status === 'stopped') return c.cv ? `${c.epochs} epochs (then stopped)` : 'not finished';
  return `${c.epochs} epochs`;
}

/**
 * The best `limit` candidates and the baseline wherever it ranks (it is always shown, as the yardstick); every
 * candidate when `limit` is not given.
 */
export function leaderboardRows(board: SearchBoard, limit = Infinity): LeaderboardRow[] {
  return rankedCandidates(board.candidates)
    .map((c, i) => ({ c, rank: i + 1 }))
    .filter(({ c, rank }) => rank <= limit || c.baseline)
    .map(({ c, rank }) => ({
      rank,
      id: c.id,
      network: networkWords(c.choice.hidden),
      settings: settingsWords(c.choice),
      score: c.cv ? scoreWords(c.cv) : '–',
      size: c.weights === null ? '–' : `${count(c.weights)} weights`,
      time: `${c.seconds.toFixed(1)} s`,
      state: stateWords(c, board.folds),
      baseline: c.baseline,
      winner: board.winner === c.id,
      message: c.message,
    }));
}

/** Where the search stands, in one sentence. */
export function searchStatusWords(board: SearchBoard, now = Date.now()): string {
  const seconds = ((board.finishedAt ?? now) - board.startedAt) / 1000;
  const best = bestCandidate(board.candidates);
  const bestSoFar = best?.cv ? ` Best so far: ${scoreWords(best.cv)} (${networkWords(best.choice.hidden)}).` : '';
  switch (board.status) {
    case 'running':
      return `Scoring candidates: ${board.scorings.done} of ${board.scorings.total} scorings done, ${seconds.toFixed(0)} s so far.${bestSoFar}`;
    case 'done':
      return `Done in ${seconds.toFixed(1)} s: ${board.scorings.done} scorings of ${board.candidates.length} candidates.${best ? ` The winner scored ${scoreWords(best.cv!)}.` : ''}`;
    case 'stopped':
      return `${board.message ?? 'Stopped.'} ${board.scorings.done} of ${board.scorings.total} scorings were done in ${seconds.toFixed(1)} s.${best ? ` The winner scored ${scoreWords(best.cv!)}.` : ''}`;
    case 'failed':
      return board.message ?? 'The search failed.';
  }
}
