// A run's cross-validation, asked for on Evaluate: the run's plan over k folds on the training pool (crossValidate),
// announced on the hub as each fold ends, stoppable, and once done kept on the run (so it is saved with the project).

import { cvMetricFor, DEFAULT_FOLDS } from '../../workers/cross-validation';
import { labelTask } from '../../workers/data/roles';
import type { PayloadOf } from '../contract';
import { toErrorInfo, userError } from '../errors';
import type { EventHub } from '../events';
import { crossValidate } from './cross-validation';
import type { Session } from './session';
import type { TrainingService } from './training';

type Progress = PayloadOf<'crossValidation.progress'>;

interface Active {
  stopFlag: Int32Array;
  abort: AbortController;
}

export class RunCrossValidations {
  private readonly active = new Map<string, Active>();

  constructor(
    private readonly session: Session,
    private readonly training: TrainingService,
    private readonly hub: EventHub,
    /** where a fault of ours is logged (the dispatch's log); the window gets its plain words */
    private readonly log?: (error: unknown) => void,
  ) {}

  /** Queue the folds of a run's plan; what happens next comes as crossValidation.progress events. */
  start(runId: string, folds = DEFAULT_FOLDS): void {
    const run = this.session.run(runId);
    if (this.active.has(runId)) {
      throw userError('cross_validation_running', `“${run.name}” is being cross-validated already.`, {
        hint: 'Wait for its folds to finish, or stop them first.',
      });
    }
    const dataset = this.session.requireDataset().data;
    const generation = this.session.generation;
    const state: Active = { stopFlag: new Int32Array(new SharedArrayBuffer(4)), abort: new AbortController() };
    this.active.set(runId, state);
    const progress: Progress = {
      runId,
      state: 'running',
      metric: cvMetricFor(labelTask(dataset, run.plan.label, run.plan.task).task),
      folds: new Array<number | null>(folds).fill(null),
    };
    this.hub.emit('crossValidation.progress', progress);
    const stopped = () => Atomics.load(state.stopFlag, 0) === 1 || state.abort.signal.aborted;
    crossValidate(this.training, dataset, run.plan, {
      folds,
      stopFlag: state.stopFlag,
      signal: state.abort.signal,
      onFold: (fold, score) => {
        if (stopped()) return;
        progress.folds = progress.folds.map((s, i) => (i === fold ? score : s));
        this.hub.emit('crossValidation.progress', { ...progress });
      },
    })
      .then(
        ({ cv }) => {
          // a fold stopped midway scores what it had learned by then: not a figure to keep
          if (stopped()) return this.hub.emit('crossValidation.progress', { ...progress, state: 'stopped' });
          // the project may have been closed meanwhile, or the run deleted: then the figures have no run to go to
          const kept = generation === this.session.generation ? this.session.runs.find((r) => r.id === runId) : undefined;
          if (kept) {
            kept.crossValidation = cv;
            this.session.touch();
          }
          this.hub.emit('crossValidation.progress', { ...progress, folds: cv.folds, state: 'finished', crossValidation: cv });
        },
        (error: unknown) => {
          if (stopped()) return this.hub.emit('crossValidation.progress', { ...progress, state: 'stopped' });
          this.hub.emit('crossValidation.progress', { ...progress, state: 'failed', error: toErrorInfo(error, this.log) });
        },
      )
      .finally(() => this.active.delete(runId));
  }

  /** Every fold stops after its current batch; nothing is kept. False when none was running. */
  stop(runId: string): boolean {
    const state = this.active.get(runId);
    if (!state) return false;
    Atomics.store(state.stopFlag, 0, 1);
    return true;
  }

  /** The project is being closed: its folds' threads are ended at once. */
  stopAll(): void {
    for (const state of this.active.values()) state.abort.abort();
  }
}
