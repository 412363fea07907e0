// How many numbers (weights and biases) a stack of Dense layers learns: the figure shown beside the layer stack.

export interface LayerSize {
  units: number;
  /** default true, as in Keras */
  useBias?: boolean;
}

/** Weights from every input to every unit, plus one bias per unit. */
export function layerParameters(fanIn: number, layer: LayerSize): number {
  return fanIn * layer.units + (layer.useBias === false ? 0 : layer.units);
}

/** Parameters of the whole network: `inputs` network inputs, then the layers in order (hidden layers and output). */
export function countParameters(inputs: number, layers: readonly LayerSize[]): number {
  let total = 0;
  let fanIn = inputs;
  for (const layer of layers) {
    total += layerParameters(fanIn, layer);
    fanIn = layer.units;
  }
  return total;
}
