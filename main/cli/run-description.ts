// The first line of a training run in the terminal: what is learned from what, with which network and settings.

import type { Dataset } from '../../workers/data/dataset';
import type { Task } from '../../workers/engine/weights-file';
import type { TrainingPlan } from '../../workers/plan';

const TASK_WORDS: Record<Task, string> = {
  binary: 'a yes/no classifier',
  multiclass: 'a classifier',
  regression: 'a regression model',
};

/** `withNetwork` false: the first line only (a search chooses the network itself). */
export function describeRun(dataset: Dataset, plan: TrainingPlan, task: Task, withNetwork = true): string {
  const t = plan.training;
  const layers = plan.hidden.map((l) => `${l.units} ${l.activation}`).join(' -> ');
  const optimizer = t.optimizer.learningRate ? `${t.optimizer.name} (lr ${t.optimizer.learningRate})` : t.optimizer.name;
  const held = [
    plan.split.validation > 0 ? `${plan.split.validation * 100}% for validation` : '',
    plan.split.test > 0 ? `${plan.split.test * 100}% for test` : '',
  ].filter(Boolean);
  const what =
    `Training ${TASK_WORDS[task]} for "${plan.label}" from ${plan.features.length} column${plan.features.length === 1 ? '' : 's'} of ${dataset.fileName} (${dataset.rowCount} rows${held.length ? `, ${held.join(' and ')}` : ''}).`;
  if (!withNetwork) return what;
  return [
    what,
    `Network: inputs -> ${layers ? `${layers} -> ` : ''}output; ${optimizer}${t.l2 > 0 ? `, L2 ${t.l2}` : ''}, loss ${t.loss}, ${t.epochs} epochs, batch ${t.batchSize}${t.classWeights === 'balanced' ? ', class weights balanced' : ''}, scaling ${plan.preparation.scaling}, seed ${t.seed}.`,
    ...(plan.preparation.zeroAsMissing.length
      ? [`0 counts as missing (not measured) in ${plan.preparation.zeroAsMissing.join(', ')}; --zeros-missing names other columns, or none.`]
      : []),
  ].join('\n');
}
