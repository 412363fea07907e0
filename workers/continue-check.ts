// Whether trained weights can go on learning under a plan and a table: the same label and task, the same input
// columns (in the same order and of the same kind), the same hidden layers and output. Said in words when not.

import type { Dataset } from './data/dataset';
import { findColumn } from './data/dataset';
import { labelTask } from './data/roles';
import type { WeightsFile } from './engine/weights-file';
import type { TrainingPlan } from './plan';
import { PlanError, networkFor } from './train-setup';

/** Weights to start a run from, and what they are called in messages ("Run 2", "weights.json"). */
export interface StartingWeights {
  weights: WeightsFile;
  name: string;
}

/** The hint of every refusal: both faces say the same. */
export const CANNOT_CONTINUE_HINT = 'Train a new run instead, or set the model back to the one these weights were trained with.';

/**
 * What differs between the weights and the network the plan makes of this table, as the second half of
 * "Run 2 cannot be continued: ...", e.g. "its network has 16-8 hidden units and the plan now has 32"; null when they fit.
 */
export function continueMismatch(weights: WeightsFile, plan: TrainingPlan, dataset: Dataset): string | null {
  const label = findColumn(dataset, plan.label);
  if (!dataset.columns.some((c) => c.name === weights.output.name)) {
    return `it predicts ${weights.output.name}, which ${dataset.fileName} does not have`;
  }
  if (weights.output.name !== label.name) return `it predicts ${weights.output.name} and the plan now predicts ${label.name}`;
  const described = labelTask(dataset, label.name, plan.task);
  if (described.task !== weights.task) {
    return `it predicts ${label.name} ${TASK_WORDS[weights.task]} and the plan now predicts it ${TASK_WORDS[described.task]}`;
  }
  const classes = weights.output.classes ?? [];
  if (weights.task !== 'regression' && !sameList(classes, described.classes ?? [])) {
    return `it tells apart ${listed(classes)} and ${label.name} now holds ${listed(described.classes ?? [])}`;
  }

  const inputs = weights.inputs.map((input) => input.name);
  const absent = inputs.filter((name) => !dataset.columns.some((c) => c.name === name));
  if (absent.length) return `it learned from ${listed(absent)}, which ${dataset.fileName} does not have`;
  const planned = plannedInputs(plan, dataset, label.name);
  if (!sameList(inputs, planned)) {
    const dropped = inputs.filter((name) => !planned.includes(name));
    const added = planned.filter((name) => !inputs.includes(name));
    const parts = [
      ...(dropped.length ? [`it learned from ${listed(dropped)} too, which the plan now leaves out`] : []),
      ...(added.length ? [`the plan now also uses ${listed(added)}, which it never learned from`] : []),
    ];
    return parts.length ? parts.join('; ') : `the plan now lists its input columns in another order (${listed(planned)})`;
  }
  for (const input of weights.inputs) {
    const numeric = dataset.columns.find((c) => c.name === input.name)!.numbers !== undefined;
    if (numeric !== (input.kind === 'numeric')) {
      return `it read ${input.name} as ${input.kind === 'numeric' ? 'numbers' : 'categories'} and the table now holds ${numeric ? 'numbers' : 'text'} there`;
    }
  }

  const outputs = weights.layers[weights.layers.length - 1]!.units;
  const spec = networkFor(plan, weights.task, 0, outputs);
  const hidden = weights.layers.slice(0, -1);
  const plannedHidden = spec.layers.slice(0, -1);
  const units = (layers: readonly { units: number }[]) => layers.map((l) => l.units).join('-');
  if (units(hidden) !== units(plannedHidden)) {
    const now = plannedHidden.length ? units(plannedHidden) : 'none';
    return hidden.length
      ? `its network has ${units(hidden)} hidden units and the plan now has ${now}`
      : `its network has no hidden layer and the plan now has ${units(plannedHidden)} hidden units`;
  }
  const activations = (layers: readonly { activation: string }[]) => layers.map((l) => l.activation).join(', ');
  if (activations(hidden) !== activations(plannedHidden)) {
    return `its hidden layers use ${activations(hidden)} and the plan now uses ${activations(plannedHidden)}`;
  }
  const output = spec.layers[spec.layers.length - 1]!.activation;
  const trainedOutput = weights.layers[weights.layers.length - 1]!.activation;
  if (output !== trainedOutput) return `its output layer uses ${trainedOutput} and the plan now uses ${output}`;
  return null;
}

/** Refuses weights that do not fit, as a PlanError (the user's to fix): "weights.json cannot be continued: ...". */
export function checkContinue(start: StartingWeights, plan: TrainingPlan, dataset: Dataset): void {
  const mismatch = continueMismatch(start.weights, plan, dataset);
  if (mismatch !== null) throw new PlanError(`${start.name} cannot be continued: ${mismatch}.`, CANNOT_CONTINUE_HINT);
}

const TASK_WORDS = { binary: 'as a yes/no answer', multiclass: 'as one of several classes', regression: 'as a number' } as const;

/** The input columns the preparation makes of the plan (workers/data/prepare.ts: the label left out, each once). */
function plannedInputs(plan: TrainingPlan, dataset: Dataset, label: string): string[] {
  const names = plan.features.map((name) => findColumn(dataset, name).name).filter((name) => name !== label);
  return names.filter((name, i) => names.indexOf(name) === i);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function listed(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'nothing';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
