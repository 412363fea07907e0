// The training service: queues training runs on the worker pool, keeps each run's status and history, fans progress
// out to every subscriber, and stops runs (cooperatively first, by force if a run does not answer).

import { randomUUID } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { EpochMetrics } from '../../workers/engine/spec';
import type { TrainingPlan } from '../../workers/plan';
import type { Dataset } from '../../workers/data/dataset';
import type { RowSplit } from '../../workers/data/split';
import type { ProgressMessage } from '../../workers/tasks/progress';
import type { RunError, TrainTaskInput, TrainTaskOutcome, TrainTaskResult } from '../../workers/tasks/train-task';
import type { StartingWeights } from '../../workers/continue-check';
import { appendEpochs, isFinished, statusOfStop, type RunEnd, type RunStatus } from '../../workers/run';
import { createPool, type PoolOptions } from './pool';

/** A run as the queue keeps it; main/services/runs.ts makes the project's run of it (workers/run.ts endRun). */
export interface TrainingRun extends RunEnd {
  id: string;
  status: RunStatus;
  plan: TrainingPlan;
  /** every epoch received so far, in order */
  history: EpochMetrics[];
  totalEpochs: number;
  /** ms since 1970; null while queued */
  startedAt: number | null;
  finishedAt: number | null;
  /** why a run failed, diverged or was stopped, in plain words */
  message?: string;
  /** for a failed run: whether the input (the user can fix it) or our own code was at fault */
  error?: RunError;
  /** weights, history and evaluation; present for completed, stopped (cooperatively) and diverged runs */
  result?: TrainTaskResult;
}

export interface TrainingEvents {
  progress: ProgressMessage;
  finished: TrainingRun;
  failed: TrainingRun;
}

type Listener<K extends keyof TrainingEvents> = (event: TrainingEvents[K]) => void;

export interface TrainingServiceOptions {
  /** a pool to use (the service then does not close it); otherwise one is made from poolOptions */
  pool?: Piscina;
  poolOptions?: PoolOptions;
  /** how long a stopped run may take to answer before its thread is ended; default 3000 ms */
  hardStopAfterMs?: number;
}

interface RunState {
  run: TrainingRun;
  stopFlag: Int32Array;
  abort: AbortController;
  hardStopTimer?: NodeJS.Timeout;
  stopRequested: boolean;
  done: Promise<TrainingRun>;
}

export class TrainingService {
  private readonly pool: Piscina;
  private readonly ownsPool: boolean;
  private readonly hardStopAfterMs: number;
  private readonly runs = new Map<string, RunState>();
  private readonly listeners: { [K in keyof TrainingEvents]: Set<Listener<K>> } = {
    progress: new Set(),
    finished: new Set(),
    failed: new Set(),
  };
  private closed = false;

  constructor(options: TrainingServiceOptions = {}) {
    this.ownsPool = !options.pool;
    this.pool = options.pool ?? createPool(options.poolOptions);
    this.hardStopAfterMs = options.hardStopAfterMs ?? 3000;
  }

  /** Queue a run, from new weights or from `startFrom`; it starts as soon as a worker is free. */
  start(dataset: Dataset, plan: TrainingPlan, startFrom?: StartingWeights): { runId: string } {
    if (this.closed) throw new Error('The training service is closed.');
    const id = randomUUID();
    const run: TrainingRun = {
      id,
      status: 'queued',
      plan,
      history: [],
      totalEpochs: plan.training.epochs,
      startedAt: null,
      finishedAt: null,
    };
    const stopFlag = new Int32Array(new SharedArrayBuffer(4));
    const abort = new AbortController();
    const { port1, port2 } = new MessageChannel();
    port2.on('message', (message: ProgressMessage) => this.onProgress(run, message));
    // The receiving port must not keep the process alive once the run is over.
    port2.unref();

    const input: TrainTaskInput = { runId: id, dataset, plan, port: port1, stopFlag, ...(startFrom ? { startFrom } : {}) };
    const state: RunState = { run, stopFlag, abort, stopRequested: false, done: Promise.resolve(run) };
    this.runs.set(id, state);
    state.done = this.pool
      .run(input, { transferList: [port1], signal: abort.signal })
      .then(
        (outcome: TrainTaskOutcome) => this.onOutcome(state, outcome),
        (error: unknown) => this.onWorkerError(state, error),
      )
      .finally(() => {
        if (state.hardStopTimer) clearTimeout(state.hardStopTimer);
        port2.close();
      });
    return { runId: id };
  }

  /**
   * Ask a run to stop after its current batch, keeping its history and weights so far; its thread is ended if it does
   * not answer within hardStopAfterMs. `force` ends the thread at once (the history received so far is kept).
   */
  stop(runId: string, options: { force?: boolean } = {}): boolean {
    const state = this.runs.get(runId);
    if (!state || isFinished(state.run.status)) return false;
    state.stopRequested = true;
    Atomics.store(state.stopFlag, 0, 1);
    // A run still waiting for a worker has nothing to keep: it leaves the queue at once.
    if (options.force || state.run.status === 'queued') state.abort.abort();
    else if (!state.hardStopTimer) {
      state.hardStopTimer = setTimeout(() => state.abort.abort(), this.hardStopAfterMs);
      state.hardStopTimer.unref();
    }
    return true;
  }

  /**
   * Train on given rows without making a run of it (a fold of cross-validation, a candidate of a search): no
   * progress, no events, nothing kept. `stopFlag` (1 = stop after the current batch) and `signal` (end the thread at
   * once) work as for a run; the pool's threads are shared with the runs.
   */
  trainOnRows(
    dataset: Dataset,
    plan: TrainingPlan,
    rows: RowSplit,
    options: { stopFlag?: Int32Array; signal?: AbortSignal } = {},
  ): Promise<TrainTaskOutcome> {
    if (this.closed) return Promise.reject(new Error('The training service is closed.'));
    const input: TrainTaskInput = { runId: randomUUID(), dataset, plan, rows, ...(options.stopFlag ? { stopFlag: options.stopFlag } : {}) };
    return this.pool.run(input, options.signal ? { signal: options.signal } : {}) as Promise<TrainTaskOutcome>;
  }

  /** Another task of the pool's entry, by piscina's `name` (explanations share the training threads). */
  runTask<T>(name: 'explain', input: unknown, signal?: AbortSignal): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The training service is closed.'));
    return this.pool.run(input, { name, ...(signal ? { signal } : {}) }) as Promise<T>;
  }

  /** How many trainings can run at once (the pool's threads). */
  get threads(): number {
    return this.pool.options.maxThreads;
  }

  list(): TrainingRun[] {
    return [...this.runs.values()].map((state) => state.run);
  }

  get(runId: string): TrainingRun | undefined {
    return this.runs.get(runId)?.run;
  }

  /** Resolves when the run has finished, whatever its end (never rejects). */
  whenDone(runId: string): Promise<TrainingRun> {
    const state = this.runs.get(runId);
    if (!state) return Promise.reject(new Error(`No training run ${runId}.`));
    return state.done;
  }

  /** Subscribe to an event; returns the function that unsubscribes. */
  on<K extends keyof TrainingEvents>(event: K, listener: Listener<K>): () => void {
    const set = this.listeners[event] as Set<Listener<K>>;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  /** Stop every run and close the pool (when the service made it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const state of this.runs.values()) {
      if (!isFinished(state.run.status)) state.abort.abort();
    }
    await Promise.all([...this.runs.values()].map((state) => state.done));
    if (this.ownsPool) await this.pool.destroy();
  }

  private emit<K extends keyof TrainingEvents>(event: K, payload: TrainingEvents[K]): void {
    for (const listener of this.listeners[event] as Set<Listener<K>>) {
      try {
        listener(payload);
      } catch (error) {
        // One broken subscriber must not stop the others nor the run.
        console.error(`A training ${event} listener failed: ${(error as Error).message}`);
      }
    }
  }

  private onProgress(run: TrainingRun, message: ProgressMessage): void {
    if (isFinished(run.status)) return;
    run.startedAt ??= Date.now() - message.elapsed * 1000;
    appendEpochs(run, message);
    this.emit('progress', message);
  }

  private onOutcome(state: RunState, outcome: TrainTaskOutcome): TrainingRun {
    const run = state.run;
    run.finishedAt = Date.now();
    run.startedAt ??= run.finishedAt - (outcome.ok ? outcome.result.trainSeconds * 1000 : 0);
    if (!outcome.ok) {
      run.status = 'failed';
      run.error = outcome.error;
      run.message = outcome.error.message;
      this.emit('failed', run);
      return run;
    }
    const result = outcome.result;
    run.result = result;
    // The result carries the full history; progress messages may still be in flight (they are not ordered with it).
    run.history = result.history;
    run.totalEpochs = Math.max(run.totalEpochs, result.history.length);
    run.message = result.message;
    run.status = statusOfStop(result.stopReason);
    if (run.status === 'diverged') this.emit('failed', run);
    else this.emit('finished', run);
    return run;
  }

  private onWorkerError(state: RunState, error: unknown): TrainingRun {
    const run = state.run;
    run.finishedAt = Date.now();
    if (state.abort.signal.aborted && state.stopRequested) {
      // Ended by force (asked to, or it did not answer the stop flag): the history received so far is kept.
      run.status = 'stopped';
      run.message = 'The run was ended before it could hand back its weights; its history so far is kept.';
      this.emit('finished', run);
      return run;
    }
    const message = state.abort.signal.aborted
      ? 'The run was cancelled because the training service closed.'
      : describeWorkerError(error);
    run.status = 'failed';
    run.error = { kind: 'internal', code: 'internal', message };
    run.message = message;
    this.emit('failed', run);
    return run;
  }
}

function describeWorkerError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/worker exited/i.test(text)) return `The training worker stopped unexpectedly (${text}).`;
  if (/out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(text)) return `The training worker ran out of memory (${text}).`;
  return `Training failed: ${text}`;
}
