// Explanations of a trained model (a weights file) on raw rows, as the person sees them: which inputs moved one
// answer (Shapley values), which inputs matter overall (permutation importance), and how an answer follows one input
// (what-if curves). A categorical input is one input; rows are encoded as prediction encodes them (encodeRow).
//
// The answer explained is the one the person reads: a binary model's chance of its second class, a multi-class
// model's chance of the class it gives the case, a regression's value in the target's units.

import { permutationImportance, type InputImportance } from './importance';
import { encodeRow, modelNetwork } from './predict';
import { shapleyValues, type InputGroup, type ScalarModel } from './shapley';
import { featureWidth, type InputSpec, type WeightsFile } from './weights-file';
import { whatIfCurve } from './what-if';

export type RawRow = (string | number | null)[];

/** Where each input's columns sit in the network's input vector. */
export function inputGroups(inputs: readonly InputSpec[]): InputGroup[] {
  const groups: InputGroup[] = [];
  let start = 0;
  for (const input of inputs) {
    const width = input.kind === 'numeric' ? 1 : input.categories.length;
    groups.push({ start, width });
    start += width;
  }
  return groups;
}

/** Raw rows to one matrix (rows × network inputs); a value encodeRow cannot read counts as it does in prediction. */
export function encodeRows(model: WeightsFile, rows: readonly RawRow[]): Float64Array {
  const width = featureWidth(model.inputs);
  const x = new Float64Array(rows.length * width);
  rows.forEach((row, r) => x.set(encodeRow(model.inputs, row).features, r * width));
  return x;
}

/** The number a person reads off the model, per row; `classIndex` picks a multi-class model's class. */
export function answerModel(model: WeightsFile, classIndex = 0): ScalarModel {
  const network = modelNetwork(model);
  const k = network.outputs;
  const scale = model.output.scale;
  let out = new Float64Array(0);
  return (x, rows, answers) => {
    if (out.length < rows * k) out = new Float64Array(rows * k);
    network.predictInto(x, rows, out);
    for (let r = 0; r < rows; r++) {
      if (model.task === 'regression') answers[r] = scale ? out[r] * scale.std + scale.mean : out[r];
      else if (model.task === 'binary') answers[r] = out[r];
      else answers[r] = out[r * k + classIndex];
    }
  };
}

export interface CaseExplanation {
  /** 'chance': a probability (of `className`); 'value': a number in the target's units */
  answer: 'chance' | 'value';
  className?: string;
  /** the average answer over the background rows */
  base: number;
  /** this case's answer */
  value: number;
  /** one per input, in the model's order; they add up to value − base */
  contributions: { input: string; value: number }[];
  method: 'exact' | 'sampled';
  backgroundRows: number;
}

/** Why this answer: each input's share of (this answer − the average answer over `background`). */
export function explainCase(model: WeightsFile, values: RawRow, background: readonly RawRow[], options: { seed?: number } = {}): CaseExplanation {
  const caseRow = encodeRows(model, [values]);
  const classIndex = model.task === 'multiclass' ? predictedClass(model, values) : 0;
  const shapley = shapleyValues(answerModel(model, classIndex), caseRow, encodeRows(model, background), background.length, inputGroups(model.inputs), options);
  const explanation: CaseExplanation = {
    answer: model.task === 'regression' ? 'value' : 'chance',
    base: shapley.base,
    value: shapley.value,
    contributions: model.inputs.map((input, i) => ({ input: input.name, value: shapley.contributions[i] })),
    method: shapley.method,
    backgroundRows: background.length,
  };
  const classes = model.output.classes;
  if (model.task === 'binary' && classes) explanation.className = classes[1];
  if (model.task === 'multiclass' && classes) explanation.className = classes[classIndex];
  return explanation;
}

/** One input's cost when shuffled, by name. */
export interface InputCost extends InputImportance {
  input: string;
}

export interface Importance {
  /** 'accuracy' (classification, at the model's threshold) or 'mae' (regression: shuffling raises the typical miss) */
  metric: 'accuracy' | 'mae';
  /** the score with nothing shuffled */
  score: number;
  /** one per input, in the model's order: what shuffling it costs (accuracy lost, or error added), with its spread */
  inputs: InputCost[];
  rows: number;
  repeats: number;
}

/**
 * What matters overall: each input's values shuffled among `rows` (the test rows), `repeats` times; `actual`: a class
 * index (classification) or a value in the target's units (regression) per row.
 */
export function explainImportance(
  model: WeightsFile,
  rows: readonly RawRow[],
  actual: readonly number[],
  options: { repeats?: number; seed?: number } = {},
): Importance {
  const network = modelNetwork(model);
  const k = network.outputs;
  let out = new Float64Array(rows.length * k);
  const threshold = model.output.threshold ?? 0.5;
  const scale = model.output.scale;
  const regression = model.task === 'regression';
  const score = (x: Float64Array, n: number): number => {
    if (out.length < n * k) out = new Float64Array(n * k);
    network.predictInto(x, n, out);
    let total = 0;
    for (let r = 0; r < n; r++) {
      if (regression) total += Math.abs((scale ? out[r] * scale.std + scale.mean : out[r]) - actual[r]);
      else if (model.task === 'binary') total += (out[r] >= threshold ? 1 : 0) === actual[r] ? 1 : 0;
      else {
        let best = 0;
        for (let j = 1; j < k; j++) if (out[r * k + j] > out[r * k + best]) best = j;
        total += best === actual[r] ? 1 : 0;
      }
    }
    // higher is better for permutationImportance: the typical miss counts negative
    return regression ? -total / Math.max(1, n) : total / Math.max(1, n);
  };
  const repeats = options.repeats ?? 5;
  const got = permutationImportance(score, encodeRows(model, rows), rows.length, inputGroups(model.inputs), { repeats, seed: options.seed });
  return {
    metric: regression ? 'mae' : 'accuracy',
    score: regression ? -got.score : got.score,
    inputs: got.inputs.map((imp, i) => ({ input: model.inputs[i].name, ...imp })),
    rows: rows.length,
    repeats,
  };
}

export interface WhatIf {
  input: string;
  /** the values the input takes along the curve (numbers, or a categorical input's categories) */
  values: (number | string)[];
  /** the case's answer at each value, the others held */
  forCase: number[];
  /** the average answer over `rows` at each value (partial dependence) */
  average: number[];
}

/**
 * How the answer follows one input: numbers from `range` (e.g. the training rows' 5th to 95th percentile) in `points`
 * steps, or every category of a categorical input.
 */
export function explainWhatIf(
  model: WeightsFile,
  inputName: string,
  values: RawRow,
  rows: readonly RawRow[],
  range: { min: number; max: number; points?: number } | null,
): WhatIf {
  const index = model.inputs.findIndex((input) => input.name === inputName);
  if (index < 0) throw new RangeError(`The model has no input "${inputName}".`);
  const input = model.inputs[index];
  const group = inputGroups(model.inputs)[index];
  let along: (number | string)[];
  if (input.kind === 'categorical') along = [...input.categories];
  else {
    const points = Math.max(2, range?.points ?? 25);
    const min = range?.min ?? 0, max = range?.max ?? 1;
    along = Array.from({ length: points }, (_, i) => min + ((max - min) * i) / (points - 1));
  }
  // each point's columns, encoded as prediction would encode a row holding that value
  const settings = along.map((v) => {
    const row: RawRow = model.inputs.map(() => null);
    row[index] = v;
    return encodeRows(model, [row]).subarray(group.start, group.start + group.width);
  });
  const answer = answerModel(model, model.task === 'multiclass' ? predictedClass(model, values) : 0);
  return {
    input: inputName,
    values: along,
    forCase: whatIfCurve(answer, encodeRows(model, [values]), 1, group, settings),
    average: whatIfCurve(answer, encodeRows(model, rows), rows.length, group, settings),
  };
}

/** The class a multi-class model gives a row (the one whose chance is explained). */
function predictedClass(model: WeightsFile, values: RawRow): number {
  const network = modelNetwork(model);
  const out = new Float64Array(network.outputs);
  network.predictInto(encodeRows(model, [values]), 1, out);
  let best = 0;
  for (let j = 1; j < out.length; j++) if (out[j] > out[best]) best = j;
  return best;
}
