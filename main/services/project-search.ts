// The project's "Find a good network for me": one search at a time on the project's plan, its leaderboard kept in
// the session (so it is saved) and announced to every window, and its winner retrained as an ordinary run.

import type { BudgetName } from '../../workers/search-space';
import { networkShortName } from '../../workers/search-space';
import type { SearchBoard } from '../../workers/search-board';
import type { EventHub } from '../events';
import { userError } from '../errors';
import { checkedPlan, type ProjectRuns } from './runs';
import { startSearch, winnerPlan, type SearchRun } from './search';
import type { Session } from './session';
import type { TrainingService } from './training';

/** A window gets the board at most this often while candidates are scored (a thorough board is some 100 KB). */
const PROGRESS_EVERY_MS = 200;

export class ProjectSearch {
  private live: { run: SearchRun; finished: Promise<SearchBoard> } | null = null;
  private progressTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly session: Session,
    private readonly training: TrainingService,
    private readonly runs: ProjectRuns,
    private readonly hub: EventHub,
  ) {}

  /** Starts a search on the project's plan (checked as a run's would be); its board, as it starts. */
  start(options: { budget: BudgetName; seed?: number }): SearchBoard {
    if (this.live?.run.board.status === 'running') {
      throw userError('search_running', 'A search is already running.', { hint: 'Wait for it to finish, or press Stop.' });
    }
    const dataset = this.session.requireDataset();
    const plan = checkedPlan(this.session.plan, dataset.data);
    const seed = options.seed ?? plan.training.seed;
    const run = startSearch(this.training, dataset.data, plan, { budget: options.budget, seed, onChange: (board) => this.progress(board) });
    this.session.search = run.board;
    this.session.touch();
    const finished = run.done.then((board) => {
      this.cancelProgress();
      // a project opened meanwhile has its own board; this one's winner is not wanted there
      if (this.session.search !== board) return board;
      const winner = board.candidates.find((c) => c.id === board.winner);
      if (winner) {
        const name = `Search winner: ${networkShortName(winner.choice.hidden)}`;
        try {
          board.winnerRunId = this.runs.startPlan(winnerPlan(plan, board.budget, winner.choice, seed), name).runId;
        } catch (error) {
          board.message = `The winner could not be retrained: ${(error as Error)?.message ?? String(error)}`;
        }
      }
      this.session.touch();
      this.hub.emit('search.finished', { board: structuredClone(board) });
      return board;
    });
    this.live = { run, finished };
    return structuredClone(run.board);
  }

  /** Stops the running search, if any: the best candidate so far wins. */
  stop(): void {
    this.live?.run.stop();
  }

  /** The running search's board once it has ended and its winner's run is queued; null when none was started. */
  whenDone(): Promise<SearchBoard | null> {
    return this.live ? this.live.finished : Promise.resolve(null);
  }

  private progress(board: SearchBoard): void {
    if (this.progressTimer || board.status !== 'running') return;
    this.progressTimer = setTimeout(() => {
      this.progressTimer = null;
      if (board.status === 'running' && this.session.search === board) this.hub.emit('search.progress', { board: structuredClone(board) });
    }, PROGRESS_EVERY_MS);
    this.progressTimer.unref();
  }

  private cancelProgress(): void {
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = null;
  }
}
