// The weights file, format version 1 (docs/weights-format.md): the one JSON form of a trained model.

import type { ActivationName } from './spec';

export const WEIGHTS_FORMAT = 'neuron-studio.weights';
export const WEIGHTS_VERSION = 1;

export type Task = 'binary' | 'multiclass' | 'regression';

export type Scale =
  | { kind: 'standard'; mean: number; std: number }
  | { kind: 'minmax'; min: number; max: number };

export interface NumericInput {
  name: string;
  kind: 'numeric';
  /** values that mean "not measured" (besides an empty cell), and what replaces them */
  missing?: { values: number[]; fill: number };
  scale?: Scale;
}

export interface CategoricalInput {
  name: string;
  kind: 'categorical';
  /** one one-hot column per category, in this order */
  categories: string[];
  missing?: { values: string[]; fill: string };
}

export type InputSpec = NumericInput | CategoricalInput;

export interface WeightsLayer {
  units: number;
  activation: ActivationName;
  /** [fan_in][units], as Keras stores it */
  kernel: number[][];
  bias?: number[];
}

export interface OutputSpec {
  name: string;
  /** classification: the class names; a binary model outputs the probability of classes[1] */
  classes?: string[];
  threshold?: number;
  /** regression: turns the network's output back into the target's units */
  scale?: { kind: 'standard'; mean: number; std: number };
}

export interface WeightsFile {
  format: typeof WEIGHTS_FORMAT;
  version: typeof WEIGHTS_VERSION;
  task: Task;
  inputs: InputSpec[];
  layers: WeightsLayer[];
  output: OutputSpec;
}

/**
 * The largest number (either sign) a cell may hold. Beyond it, the squares that statistics (a column's spread) and
 * training (scaling, the loss) take overflow to Infinity even for a few million rows: 1e309 already is Infinity,
 * and 1.7e308 - (-1.7e308) is too. Reading and prediction refuse cells beyond it, so none reaches the arithmetic.
 */
export const LARGEST_USABLE_NUMBER = 1e150;

/** A number a cell may hold: not NaN, and within ±LARGEST_USABLE_NUMBER. */
export function isUsableNumber(value: number): boolean {
  return value <= LARGEST_USABLE_NUMBER && value >= -LARGEST_USABLE_NUMBER;
}

/** Number of network inputs the feature list makes (a categorical input counts one per category); the Model screen
 * counts a plan's inputs with it too, before any weights file exists. */
export function featureWidth(inputs: readonly ({ kind: 'numeric' } | { kind: 'categorical'; categories: readonly unknown[] })[]): number {
  let width = 0;
  for (const input of inputs) width += input.kind === 'numeric' ? 1 : input.categories.length;
  return width;
}

/** The network's input columns by name, in order: a numeric input's own name, a categorical one's "Smoker = yes"
 * per category (the one-hot column that is 1 for that category). */
export function networkInputNames(inputs: readonly InputSpec[]): string[] {
  return inputs.flatMap((input) => (input.kind === 'numeric' ? [input.name] : input.categories.map((c) => `${input.name} = ${c}`)));
}

/** A numeric cell as a prediction reads it: a number, or NaN (missing) for an empty cell and for text that is not a
 * number as written, such as "NA" or "3,5" (a decimal comma is the CSV importer's to read, for a whole file). */
export function cellNumber(raw: string | number | null | undefined): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw !== 'string' || raw.trim() === '') return Number.NaN;
  return Number(raw.trim());
}

/** A numeric cell to its network value: missing (NaN or a listed marker) is filled, then scaled. */
export function encodeNumber(input: NumericInput, value: number): number {
  let v = value;
  if (input.missing && (Number.isNaN(v) || input.missing.values.includes(v))) v = input.missing.fill;
  const s = input.scale;
  if (!s) return v;
  if (s.kind === 'standard') return (v - s.mean) / (s.std === 0 ? 1 : s.std);
  const range = s.max - s.min;
  return (v - s.min) / (range === 0 ? 1 : range);
}

/** A categorical cell to the index of its one-hot column, or -1 (all zeros) for an unseen category. */
export function categoryIndex(input: CategoricalInput, value: string | null): number {
  let v = value;
  if (input.missing && (v === null || v === '' || input.missing.values.includes(v))) v = input.missing.fill;
  return v === null ? -1 : input.categories.indexOf(v);
}
