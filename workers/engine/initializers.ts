// Kernel initializers with Keras' names and meanings. Biases always start at zero, as Keras' default does.

import type { Rng } from './rng';
import type { InitializerName } from './spec';

/** Keras' VarianceScaling divides a truncated normal's stddev by this, the stddev of a unit normal cut at ±2. */
const TRUNCATED_NORMAL_STDDEV = 0.87962566103423978;

/** Fills `kernel` (fanIn × fanOut values) by the named initializer. */
export function initializeKernel(
  name: InitializerName,
  kernel: Float64Array,
  fanIn: number,
  fanOut: number,
  rng: Rng,
): void {
  switch (name) {
    case 'zeros':
      kernel.fill(0);
      return;
    case 'random_uniform': // Keras RandomUniform(minval=-0.05, maxval=0.05): the tutorial's init='uniform'
      return fillUniform(kernel, 0.05, rng);
    case 'random_normal': // Keras RandomNormal(mean=0, stddev=0.05)
      for (let i = 0; i < kernel.length; i++) kernel[i] = 0.05 * rng.normal();
      return;
    case 'glorot_uniform':
      return fillUniform(kernel, Math.sqrt(6 / (fanIn + fanOut)), rng);
    case 'glorot_normal':
      return fillTruncatedNormal(kernel, Math.sqrt(2 / (fanIn + fanOut)) / TRUNCATED_NORMAL_STDDEV, rng);
    case 'he_uniform':
      return fillUniform(kernel, Math.sqrt(6 / fanIn), rng);
    case 'he_normal':
      return fillTruncatedNormal(kernel, Math.sqrt(2 / fanIn) / TRUNCATED_NORMAL_STDDEV, rng);
    default:
      throw new Error(`Unknown initializer "${String(name)}".`);
  }
}

function fillUniform(kernel: Float64Array, limit: number, rng: Rng): void {
  for (let i = 0; i < kernel.length; i++) kernel[i] = (2 * rng.next() - 1) * limit;
}

/** Normal with the given stddev, redrawn until within two stddevs (as tf.random.truncated_normal). */
function fillTruncatedNormal(kernel: Float64Array, stddev: number, rng: Rng): void {
  for (let i = 0; i < kernel.length; i++) {
    let v = rng.normal();
    while (v < -2 || v > 2) v = rng.normal();
    kernel[i] = v * stddev;
  }
}
