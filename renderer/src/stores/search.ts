// "Find a good network for me": the budget chosen, the leaderboard as the main side fills it (its events), Start and
// Stop; when the search ends, the run retraining its winner (started by the main side) is selected.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { ErrorInfo, PayloadOf, ProjectState, SearchBoard } from '../../../main/contract';
import type { MissingChoice } from '../../../workers/plan';
import { isSearchLive } from '../../../workers/search-board';
import { networkShortName, type BudgetName } from '../../../workers/search-space';
import { toErrorInfo, useApi } from '../api';
import { useShellStore } from './shell';

/** What a search is started from (the model store); whole-project.ts connects it. */
export interface SearchPlanFacts {
  /** what still stops training, in words; empty when it can start */
  readonly missingForTraining: MissingChoice[];
  /** waits for every edit of the plan to reach the main side */
  flush(): Promise<void>;
}

export const useSearchStore = defineStore('search', () => {
  const shell = useShellStore();
  // until whole-project.ts connects the model store, a start is left to the main side to refuse
  let model: SearchPlanFacts = { missingForTraining: [], flush: async () => {} };
  /** the project's last search (a raw object, replaced whole on every event) */
  const board = shallowRef<SearchBoard | null>(null);
  const budget = ref<BudgetName>('quick');
  const starting = ref(false);
  const stopping = ref(false);
  /** why the last start was refused, or why the search failed, shown in the panel */
  const problem = ref<ErrorInfo | null>(null);
  let unsubscribes: (() => void)[] = [];

  const live = computed(() => isSearchLive(board.value));

  function connect(to: SearchPlanFacts): void {
    model = to;
  }

  function hydrate(state: ProjectState): void {
    board.value = state.search ?? null;
    problem.value = null;
    stopping.value = false;
  }

  /** An event of this project's search (a board the main side reports after another project was opened is not). */
  function isOurs(next: SearchBoard): boolean {
    return !board.value || board.value.id === next.id;
  }

  function onProgress({ board: next }: PayloadOf<'search.progress'>): void {
    if (isOurs(next) && isSearchLive(board.value ?? next)) board.value = next;
  }

  async function onFinished({ board: next }: PayloadOf<'search.finished'>): Promise<void> {
    if (!isOurs(next)) return;
    board.value = next;
    stopping.value = false;
    if (next.status === 'failed') {
      problem.value = { code: 'search_failed', message: next.message ?? 'The search failed.', hint: 'Fix what it says, then start the search again.' };
      return;
    }
    const winner = next.candidates.find((c) => c.id === next.winner);
    if (next.winnerRunId && winner) {
      await shell.setUi({ selectedRunId: next.winnerRunId });
      shell.say(`The winner (${networkShortName(winner.choice.hidden)}) is being retrained on all the training rows; see it on Train and Evaluate.`);
    }
  }

  function setUp(): void {
    tearDown();
    const api = useApi();
    unsubscribes = [api.onSearchProgress(onProgress), api.onSearchFinished((payload) => void onFinished(payload))];
  }

  function tearDown(): void {
    for (const off of unsubscribes) off();
    unsubscribes = [];
  }

  async function start(): Promise<void> {
    problem.value = null;
    const first = model.missingForTraining[0];
    if (first) {
      problem.value = { code: first.code, message: first.message, hint: first.hint };
      return;
    }
    starting.value = true;
    try {
      await model.flush();
      board.value = await useApi().search.start({ budget: budget.value });
    } catch (error) {
      problem.value = toErrorInfo(error, 'starting the search');
    } finally {
      starting.value = false;
    }
  }

  async function stop(): Promise<void> {
    stopping.value = true;
    const done = await shell.attempt('Stopping the search…', () => useApi().search.stop(), false);
    if (!done) stopping.value = false;
  }

  return { board, budget, starting, stopping, problem, live, connect, hydrate, setUp, tearDown, start, stop };
});
