// "How the network got there": one row through a trained weights file, keeping every input, sum and activation so
// the Use screen can show the forward pass node by node (inputs × weights → sums → activations → output).
// It encodes cells with the engine's encodeRow and activates with the engine's table, so its answer is the engine's.

import { activations } from '../../../workers/engine/activations';
import { encodeRow } from '../../../workers/engine/predict';
import { cellNumber, type WeightsFile } from '../../../workers/engine/weights-file';

/** One network input after preparation: a numeric column, or one one-hot column of a categorical column. */
export interface EncodedInput {
  /** e.g. "Glucose" or "Sex = F" */
  label: string;
  /** the value the person typed (or the category) */
  raw: string;
  /** what goes into the network after filling missing values and scaling */
  value: number;
  /** the cell was empty or a "missing" marker (such as Insulin's 0), so the fill value was used */
  filled?: boolean;
}

export interface TracedUnit {
  /** the weight from each input of the layer, in order */
  weights: number[];
  /** input × weight for each input of the layer, in order */
  products: number[];
  bias: number;
  /** the weighted sum plus the bias */
  sum: number;
  /** the activation of the sum */
  output: number;
}

export interface TracedLayer {
  activation: string;
  units: TracedUnit[];
}

export interface ForwardTrace {
  inputs: EncodedInput[];
  layers: TracedLayer[];
  /** the last layer's outputs */
  outputs: number[];
  warnings: string[];
}

export type RowValues = Record<string, string | number | null | undefined>;

/** The network's input vector for one row, with a readable label per entry: encoded by the engine's own encodeRow,
 * so the trace's answer is the answer predictions give for the same cells. */
export function encodeInputs(weights: WeightsFile, values: RowValues): { inputs: EncodedInput[]; warnings: string[] } {
  const row = weights.inputs.map((input) => values[input.name] ?? null);
  const { features, warnings } = encodeRow(weights.inputs, row);
  const inputs: EncodedInput[] = [];
  let at = 0;
  weights.inputs.forEach((input, i) => {
    const cell = row[i] ?? null;
    const raw = cell === null ? '' : String(cell);
    if (input.kind === 'numeric') {
      const n = cellNumber(cell);
      const filled = Number.isNaN(n) || (input.missing?.values.includes(n) ?? false);
      inputs.push({ label: input.name, raw, value: features[at++]!, ...(filled ? { filled: true } : {}) });
    } else {
      input.categories.forEach((category, j) => inputs.push({ label: `${input.name} = ${category}`, raw, value: features[at + j]! }));
      at += input.categories.length;
    }
  });
  return { inputs, warnings };
}

/** Runs the input vector through every layer, keeping each product, sum and activation. */
export function traceLayers(weights: WeightsFile, vector: readonly number[]): TracedLayer[] {
  const layers: TracedLayer[] = [];
  let current = Float64Array.from(vector);
  for (const layer of weights.layers) {
    const z = new Float64Array(layer.units);
    const units: TracedUnit[] = [];
    for (let u = 0; u < layer.units; u++) {
      const products: number[] = [];
      const unitWeights: number[] = [];
      let sum = 0;
      for (let i = 0; i < current.length; i++) {
        const w = layer.kernel[i]?.[u] ?? 0;
        const p = current[i]! * w;
        unitWeights.push(w);
        products.push(p);
        sum += p;
      }
      const bias = layer.bias?.[u] ?? 0;
      sum += bias;
      z[u] = sum;
      units.push({ weights: unitWeights, products, bias, sum, output: 0 });
    }
    const y = new Float64Array(layer.units);
    activations[layer.activation].forward(z, y, layer.units, layer.units);
    units.forEach((unit, u) => (unit.output = y[u]!));
    layers.push({ activation: layer.activation, units });
    current = y;
  }
  return layers;
}

export function traceForward(weights: WeightsFile, values: RowValues): ForwardTrace {
  const { inputs, warnings } = encodeInputs(weights, values);
  const layers = traceLayers(weights, inputs.map((i) => i.value));
  const last = layers[layers.length - 1];
  return { inputs, layers, outputs: last ? last.units.map((u) => u.output) : [], warnings };
}

export interface Answer {
  /** the class chosen (classification) */
  label?: string;
  /** binary: probability of the positive class (classes[1]) */
  probability?: number;
  /** multiclass: one per class, in the classes' order */
  probabilities?: number[];
  /** regression: in the target's units */
  value?: number;
}

/** The network's outputs read as the answer a person asked for, at a decision threshold for binary models. */
export function readAnswer(weights: WeightsFile, outputs: readonly number[], threshold = weights.output.threshold ?? 0.5): Answer {
  const classes = weights.output.classes ?? [];
  if (weights.task === 'binary') {
    const probability = outputs[0] ?? Number.NaN;
    return { probability, label: probability >= threshold ? classes[1] ?? '1' : classes[0] ?? '0' };
  }
  if (weights.task === 'multiclass') {
    let best = 0;
    for (let i = 1; i < outputs.length; i++) if (outputs[i]! > outputs[best]!) best = i;
    return { probabilities: [...outputs], label: classes[best] ?? String(best) };
  }
  const scale = weights.output.scale;
  const raw = outputs[0] ?? Number.NaN;
  return { value: scale ? raw * scale.std + scale.mean : raw };
}

/** A regression trained on a standardised target answers on that scale: the last step of the maths turns it back
 * (output × the training rows' spread + their mean), ending in the target's units. Null when there is no such step. */
export function unscaledOutput(weights: WeightsFile, outputs: readonly number[]): { raw: number; std: number; mean: number; value: number; name: string } | null {
  const scale = weights.output.scale;
  const raw = outputs[0];
  if (weights.task !== 'regression' || !scale || raw === undefined) return null;
  return { raw, std: scale.std, mean: scale.mean, value: raw * scale.std + scale.mean, name: weights.output.name };
}
