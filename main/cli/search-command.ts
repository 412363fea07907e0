// `train --search quick|thorough`: the app's search (main/services/project-search.ts) in the command's one-project
// session, its leaderboard printed as candidates are scored; the winner it retrains is the run `train` then reports.

import type { EventHub } from '../events';
import type { ProjectSearch } from '../services/project-search';
import { bestCandidate, rankedCandidates, scoreWords, type Candidate, type SearchBoard } from '../../workers/search-board';
import { BUDGETS, networkWords, searchMethodWords, settingsWords, type BudgetName } from '../../workers/search-space';
import { UsageError } from './errors';
import type { TrainOptions } from './options';
import type { Terminal } from './terminal';

/** The options a search chooses itself. */
const CHOSEN_BY_SEARCH = { layers: '--layers', init: '--init', optimizer: '--optimizer', lr: '--lr', epochs: '--epochs', batch: '--batch' } as const;

export function refuseWithSearch(options: TrainOptions): void {
  if (!options.search) return;
  if (options.folds !== undefined) {
    throw new UsageError('--search scores every candidate by 5-fold cross-validation already (its "cv" is in the summary), so --folds cannot go with it. Leave --folds out.');
  }
  if (options.from !== undefined || options.project !== undefined) {
    throw new UsageError('--search trains new networks, so it cannot go on from --from or --project. Leave --search out to go on learning, or leave out --from/--project to search.');
  }
  const given = (Object.keys(CHOSEN_BY_SEARCH) as (keyof typeof CHOSEN_BY_SEARCH)[]).filter((key) => options[key] !== undefined).map((key) => CHOSEN_BY_SEARCH[key]);
  if (given.length === 0) return;
  throw new UsageError(
    `--search chooses the layers and how they learn, so ${given.join(', ')} cannot be given with it. Leave ${given.length === 1 ? 'it' : 'them'} out, or train without --search.`,
  );
}

export interface SearchOutcome {
  board: SearchBoard;
  /** the run retraining the winner; null when there is none */
  runId: string | null;
}

/** Runs the search, printing each candidate as it is scored, then the leaderboard; Ctrl+C stops it (the best so far wins). */
export async function searchForWinner(search: ProjectSearch, hub: EventHub, budget: BudgetName, seed: number | undefined, threads: number, terminal: Terminal): Promise<SearchOutcome> {
  const started = search.start({ budget, ...(seed !== undefined ? { seed } : {}) });
  terminal.out(
    `Searching for a good network (${budget}, ${BUDGETS[budget].about} for a table the size of the diabetes example) on ${threads} thread${threads === 1 ? '' : 's'}: ` +
      `${started.candidates.length} candidates, ${started.scorings.total} scorings.`,
  );
  for (const line of searchMethodWords(started.folds)) terminal.out(line);
  const roundsPrinted = new Map<number, number>();
  const failuresPrinted = new Set<number>();
  const printNew = (board: SearchBoard) => {
    for (const candidate of board.candidates) {
      if (candidate.rounds > (roundsPrinted.get(candidate.id) ?? 0)) {
        roundsPrinted.set(candidate.id, candidate.rounds);
        terminal.out(`scored ${candidateCells(candidate).join('  ')}`);
      }
      if (candidate.status === 'failed' && !failuresPrinted.has(candidate.id)) {
        failuresPrinted.add(candidate.id);
        terminal.err(`#${candidate.id} ${networkWords(candidate.choice.hidden)}: ${candidate.message ?? 'it could not be trained.'}`);
      }
    }
  };
  const stopOnInterrupt = () => {
    terminal.err('Stopping the search: the best candidate so far wins (press Ctrl+C again to quit at once)...');
    search.stop();
    process.once('SIGINT', () => process.exit(130));
  };
  const off = hub.on('search.progress', ({ board }) => printNew(board));
  process.once('SIGINT', stopOnInterrupt);
  let board: SearchBoard | null;
  try {
    board = await search.whenDone();
  } finally {
    process.removeListener('SIGINT', stopOnInterrupt);
    off();
  }
  if (!board) throw new Error('The search did not start.');
  if (board.status === 'failed') {
    terminal.err(board.message ?? 'The search failed.');
    return { board, runId: null };
  }
  printNew(board);
  terminal.out('');
  terminal.out(leaderboardText(board));
  if (board.message) terminal.out(board.message);
  const winner = bestCandidate(board.candidates);
  if (winner && board.winnerRunId) {
    terminal.out(`Winner: #${winner.id} ${networkWords(winner.choice.hidden)}, ${settingsWords(winner.choice)}: ${scoreWords(winner.cv!)} (${board.folds}-fold cross-validation).`);
    terminal.out('Retraining it on all the training rows (the test rows are still unseen)...');
  }
  return { board, runId: board.winnerRunId };
}

/** `#14`, `78.1 % ± 2.8`, `2 layers: 64, 16 (elu, dropout 30 %); learning rate 0.00087, ...`, `1,633 weights`, `270 epochs`, `2.3 s` */
function candidateCells(candidate: Candidate): string[] {
  return [
    `#${candidate.id}`,
    candidate.cv ? scoreWords(candidate.cv) : candidate.status === 'failed' ? 'failed' : 'not finished',
    `${networkWords(candidate.choice.hidden)}${candidate.baseline ? ' [baseline]' : ''}; ${settingsWords(candidate.choice)}`,
    candidate.weights === null ? '-' : `${candidate.weights.toLocaleString('en')} weights`,
    candidate.epochs > 0 ? `${candidate.epochs} epochs` : '-',
    `${candidate.seconds.toFixed(1)} s`,
  ];
}

/** The best ten and the baseline (wherever it ranks), best first. */
export function leaderboardText(board: SearchBoard, top = 10): string {
  const ranked = rankedCandidates(board.candidates);
  const shown = ranked.map((candidate, i) => ({ rank: i + 1, candidate })).filter(({ rank, candidate }) => rank <= top || candidate.baseline);
  const rows = shown.map(({ rank, candidate }) => [`${rank}.`, ...candidateCells(candidate)]);
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]!.length))) ?? [];
  const lines = rows.map((r) => `  ${r.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd()}`);
  const scored = board.candidates.filter((c) => c.cv).length;
  return [`Leaderboard (${scored} of ${board.candidates.length} candidates scored; longest-trained first, then by score):`, ...lines].join('\n');
}

/** What the --json line says of the search: the winner's settings and its cross-validation, the baseline's beside it. */
export function searchSummary(board: SearchBoard): Record<string, unknown> {
  const winner = bestCandidate(board.candidates);
  const baseline = board.candidates.find((c) => c.baseline);
  const cvOf = (c: Candidate | undefined | null) => (c?.cv ? { metric: c.cv.metric, folds: c.cv.folds, mean: c.cv.mean, sd: c.cv.sd } : null);
  return {
    search: {
      budget: board.budget,
      seed: board.seed,
      status: board.status,
      candidates: board.candidates.length,
      scored: board.candidates.filter((c) => c.cv).length,
      seconds: board.finishedAt ? Number(((board.finishedAt - board.startedAt) / 1000).toFixed(3)) : null,
    },
    winner: winner
      ? { id: winner.id, network: networkWords(winner.choice.hidden), ...winner.choice, epochs: winner.epochs, weights: winner.weights }
      : null,
    cv: cvOf(winner),
    baseline: { cv: cvOf(baseline) },
  };
}
