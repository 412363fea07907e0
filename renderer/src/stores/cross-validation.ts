// Cross-validation of a run, asked for on Evaluate: start and stop it, follow its folds as they end (events from the
// main side), and the figures it left on the run (a run of an opened project brings its own).

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorInfo, PayloadOf, ProjectState, Run } from '../../../main/contract';
import type { CrossValidation } from '../../../workers/cross-validation';
import { toErrorInfo, useApi } from '../api';
import { useShellStore } from './shell';

export type CrossValidationProgress = PayloadOf<'crossValidation.progress'>;

export const useCrossValidationStore = defineStore('crossValidation', () => {
  const shell = useShellStore();
  /** the latest word on each run's cross-validation, by run id */
  const progress = ref<Record<string, CrossValidationProgress>>({});
  /** why the last start was refused, by run id */
  const startProblem = ref<Record<string, ErrorInfo>>({});
  let off: (() => void) | null = null;

  function onProgress(message: CrossValidationProgress): void {
    progress.value = { ...progress.value, [message.runId]: message };
  }

  function setUp(): void {
    tearDown();
    off = useApi().onCrossValidationProgress(onProgress);
  }

  function tearDown(): void {
    off?.();
    off = null;
  }

  function hydrate(_state: ProjectState): void {
    progress.value = {};
    startProblem.value = {};
  }

  function of(runId: string): CrossValidationProgress | null {
    return progress.value[runId] ?? null;
  }

  function isRunning(runId: string): boolean {
    return of(runId)?.state === 'running';
  }

  /** The run's figures: those just made, else those the run came with. */
  function resultFor(run: Pick<Run, 'id' | 'crossValidation'>): CrossValidation | null {
    const latest = of(run.id);
    if (latest?.state === 'finished' && latest.crossValidation) return latest.crossValidation;
    return run.crossValidation ?? null;
  }

  async function start(runId: string, folds?: number): Promise<void> {
    const { [runId]: _old, ...others } = startProblem.value;
    startProblem.value = others;
    try {
      await useApi().crossValidation.start(folds === undefined ? { runId } : { runId, folds });
    } catch (error) {
      startProblem.value = { ...startProblem.value, [runId]: toErrorInfo(error, 'starting the cross-validation') };
    }
  }

  async function stop(runId: string): Promise<void> {
    await shell.attempt('Stopping…', () => useApi().crossValidation.stop({ runId }), false);
  }

  return { progress, startProblem, setUp, tearDown, hydrate, of, isRunning, resultFor, start, stop };
});
