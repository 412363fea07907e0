// The project's training runs: started on the TrainingService, followed into the session, announced to every window.

import { findColumn } from '../../workers/data';
import { TrainingPlanSchema, type PlanDraft, type TrainingPlan } from '../../workers/plan';
import { appendEpochs, endRun, isActive, queuedRun, summaryOf, type Run, type RunSummary } from '../../workers/run';
import type { ErrorInfo } from '../contract';
import type { EventHub } from '../transport/dispatch';
import { userError } from '../transport/errors';
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

  /** Check the plan against the table, then queue a run. */
  start(draft?: PlanDraft, name?: string): { runId: string } {
    const dataset = this.session.requireDataset();
    const plan = checkedPlan(draft ?? this.session.plan, dataset.data);
    if (draft) this.session.plan = draft;
    const { runId } = this.training.start(dataset.data, plan);
    const run = queuedRun(runId, name?.trim() || this.nextName(), plan);
    this.session.runs.push(run);
    this.session.touch();
    return { runId };
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

/** A draft plan made ready to train, or a sentence saying what is still to choose. */
export function checkedPlan(draft: PlanDraft | null, data: import('../../workers/data').Dataset): TrainingPlan {
  if (!draft || !draft.label) {
    throw userError('no_label', 'Choose the column the model should predict (the label) first.', {
      hint: 'On the Data screen, set one column\'s role to "label".',
    });
  }
  if (draft.features.length === 0) {
    throw userError('no_features', 'Choose at least one feature column for the model to learn from.', {
      hint: 'On the Data screen, set some columns\' role to "feature".',
    });
  }
  const label = findColumn(data, draft.label).name;
  const features = draft.features.map((f) => findColumn(data, f).name);
  if (features.includes(label)) {
    throw userError('label_is_feature', `"${label}" is the label, so it cannot also be a feature.`, {
      column: label,
      hint: `Set "${label}" to "label" only, or choose another label.`,
    });
  }
  return TrainingPlanSchema.parse({ ...draft, label, features });
}
