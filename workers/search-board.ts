// The search's leaderboard, one shape for the search service, the contract, the project file, the CLI and the
// screens: each candidate's settings, cross-validated score ± spread, size and time, its ranking and the winner.

import { z } from 'zod';
import { CrossValidationSchema, CV_METRICS, type CrossValidation } from './cross-validation';
import { BUDGET_NAMES, CandidateChoiceSchema } from './search-space';

/**
 * 'waiting': its round has not reached the pool yet; 'running': its folds are queued or training; 'scored': its last round is
 * done; 'stopped': the search was stopped before its round finished (it keeps the score of its round before, if any);
 * 'failed': it could not be trained (its loss stopped being a number, its worker died).
 */
export const CANDIDATE_STATUSES = ['waiting', 'running', 'scored', 'stopped', 'failed'] as const;
export const SEARCH_STATUSES = ['running', 'done', 'stopped', 'failed'] as const;
export type SearchStatus = (typeof SEARCH_STATUSES)[number];

export const CandidateSchema = z.object({
  /** its number on the board; 1 is the straight-line baseline */
  id: z.number().int().min(1),
  baseline: z.boolean(),
  choice: CandidateChoiceSchema,
  status: z.enum(CANDIDATE_STATUSES),
  /** the score of its longest finished round; null before its first */
  cv: CrossValidationSchema.nullable(),
  /** the most epochs of the round `cv` is from (0 before its first) */
  epochs: z.number().int().min(0),
  /** rounds it finished */
  rounds: z.number().int().min(0),
  /** while waiting or running: the most epochs of its round under way, and the folds done */
  trying: z.object({ epochs: z.number().int().min(1), foldsDone: z.number().int().min(0) }).nullable(),
  /** weights and biases to learn, once one of its folds has trained */
  weights: z.number().int().min(0).nullable(),
  /** seconds its folds spent training, every round together */
  seconds: z.number().min(0),
  /** why it failed or did not finish, in plain words */
  message: z.string().nullable(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const SearchBoardSchema = z.object({
  id: z.string().min(1),
  budget: z.enum(BUDGET_NAMES),
  seed: z.number().int(),
  folds: z.number().int().min(2),
  metric: z.enum(CV_METRICS),
  status: z.enum(SEARCH_STATUSES),
  /** ms since 1970 */
  startedAt: z.number(),
  finishedAt: z.number().nullable(),
  /** candidate scorings (one candidate, one round) done and planned */
  scorings: z.object({ done: z.number().int().min(0), total: z.number().int().min(0) }),
  candidates: z.array(CandidateSchema),
  /** the winning candidate's id, once the search has ended with one */
  winner: z.number().int().nullable(),
  /** the run that retrains the winner on all the training rows */
  winnerRunId: z.string().nullable(),
  /** how it ended, in plain words (why it failed, that it was stopped) */
  message: z.string().nullable(),
});
export type SearchBoard = z.infer<typeof SearchBoardSchema>;

/**
 * Best first: candidates trained for longer first (the best of each round went on to the next, so the last round
 * holds the best of all), then by mean score, then the smaller network; those never scored last, by number.
 */
export function rankedCandidates(candidates: readonly Candidate[]): Candidate[] {
  return [...candidates].sort((a, b) => {
    if (!a.cv || !b.cv) return a.cv ? -1 : b.cv ? 1 : a.id - b.id;
    return b.epochs - a.epochs || b.cv.mean - a.cv.mean || (a.weights ?? 0) - (b.weights ?? 0) || a.id - b.id;
  });
}

/** The best candidate scored so far, or null when none is. */
export function bestCandidate(candidates: readonly Candidate[]): Candidate | null {
  const first = rankedCandidates(candidates)[0];
  return first?.cv ? first : null;
}

/** "77.6 % ± 2.1" (accuracy), "R² 0.812 ± 0.030". */
export function scoreWords(cv: Pick<CrossValidation, 'metric' | 'mean' | 'sd'>): string {
  if (cv.metric === 'accuracy') return `${(cv.mean * 100).toFixed(1)} % ± ${(cv.sd * 100).toFixed(1)}`;
  return `R² ${cv.mean.toFixed(3)} ± ${cv.sd.toFixed(3)}`;
}

/** Still trying candidates (Stop can end it). */
export function isSearchLive(board: Pick<SearchBoard, 'status'> | null | undefined): boolean {
  return board?.status === 'running';
}
