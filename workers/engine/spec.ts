// The names a user (and Keras) uses for every building block, and the shapes of a network and a training run.

export const ACTIVATIONS = ['linear', 'relu', 'leaky_relu', 'elu', 'sigmoid', 'tanh', 'softplus', 'softmax'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

export const INITIALIZERS = [
  'random_uniform', 'random_normal', 'glorot_uniform', 'glorot_normal', 'he_uniform', 'he_normal', 'zeros',
] as const;
export type InitializerName = (typeof INITIALIZERS)[number];

export const LOSSES = ['sse', 'mse', 'binary_crossentropy', 'categorical_crossentropy'] as const;
export type LossName = (typeof LOSSES)[number];

export const OPTIMIZERS = ['sgd', 'rmsprop', 'adam'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** how much each row's loss counts by its class: 'balanced' as scikit-learn's class_weight (class-weights.ts) */
export const CLASS_WEIGHTINGS = ['none', 'balanced'] as const;
export type ClassWeighting = (typeof CLASS_WEIGHTINGS)[number];

export interface LayerSpec {
  units: number;
  activation: ActivationName;
  /** default glorot_uniform, as in Keras */
  initializer?: InitializerName;
  /** default true */
  useBias?: boolean;
  /** fraction of this layer's outputs dropped while training (0 = none) */
  dropout?: number;
}

export interface NetworkSpec {
  inputs: number;
  /** hidden layers then the output layer, in order */
  layers: LayerSpec[];
}

export interface OptimizerSettings {
  name: OptimizerName;
  /** Keras defaults: sgd 0.01, rmsprop 0.001, adam 0.001 */
  learningRate?: number;
  /** sgd */
  momentum?: number;
  nesterov?: boolean;
  /** rmsprop (default 0.9) */
  rho?: number;
  /** adam (defaults 0.9, 0.999) */
  beta1?: number;
  beta2?: number;
  /** default 1e-7 */
  epsilon?: number;
}

export interface EarlyStopping {
  /** 'val_loss' when validation rows exist, else 'loss' */
  monitor?: 'loss' | 'val_loss';
  patience: number;
  restoreBestWeights?: boolean;
}

export interface TrainSettings {
  loss: LossName;
  optimizer: OptimizerSettings;
  epochs: number;
  batchSize: number;
  seed: number;
  /** L2 weight-decay factor on kernels (0 = none) */
  l2?: number;
  /** classification: 'balanced' weighs each row's loss by its class (class-weights.ts); default 'none' */
  classWeights?: ClassWeighting;
  /** take this fraction of the training rows as validation when no validation rows are given */
  validationSplit?: number;
  earlyStopping?: EarlyStopping;
}

/** One epoch's figures; Keras' names. Classification has accuracy, regression mae/rmse/r2. */
export interface EpochMetrics {
  epoch: number; // 1-based
  loss: number;
  accuracy?: number;
  mae?: number;
  rmse?: number;
  r2?: number;
  val_loss?: number;
  val_accuracy?: number;
  val_mae?: number;
  val_rmse?: number;
  val_r2?: number;
  /** seconds since the run started */
  elapsed: number;
}

export type StopReason = 'completed' | 'early_stopping' | 'stopped' | 'diverged';

/** Weights from every input to every unit, plus one bias per unit (unless the layer has none, as Keras counts). */
export function layerParameters(fanIn: number, layer: Pick<LayerSpec, 'units' | 'useBias'>): number {
  return fanIn * layer.units + (layer.useBias === false ? 0 : layer.units);
}

/** The number of parameters (kernels and biases) of a network: the figure the Model screen shows. */
export function paramCount(spec: { inputs: number; layers: readonly Pick<LayerSpec, 'units' | 'useBias'>[] }): number {
  let size = 0;
  let fanIn = spec.inputs;
  for (const l of spec.layers) {
    size += layerParameters(fanIn, l);
    fanIn = l.units;
  }
  return size;
}
