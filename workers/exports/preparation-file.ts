// preparation.json, beside an exported model that has no place for our input preparation (docs/export-tfjs.md):
// the weights file's inputs and output as they are, and the network's input columns by name.

import { networkInputNames, type InputSpec, type OutputSpec, type Task, type WeightsFile } from '../engine/weights-file';

export const PREPARATION_FORMAT = 'neuron-studio.preparation';
export const PREPARATION_VERSION = 1;

export interface PreparationFile {
  format: typeof PREPARATION_FORMAT;
  version: typeof PREPARATION_VERSION;
  task: Task;
  /** the weights file's inputs, unchanged: how each raw value is filled, scaled or one-hot encoded */
  inputs: InputSpec[];
  /** the model's input vector, one name per column ("Smoker = yes" for a one-hot column) */
  networkInputs: string[];
  /** the weights file's output, unchanged: how to read the model's output */
  output: OutputSpec;
}

export function preparationFile(weights: WeightsFile): PreparationFile {
  return {
    format: PREPARATION_FORMAT,
    version: PREPARATION_VERSION,
    task: weights.task,
    inputs: weights.inputs,
    networkInputs: networkInputNames(weights.inputs),
    output: weights.output,
  };
}
