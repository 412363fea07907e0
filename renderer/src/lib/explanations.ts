// One plain sentence per setting, for a person who has never trained a network (shown under each control).

export const explain = {
  layers:
    'A layer is a row of small calculators (units); each one adds up its inputs, each multiplied by a weight it learns, and passes the sum through an activation.',
  units: 'How many calculators this layer has: more can learn more complicated patterns, but need more data and time.',
  activation: 'The shape each unit applies to its sum before passing it on; ReLU (keep positives, zero out negatives) is the usual choice inside the network.',
  initializer: 'How the weights are set before training starts: small random numbers, so that the units learn different things.',
  dropout: 'While training, switch off this share of the units at random each step, so the network cannot lean on any one of them (it helps against memorising).',
  optimizer: 'The method that nudges the weights after each batch to make the error smaller; Adam adapts its steps by itself and is a safe default.',
  learningRate: 'How big each nudge to the weights is: too big and training jumps around, too small and it crawls.',
  loss: 'The number training tries to make small: how far the answers are from the truth.',
  epochs: 'An epoch is one pass through all the training rows; more epochs give the network more chances to learn (and to memorise).',
  batchSize: 'How many rows the network looks at before each nudge to its weights.',
  earlyStopping: 'Stop by itself when the validation error has not improved for this many epochs, and keep the best weights seen.',
  classWeights: 'Balanced gives a rare class as much say as a common one: each row counts more the rarer its answer is, so the model stops ignoring the rare class.',
  seed: 'A number that fixes the randomness: the same seed, data and settings give exactly the same result every time.',
  validation: 'Rows kept aside while training to watch whether the network learns patterns that hold on data it has not seen.',
  test: 'Rows never used while training, kept for the final, honest score on the Evaluate screen.',
  stratify: 'Keep the same share of each answer in every part of the split.',
  numericMissing: 'What to put in a numeric cell that is empty or marked missing; the median is robust to extreme values.',
  scaling: 'Put every column on a similar scale so that no column dominates just because its numbers are bigger.',
  threshold: 'The probability above which the model answers "yes"; lowering it finds more positives at the cost of more false alarms.',
} as const;

export const activationWords: Record<string, string> = {
  linear: 'linear (passes the sum unchanged)',
  relu: 'ReLU (negatives become 0)',
  leaky_relu: 'leaky ReLU (a little of the negatives)',
  elu: 'ELU (smooth ReLU)',
  sigmoid: 'sigmoid (squeezes to 0…1)',
  tanh: 'tanh (squeezes to −1…1)',
  softplus: 'softplus (smooth, always positive)',
  softmax: 'softmax (probabilities that add up to 1)',
};

/** Short names for the layer editor's menu (the longer words above go where there is room). */
export const activationNames: Record<string, string> = {
  linear: 'linear',
  relu: 'ReLU',
  leaky_relu: 'leaky ReLU',
  elu: 'ELU',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softplus: 'softplus',
  softmax: 'softmax',
};

export const initializerWords: Record<string, string> = {
  glorot_uniform: 'Glorot uniform (default)',
  glorot_normal: 'Glorot normal',
  he_uniform: 'He uniform (good with ReLU)',
  he_normal: 'He normal (good with ReLU)',
  random_uniform: 'small uniform (−0.05…0.05)',
  random_normal: 'small normal',
  zeros: 'zeros (every unit the same: rarely useful)',
};

export const optimizerWords: Record<string, string> = {
  adam: 'Adam (adapts its own steps)',
  rmsprop: 'RMSprop',
  sgd: 'SGD (plain steps, optional momentum)',
};

export const lossWords: Record<string, string> = {
  auto: 'follow the label (recommended)',
  binary_crossentropy: 'binary cross-entropy (yes/no answers)',
  categorical_crossentropy: 'categorical cross-entropy (several classes)',
  mse: 'mean squared error (numbers)',
  sse: 'sum of squared errors (the tutorial)',
};

export const taskWords = {
  binary: 'a yes/no answer (binary classification)',
  multiclass: 'one of several classes (multi-class classification)',
  regression: 'a number (regression)',
} as const;

/** Why the output layer looks the way it does, from the label's task. */
export function outputLayerReason(task: 'binary' | 'multiclass' | 'regression', label: string, classes: readonly string[] = []): string {
  if (task === 'binary') {
    return `${label} has two values (${classes.join(' and ') || 'two classes'}), so the output is one unit with a sigmoid: the probability that it is ${classes[1] ?? 'the second class'}.`;
  }
  if (task === 'multiclass') {
    return `${label} has ${classes.length || 'several'} classes, so the output has one unit per class with a softmax: one probability each, adding up to 1.`;
  }
  return `${label} is a number, so the output is one unit with no squeezing (linear): the predicted value.`;
}
