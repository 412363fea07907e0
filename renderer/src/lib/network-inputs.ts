// The names of the network's inputs as the drawing labels them, and the trained kernels when they fit the drawing.

import type { WeightsFile } from '../../../workers/engine/weights-file';

interface CategoricalLike {
  kind: string;
  categories?: { value: string }[];
}

/** One name per network input: a numeric feature gives its name, a categorical one "name = category" each. */
export function networkInputNames(features: readonly string[], profileOf: (name: string) => unknown): string[] {
  const names: string[] = [];
  for (const feature of features) {
    const profile = profileOf(feature) as CategoricalLike | undefined;
    if (profile?.kind === 'categorical' && profile.categories?.length) {
      for (const c of profile.categories) names.push(`${feature} = ${c.value}`);
    } else names.push(feature);
  }
  return names;
}

/** A weights file's kernels when its shape is the one drawn (inputs, then each layer's units); else null. */
export function kernelsMatching(weights: WeightsFile | null, inputs: number, units: readonly number[]): number[][][] | null {
  if (!weights || weights.layers.length !== units.length) return null;
  let fanIn = inputs;
  for (let i = 0; i < units.length; i++) {
    const layer = weights.layers[i]!;
    if (layer.units !== units[i] || layer.kernel.length !== fanIn) return null;
    fanIn = layer.units;
  }
  return weights.layers.map((l) => l.kernel);
}
