// The tutorial's Keras recipe, what `npm run train` runs with no options: the Pima diabetes table, 8 inputs,
// Dense(16, relu) and Dense(8, relu) with init='uniform', a sigmoid output, binary cross-entropy, Adam,
// 150 epochs of batches of 10, the numbers as they are (no scaling, no zero-as-missing), numpy's seed 7.

import path from 'node:path';
import type { TrainingPlan } from '../../workers/plan';

/** datasets/diabetes.csv, found from this file's place in the tree (main/cli/). */
export const DEFAULT_CSV = path.resolve(__dirname, '..', '..', 'datasets', 'diabetes.csv');
export const DEFAULT_LABEL = 'Outcome';

export function kerasRecipe(features: string[], label: string): TrainingPlan {
  return {
    features,
    label,
    task: 'auto',
    preparation: {
      numericMissing: 'median',
      categoricalMissing: 'most_frequent',
      scaling: 'none',
      zeroAsMissing: [],
      nonNumericAsMissing: [],
    },
    split: { validation: 0, test: 0, seed: 7, stratify: true },
    hidden: [
      { units: 16, activation: 'relu', initializer: 'random_uniform' },
      { units: 8, activation: 'relu', initializer: 'random_uniform' },
    ],
    output: { activation: 'sigmoid', initializer: 'random_uniform' },
    training: {
      loss: 'binary_crossentropy',
      optimizer: { name: 'adam' },
      epochs: 150,
      batchSize: 10,
      seed: 7,
      l2: 0,
      classWeights: 'none',
      earlyStopping: null,
    },
  };
}
