// Training runs: start and stop, live progress from the main side, every run's history for the charts, and each
// finished run's weights and evaluation. Histories are plain arrays kept out of Vue's deep reactivity (a counter says
// when they grew), so a long run never makes Vue walk thousands of points.

import { defineStore } from 'pinia';
import type { MissingChoice } from '../../../workers/plan';
import { computed, markRaw, ref, shallowRef, triggerRef } from 'vue';
import type { ErrorInfo, PayloadOf, PlanDraft, ProjectState, Run, RunSummary } from '../../../main/contract';
import type { TrainingPlan } from '../../../workers/plan';
import { appendEpochs, isActive, queuedRun } from '../../../workers/run';
import { toErrorInfo, useApi } from '../api';
import { kernelsOf } from '../lib/network-inputs';
import { replayEpoch, replayMs, snapshotAt } from '../lib/replay-pace';
import { useShellStore } from './shell';

/** A run as the screens show it: its summary, and how far it is. `history` is a raw array: read it when
 * `historyVersion` changes. */
export interface RunEntry extends RunSummary {
  /** epochs received so far */
  epochsDone: number;
  /** share (0..1) of the epoch under way, reported during long epochs; 0 when epochs are short */
  epochShare: number;
  /** seconds since the run started, as last reported */
  elapsed: number;
  /** while it trains: the latest copy of its kernels, for the drawing of the network (a raw object) */
  live: LiveWeights | null;
}

/** What a run is started from (the model store); whole-project.ts connects it. */
export interface PlanFacts {
  readonly plan: PlanDraft | null;
  /** what still stops training, in words; empty when it can start */
  readonly missingForTraining: MissingChoice[];
  /** waits for every edit of the plan to reach the main side */
  flush(): Promise<void>;
}

export type LiveWeights = NonNullable<PayloadOf<'training.progress'>['weights']>;

function entryFrom(summary: RunSummary): RunEntry {
  const history = markRaw([...summary.history]);
  const last = history[history.length - 1];
  return {
    ...summary,
    history,
    plan: markRaw(summary.plan),
    epochsDone: history.length,
    epochShare: 0,
    elapsed: summary.trainSeconds ?? last?.elapsed ?? 0,
    live: null,
  };
}

export const useTrainingStore = defineStore('training', () => {
  const shell = useShellStore();
  // until whole-project.ts connects the model store, a start is left to the main side to refuse
  let model: PlanFacts = { plan: null, missingForTraining: [], flush: async () => {} };
  const runs = ref<RunEntry[]>([]);
  /** bumps whenever any run's history grows */
  const historyVersion = ref(0);
  /** weights and evaluation of runs that have them, by id (raw objects) */
  const details = shallowRef(new Map<string, Run>());
  const starting = ref(false);
  /** why the last start was refused, shown beside the Start button */
  const startProblem = ref<ErrorInfo | null>(null);
  /** why the last Continue was refused, shown beside it */
  const continueProblem = ref<ErrorInfo | null>(null);
  /** the run whose Continue was asked for in the list of runs (its form takes the focus) */
  const continueAsked = ref<string | null>(null);
  /** a finished run replayed on the charts and the drawing: which, the epoch reached, its last epoch */
  const replay = ref<{ runId: string; epoch: number; last: number } | null>(null);
  let replayFrame = 0;
  let unsubscribes: (() => void)[] = [];

  const liveRuns = computed(() => runs.value.filter((r) => isActive(r.status)));
  const finishedRuns = computed(() => runs.value.filter((r) => details.value.get(r.id)?.weights));

  function find(runId: string): RunEntry | undefined {
    return runs.value.find((r) => r.id === runId);
  }

  function setDetails(run: Run): void {
    details.value.set(run.id, markRaw(run));
    triggerRef(details);
  }

  function connect(to: PlanFacts): void {
    model = to;
  }

  function hydrate(state: ProjectState): void {
    stopReplay();
    runs.value = state.runs.map(entryFrom);
    details.value = new Map(state.runs.map((run) => [run.id, markRaw(run)]));
    historyVersion.value++;
    startProblem.value = null;
  }

  function replaceEntry(summary: RunSummary): void {
    const entry = entryFrom(summary);
    const i = runs.value.findIndex((r) => r.id === summary.id);
    if (i >= 0) runs.value.splice(i, 1, entry);
    else runs.value.push(entry);
    historyVersion.value++;
  }

  async function refreshList(): Promise<void> {
    try {
      const list = await useApi().training.list();
      for (const summary of list) {
        const known = find(summary.id);
        // a live run keeps growing through progress events; take the list's copy only when it knows more
        if (!known || summary.history.length >= known.history.length || !isActive(summary.status)) replaceEntry(summary);
      }
    } catch (error) {
      shell.report(error, 'listing the training runs');
    }
  }

  function onProgress(message: PayloadOf<'training.progress'>): void {
    const run = find(message.runId);
    if (!run) {
      void refreshList();
      return;
    }
    appendEpochs(run, message);
    run.epochsDone = run.history.length;
    const partial = message.partial;
    run.epochShare = partial && partial.epoch > run.epochsDone && partial.rows > 0 ? partial.rowsDone / partial.rows : 0;
    run.elapsed = message.elapsed;
    if (message.weights && message.weights.epoch >= (run.live?.epoch ?? 0)) run.live = markRaw(message.weights);
    historyVersion.value++;
  }

  function onFinished(message: PayloadOf<'training.finished'>): void {
    replaceEntry(message.run);
    setDetails(message.run);
  }

  function onFailed(message: PayloadOf<'training.failed'>): void {
    if (message.run) replaceEntry(message.run);
    const run = find(message.runId);
    if (run) {
      // a diverged run comes with its summary and keeps its own status; one whose worker died has none
      if (!message.run) run.status = 'failed';
      run.message = message.error.message;
    }
    shell.problem = {
      ...message.error,
      message: `${run ? `“${run.name}” stopped: ` : 'A training run stopped: '}${message.error.message}`,
    };
  }

  function setUp(): void {
    tearDown();
    const api = useApi();
    unsubscribes = [api.onTrainingProgress(onProgress), api.onTrainingFinished(onFinished), api.onTrainingFailed(onFailed)];
  }

  function tearDown(): void {
    for (const off of unsubscribes) off();
    unsubscribes = [];
  }

  /** Starts a run with the current plan and shows it: from new weights, or going on for `from.epochs` more epochs
   * from a finished run's; returns its id. */
  async function start(name?: string, from?: { runId: string; epochs: number }): Promise<string | null> {
    const problem = from ? continueProblem : startProblem;
    startProblem.value = null;
    continueProblem.value = null;
    const missing = model.missingForTraining;
    if (missing.length) {
      const first = missing[0]!;
      problem.value = { code: first.code, message: first.message, hint: first.hint };
      return null;
    }
    starting.value = true;
    try {
      await model.flush();
      const runName = name?.trim() || `Run ${runs.value.length + 1}`;
      const { runId } = await useApi().training.start({ name: runName, ...(from ? { continueFrom: from.runId, epochs: from.epochs } : {}) });
      if (!find(runId)) {
        // the main side took this plan, so it is a whole one; the list's next copy replaces it
        const plan: TrainingPlan = JSON.parse(JSON.stringify(model.plan));
        if (from) plan.training.epochs = from.epochs;
        runs.value.push(entryFrom(queuedRun(runId, runName, plan)));
      }
      // the main side's copy says where a continued run came from
      if (from) await refreshList();
      stopReplay();
      await shell.setUi({ selectedRunId: runId });
      return runId;
    } catch (error) {
      problem.value = toErrorInfo(error, from ? 'continuing the run' : 'starting the training');
      return null;
    } finally {
      starting.value = false;
    }
  }

  /** Shows a run and asks for its Continue form (from the list of runs). */
  async function askContinue(runId: string): Promise<void> {
    continueAsked.value = runId;
    await select(runId);
  }

  /** Plays a finished run's epochs again on the charts and the drawing, over a few seconds (the UI's own pacing). */
  function startReplay(runId: string): void {
    stopReplay();
    const run = find(runId);
    const last = run?.history[run.history.length - 1]?.epoch ?? 0;
    if (!run || last < 1 || isActive(run.status)) return;
    const duration = replayMs(last);
    const started = performance.now();
    replay.value = { runId, epoch: 0, last };
    const step = (now: number) => {
      const epoch = replayEpoch(now - started, last, duration);
      replay.value = { runId, epoch, last };
      replayFrame = epoch < last ? requestAnimationFrame(step) : 0;
    };
    replayFrame = requestAnimationFrame(step);
  }

  /** Ends a replay: the charts and the drawing show the whole run again. */
  function stopReplay(): void {
    if (replayFrame) cancelAnimationFrame(replayFrame);
    replayFrame = 0;
    replay.value = null;
  }

  /** The epoch a replay of this run has reached while it plays, else null (the whole run is shown). */
  function replayingAt(runId: string): number | null {
    const r = replay.value;
    return r && r.runId === runId && r.epoch < r.last ? r.epoch : null;
  }

  async function stop(runId: string): Promise<void> {
    await shell.attempt('Stopping…', () => useApi().training.stop({ runId }), false);
  }

  async function remove(runId: string): Promise<void> {
    const done = await shell.attempt('Removing the run…', () => useApi().training.delete({ runId }), false);
    if (!done) return;
    runs.value = runs.value.filter((r) => r.id !== runId);
    details.value.delete(runId);
    triggerRef(details);
    historyVersion.value++;
    const patch: Record<string, unknown> = {};
    if (shell.ui.selectedRunId === runId) patch.selectedRunId = runs.value[runs.value.length - 1]?.id ?? null;
    if (shell.ui.compareRunIds.includes(runId)) patch.compareRunIds = shell.ui.compareRunIds.filter((id) => id !== runId);
    if (Object.keys(patch).length) await shell.setUi(patch);
  }

  /** What the drawing of the network shows for a run: its final kernels, or while it trains the latest copy (with
   * the epoch it is from); null before the first copy. */
  function kernelsToDraw(runId: string): { kernels: number[][][]; learningAt: number | null } | null {
    const replayed = replayingAt(runId);
    const kept = replayed === null ? null : snapshotAt(details.value.get(runId)?.snapshots ?? [], replayed);
    if (kept) return { kernels: kept.kernels, learningAt: kept.epoch };
    const weights = details.value.get(runId)?.weights;
    if (weights) return { kernels: kernelsOf(weights)!, learningAt: null };
    const run = find(runId);
    if (run?.live && isActive(run.status)) return { kernels: run.live.kernels, learningAt: run.live.epoch };
    return null;
  }

  /** A run with its weights and evaluation, from memory or the main side. */
  async function loadRun(runId: string): Promise<Run | null> {
    const known = details.value.get(runId);
    if (known?.weights) return known;
    const run = await shell.attempt('Loading the run…', () => useApi().training.get({ runId }), false);
    if (!run) return null;
    setDetails(run);
    return run;
  }

  async function toggleCompare(runId: string): Promise<void> {
    const current = shell.ui.compareRunIds;
    const next = current.includes(runId) ? current.filter((id) => id !== runId) : [...current, runId];
    await shell.setUi({ compareRunIds: next });
  }

  async function select(runId: string): Promise<void> {
    if (replay.value?.runId !== runId) stopReplay();
    await shell.setUi({ selectedRunId: runId });
  }

  return {
    runs,
    historyVersion,
    details,
    starting,
    startProblem,
    continueProblem,
    continueAsked,
    replay,
    liveRuns,
    finishedRuns,
    find,
    kernelsToDraw,
    connect,
    hydrate,
    setUp,
    tearDown,
    refreshList,
    start,
    askContinue,
    startReplay,
    stopReplay,
    replayingAt,
    stop,
    remove,
    loadRun,
    remember: setDetails,
    toggleCompare,
    select,
  };
});
