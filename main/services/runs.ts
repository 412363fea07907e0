// The project's training runs: started on the TrainingService, followed into the session, announced to every window.

import { findColumn } from '../../workers/data';
import { CANNOT_CONTINUE_HINT, continueMismatch, type StartingWeights } from '../../workers/continue-check';
import { missingForTraining, TrainingPlanSchema, type PlanDraft, type TrainingPlan } from '../../workers/plan';
import {
  appendEpochs, endRun, hasTrainedWeights, isActive, queuedRun, summaryOf, type ContinuedFrom, type Run, type RunSummary,
} from '../../workers/run';
import type { ErrorInfo } from '../contract';
import type { EventHub } from '../events';
import { userError } from '../errors';
import type { TrainingRun, TrainingService } from './training';
import type { Session } from './session';

export class ProjectRuns {
  private readonly unsubscribe: (() => void)[];

  constructor(
    private readonly session: Session,
    private readonly training: TrainingService,
    private readonly hub: EventHub,
  ) {
    this.unsubscribe = [
      training.on('progress', (message) => {
        const run = this.session.runs.find((r) => r.id === message.runId);
        if (!run) return; // a run of a project that was closed meanwhile
        appendEpochs(run, message);
        this.hub.emit('training.progress', message);
      }),
      training.on('finished', (ended) => this.ended(ended)),
      training.on('failed', (ended) => this.ended(ended)),
    ];
  }

  /** Check the project's plan against the table, then queue a run: from new weights, or going on from a finished
   * run's (or a weights file's) when the plan still fits them. */
  start(name?: string, from?: ContinueFrom): { runId: string } {
    refuseMissing(this.session.plan, this.session.dataset !== null);
    const dataset = this.session.requireDataset();
    let plan = checkedPlan(this.session.plan, dataset.data);
    if (from?.epochs !== undefined) plan = { ...plan, training: { ...plan.training, epochs: from.epochs } };
    const start = from ? this.startingPoint(from) : undefined;
    if (start) {
      const mismatch = continueMismatch(start.weights, plan, dataset.data);
      if (mismatch !== null) throw userError('cannot_continue', `${start.name} cannot be continued: ${mismatch}.`, { hint: CANNOT_CONTINUE_HINT });
    }
    return this.startPlan(plan, name, start);
  }

  /** Queue a run of a plan already checked against the table (the search's winner, retrained; a continued run with
   * the weights it goes on from). */
  startPlan(plan: TrainingPlan, name?: string, start?: StartingWeights & { continuedFrom: ContinuedFrom }): { runId: string } {
    const dataset = this.session.requireDataset();
    const { runId } = this.training.start(dataset.data, plan, start && { weights: start.weights, name: start.name });
    const run = queuedRun(runId, name?.trim() || this.nextName(), plan);
    if (start) run.continuedFrom = start.continuedFrom;
    this.session.runs.push(run);
    this.session.touch();
    return { runId };
  }

  /** A yes/no run's decision threshold, kept in its weights, so Use, the exports and predict all answer with it. */
  setThreshold(runId: string, threshold: number): Run {
    const run = this.session.run(runId);
    if (!run.weights || run.weights.task !== 'binary') {
      throw userError('no_threshold', `"${run.name}" has no decision threshold: ${run.weights ? 'it does not answer yes or no' : 'it has no trained weights'}.`, {
        hint: 'Choose a finished run with a yes/no label.',
      });
    }
    // new objects, not changed ones: a copy checked once (predictions.ts modelOf) is known by the object it came from
    run.weights = { ...run.weights, output: { ...run.weights.output, threshold } };
    if (run.evaluation) run.evaluation = { ...run.evaluation, threshold };
    this.session.touch();
    return run;
  }

  stop(runId: string): void {
    const run = this.session.run(runId);
    if (isActive(run.status)) this.training.stop(runId);
  }

  delete(runId: string): void {
    const run = this.session.run(runId);
    if (isActive(run.status)) this.training.stop(runId, { force: true });
    this.session.runs = this.session.runs.filter((r) => r.id !== runId);
    if (this.session.ui.selectedRunId === runId) this.session.ui.selectedRunId = null;
    this.session.ui.compareRunIds = (this.session.ui.compareRunIds ?? []).filter((id) => id !== runId);
    this.session.touch();
  }

  list(): RunSummary[] {
    return this.session.runs.map(summaryOf);
  }

  /** Live runs of the project being closed: stop them, their results are not wanted. */
  stopAll(): void {
    for (const run of this.session.runs) {
      if (isActive(run.status)) this.training.stop(run.id, { force: true });
    }
  }

  close(): void {
    for (const off of this.unsubscribe) off();
  }

  private startingPoint(from: ContinueFrom): StartingWeights & { continuedFrom: ContinuedFrom } {
    if (from.weights) return { ...from.weights, continuedFrom: { name: from.weights.name } };
    const source = this.session.run(from.runId!);
    if (!source.weights || !hasTrainedWeights(source)) {
      const why = isActive(source.status) ? 'it is still training' : source.weights ? `it ${source.status}` : 'it has no trained weights';
      throw userError('cannot_continue', `${source.name} cannot be continued: ${why}.`, {
        hint: 'Choose a run that finished or was stopped, or train a new run.',
      });
    }
    const epoch = source.keptEpoch ?? source.history.length;
    return { weights: source.weights, name: source.name, continuedFrom: { name: source.name, runId: source.id, epoch } };
  }

  private nextName(): string {
    let highest = 0;
    for (const run of this.session.runs) {
      const match = /^Run (\d+)$/.exec(run.name);
      if (match) highest = Math.max(highest, Number(match[1]));
    }
    return `Run ${Math.max(highest, this.session.runs.length) + 1}`;
  }

  private ended(ended: TrainingRun): void {
    const run = this.session.runs.find((r) => r.id === ended.id);
    if (!run) return;
    endRun(run, ended);
    this.session.touch();
    if (ended.status === 'failed' || ended.status === 'diverged') {
      this.hub.emit('training.failed', { runId: run.id, error: failureOf(ended), run: summaryOf(run) });
    } else {
      this.hub.emit('training.finished', { runId: run.id, run });
    }
  }
}

/** What a run goes on from: a run of the project, or weights from elsewhere (train --from FILE); and for how long. */
export interface ContinueFrom {
  runId?: string;
  weights?: StartingWeights;
  /** how many more epochs; default the plan's */
  epochs?: number;
}

function failureOf(ended: TrainingRun): ErrorInfo {
  if (ended.error) {
    const { kind: _kind, ...info } = ended.error;
    // a worker that died reports no code of its own
    return { ...info, code: info.code || 'training_failed' };
  }
  return {
    code: ended.status === 'diverged' ? 'diverged' : 'training_failed',
    message: ended.message ?? 'The training run failed.',
    ...(ended.status === 'diverged' ? { hint: 'On the Model screen, lower the learning rate, then start a new run.' } : {}),
  };
}

/** A run the training service has ended, as the project holds it: what `train --save` puts in its project. */
export function runOfTraining(ended: TrainingRun, name: string): Run {
  const run = queuedRun(ended.id, name, ended.plan, ended.startedAt ?? ended.finishedAt ?? Date.now());
  endRun(run, ended);
  return run;
}

/** A draft plan made ready to train, or a sentence saying what is still to choose (workers/plan.ts decides what). */
export function checkedPlan(draft: PlanDraft | null, data: import('../../workers/data').Dataset): TrainingPlan {
  refuseMissing(draft);
  const label = findColumn(data, draft!.label).name;
  const features = draft!.features.map((f) => findColumn(data, f).name);
  refuseMissing({ label, features }); // the table's own spelling of the names may make the label a feature
  return TrainingPlanSchema.parse({ ...draft, label, features });
}

function refuseMissing(plan: { label: string; features: readonly string[] } | null, hasTable = true): void {
  const first = missingForTraining(plan, hasTable)[0];
  if (first) throw userError(first.code, first.message, { hint: first.hint, ...(first.column ? { column: first.column } : {}) });
}
