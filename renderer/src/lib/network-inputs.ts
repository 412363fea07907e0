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

/** Kernels ([layer][fanIn][units], from a weights file or a live copy) when their shape is the one drawn (inputs,
 * then each layer's units); else null. */
export function kernelsMatching(kernels: readonly number[][][] | null | undefined, inputs: number, units: readonly number[]): number[][][] | null {
  if (!kernels || kernels.length !== units.length) return null;
  let fanIn = inputs;
  for (let i = 0; i < units.length; i++) {
    const kernel = kernels[i]!;
    if (kernel.length !== fanIn || kernel.some((row) => row.length !== units[i])) return null;
    fanIn = units[i]!;
  }
  return kernels as number[][][];
}

/** A weights file's kernels, layer by layer. */
export function kernelsOf(weights: WeightsFile | null | undefined): number[][][] | null {
  return weights ? weights.layers.map((layer) => layer.kernel) : null;
}
