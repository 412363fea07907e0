// Explanations of the project's runs, for the app and `predict --project --explain`: a run's weights and plan on the
// project's table, handed to the pool (main/services/explanations.ts). What matters overall is kept per run, so it is
// computed once (again only when the run's threshold or the table changes); it is not saved in the project file.

import type { Dataset } from '../../workers/data';
import type { CaseExplanation, Importance, RawRow, WhatIf } from '../../workers/engine/explain';
import type { WeightsFile } from '../../workers/engine/weights-file';
import type { Run } from '../../workers/run';
import { userError } from '../errors';
import { backgroundOf, explainAnswerAgainst, explainInputs, explainWhatIf, type ExplainedRun } from './explanations';
import { modelOf } from './predictions';
import type { Session } from './session';
import type { TrainingService } from './training';

/** The case by input name, as the Use screen sends it (empty or null: not given). */
export type CaseValues = Readonly<Record<string, string | number | null>>;

/** What is kept for a run, and what it was computed from: another threshold (new weights) or another table
 * computes it again. */
interface Kept<T> {
  weights: WeightsFile;
  dataset: Dataset;
  value: T;
}

export class RunExplanations {
  private readonly kept = new Map<string, Kept<Promise<Importance>>>();
  private readonly backgrounds = new Map<string, Kept<RawRow[]>>();

  constructor(
    private readonly session: Session,
    private readonly training: TrainingService,
  ) {}

  /** Why this answer: each input's share of (its answer − the average answer over the run's training rows). */
  answer(runId: string, values: CaseValues): Promise<CaseExplanation & { runId: string }> {
    return this.answerRow(runId, rowOf(this.explained(runId).run.weights, values));
  }

  /** The same for a row already in the model's input order (predict --explain). */
  async answerRow(runId: string, row: RawRow): Promise<CaseExplanation & { runId: string }> {
    const { dataset, run } = this.explained(runId);
    let background = this.backgrounds.get(runId);
    if (!background || background.weights !== run.weights || background.dataset !== dataset) {
      background = { weights: run.weights, dataset, value: backgroundOf(dataset, run) };
      this.backgrounds.set(runId, background);
    }
    return { runId, ...(await explainAnswerAgainst(this.training, run.weights, row, background.value)) };
  }

  /** What matters overall, on the rows the run was evaluated on; computed once per run (and threshold, and table). */
  async inputs(runId: string): Promise<Importance & { runId: string }> {
    const { dataset, run } = this.explained(runId);
    let kept = this.kept.get(runId);
    if (!kept || kept.weights !== run.weights || kept.dataset !== dataset) {
      const importance = explainInputs(this.training, dataset, run);
      const fresh = { weights: run.weights, dataset, value: importance };
      this.kept.set(runId, fresh);
      // a failure is not kept: asking again tries again
      importance.catch(() => {
        if (this.kept.get(runId) === fresh) this.kept.delete(runId);
      });
      kept = fresh;
    }
    return { runId, ...(await kept.value) };
  }

  /** How the answer follows one input across its usual range, for this case and on average. */
  async whatIf(runId: string, input: string, values: CaseValues): Promise<WhatIf & { runId: string }> {
    const { dataset, run, name } = this.explained(runId);
    const spec = run.weights.inputs.find((i) => i.name === input);
    if (!spec) {
      throw userError('unknown_input', `"${name}" has no input "${input}": its inputs are ${run.weights.inputs.map((i) => i.name).join(', ')}.`, {
        hint: 'Choose one of its inputs.',
      });
    }
    return { runId, ...(await explainWhatIf(this.training, dataset, run, spec.name, rowOf(run.weights, values))) };
  }

  private explained(runId: string): { dataset: Dataset; run: ExplainedRun; name: string } {
    return explainedRun(this.session, runId);
  }
}

/** A project's run as the explanations read it: its checked weights, plan and evaluated rows, on the project's table. */
export function explainedRun(session: Session, runId: string): { dataset: Dataset; run: ExplainedRun; name: string } {
  const run: Run = session.run(runId);
  const weights = modelOf(run);
  const dataset = session.requireDataset().data;
  const on = run.evaluation?.on;
  const evaluatedOn = on === 'validation' || on === 'train' ? on : 'test';
  return { dataset, run: { weights, plan: run.plan, evaluatedOn }, name: run.name };
}

/** The rows a run's "average answer" is taken over (the app's, the CLI's and the calculator page's alike). */
export function backgroundOfRun(session: Session, runId: string): RawRow[] {
  const { dataset, run } = explainedRun(session, runId);
  return backgroundOf(dataset, run);
}

/** The case in the model's input order. */
export function rowOf(weights: WeightsFile, values: CaseValues): RawRow {
  return weights.inputs.map((input) => {
    const value = values[input.name];
    return value === undefined || (typeof value === 'string' && value.trim() === '') ? null : value;
  });
}
