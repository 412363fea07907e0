// How each of our activations is written in a TensorFlow.js Layers model, and why each is the same function.

import { ELU_ALPHA, LEAKY_RELU_SLOPE } from '../engine/activations';
import type { ActivationName } from '../engine/spec';

/** A Keras-style layer entry of model.json's topology: its class and its config (the name is given later). */
export interface TfjsLayerEntry {
  class_name: string;
  config: Record<string, unknown>;
}

/**
 * What an activation becomes: the Dense layer's own `activation`, optionally followed by one layer of its own, or
 * a refusal saying why tfjs cannot compute it as we do (none today; the type keeps the question open for each new
 * activation, since a Record over ActivationName will not compile without it).
 */
export type TfjsActivation =
  | { dense: string; after?: TfjsLayerEntry }
  | { refuse: string };

export const TFJS_ACTIVATIONS: Record<ActivationName, TfjsActivation> = {
  linear: { dense: 'linear' },
  relu: { dense: 'relu' },
  // tfjs has no 'leaky_relu' activation string, and its LeakyReLU layer's default slope is 0.3, not ours
  leaky_relu: { dense: 'linear', after: { class_name: 'LeakyReLU', config: { alpha: LEAKY_RELU_SLOPE } } },
  // tfjs' elu is x for x > 0, else e^x − 1: alpha 1, as ours (the activation string takes no alpha)
  elu: ELU_ALPHA === 1 ? { dense: 'elu' } : { refuse: `tfjs' "elu" activation has alpha 1; this model's elu uses ${ELU_ALPHA}` },
  sigmoid: { dense: 'sigmoid' },
  tanh: { dense: 'tanh' },
  // tfjs' softplus returns x above about 13.9 and e^x below about −13.9: within 1e-6 of ln(1 + e^x) there
  softplus: { dense: 'softplus' },
  // tfjs' softmax over the last axis subtracts the maximum first, as ours; for a Dense layer that is its units
  softmax: { dense: 'softmax' },
};
