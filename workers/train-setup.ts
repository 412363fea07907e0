// From a training plan and the label's task to the engine's network and settings: the output layer and the loss
// follow the task unless the plan says otherwise, and choices that cannot work are refused in plain words.

import type { LossName, NetworkSpec, TrainSettings } from './engine/spec';
import type { Task } from './engine/weights-file';
import { autoLoss, outputActivation, type TrainingPlan } from './plan';

/** A plan choice that cannot work with this label (the user can fix it; it is not our fault). */
export class PlanError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(`${message} ${hint}`);
    this.name = 'PlanError';
    this.hint = hint;
  }
}

/** The network: the plan's hidden layers, then an output layer of `outputs` units for the task. */
export function networkFor(plan: TrainingPlan, task: Task, inputs: number, outputs: number): NetworkSpec {
  const activation = plan.output.activation ?? outputActivation(task);
  const output = { units: outputs, activation, ...(plan.output.initializer ? { initializer: plan.output.initializer } : {}) };
  return { inputs, layers: [...plan.hidden.map((layer) => ({ ...layer })), output] };
}

export function lossFor(plan: TrainingPlan, task: Task): LossName {
  return plan.training.loss === 'auto' ? autoLoss(task) : plan.training.loss;
}

/** The engine's settings; the validation rows come from the plan's split, not from the engine's own split. */
export function settingsFor(plan: TrainingPlan, task: Task): TrainSettings {
  const t = plan.training;
  const settings: TrainSettings = {
    loss: lossFor(plan, task),
    optimizer: { ...t.optimizer },
    epochs: t.epochs,
    batchSize: t.batchSize,
    seed: t.seed,
    l2: t.l2,
  };
  if (t.classWeights === 'balanced') settings.classWeights = 'balanced';
  if (t.earlyStopping) {
    settings.earlyStopping = { patience: t.earlyStopping.patience, restoreBestWeights: t.earlyStopping.restoreBestWeights };
  }
  return settings;
}

/** Refuse loss and output choices that do not fit the label, before the engine would refuse them less kindly. */
export function checkChoices(spec: NetworkSpec, settings: TrainSettings, task: Task, label: string): void {
  const output = spec.layers[spec.layers.length - 1].activation;
  const loss = settings.loss;
  if (spec.layers.slice(0, -1).some((layer) => layer.activation === 'softmax')) {
    throw new PlanError('softmax can only be the activation of the output layer.', 'Choose another activation for the hidden layers.');
  }
  if (loss === 'binary_crossentropy' && (task !== 'binary' || output !== 'sigmoid')) {
    throw new PlanError(
      `The loss binary_crossentropy needs a yes/no label and a sigmoid output, but "${label}" is ${describeTask(task)} and the output is ${output}.`,
      'Use --loss auto, or the loss that fits the label.',
    );
  }
  if (loss === 'categorical_crossentropy' && (task !== 'multiclass' || output !== 'softmax')) {
    throw new PlanError(
      `The loss categorical_crossentropy needs a label with several classes and a softmax output, but "${label}" is ${describeTask(task)} and the output is ${output}.`,
      'Use --loss auto, or the loss that fits the label.',
    );
  }
  if (task === 'multiclass' && output !== 'softmax' && loss !== 'mse' && loss !== 'sse') {
    throw new PlanError(`A label with several classes needs a softmax output (got ${output}).`, 'Leave the output activation to follow the label.');
  }
  if (task === 'regression' && output === 'softmax') {
    throw new PlanError(`"${label}" holds numbers to predict, so the output cannot be softmax.`, 'Leave the output activation to follow the label.');
  }
  if (task === 'regression' && settings.classWeights === 'balanced') {
    throw new PlanError(
      `Class weights give each class of answers the same say, but "${label}" holds numbers to predict, not classes.`,
      'Set Class weights to none (on the command line: --class-weights none).',
    );
  }
}

function describeTask(task: Task): string {
  if (task === 'binary') return 'a yes/no label';
  if (task === 'multiclass') return 'a label with several classes';
  return 'a number to predict';
}
