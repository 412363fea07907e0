// From a weights file to answers: check the file, encode raw rows the way training did, run the network.

import { Network } from './network';
import { ACTIVATIONS } from './spec';
import {
  categoryIndex, cellNumber, encodeNumber, featureWidth, isUsableNumber, WEIGHTS_FORMAT, WEIGHTS_VERSION,
  type InputSpec, type OutputSpec, type Scale, type WeightsFile, type WeightsLayer,
} from './weights-file';

/**
 * regression: the value in the target's units; binary: the label and the probability of classes[1] (the positive
 * class, whatever the label); multiclass: the most probable label and every class's probability.
 */
export type Prediction =
  | { value: number }
  | { label: string; probability: number }
  | { label: string; probabilities: Record<string, number> };

/** A weights file that cannot be used, with a message a person can act on. */
export class WeightsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsFileError';
  }
}

// ---------------------------------------------------------------------------------------------- checking the file

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumberList = (v: unknown): v is number[] => Array.isArray(v) && v.every(isNumber);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** What is wrong with what stands where a weight belongs: null (NaN once read from a project), 1e400 (Infinity), text. */
function notANumber(value: unknown): string {
  if (value === null || (typeof value === 'number' && Number.isNaN(value))) return 'is empty (null) where a weight belongs';
  if (typeof value === 'number') return 'is a number too big to calculate with';
  if (typeof value === 'string') return `is the text ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}, not a number`;
  return `is ${Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a group of fields' : `a ${typeof value}`}, not a number`;
}

function fail(message: string): never {
  throw new WeightsFileError(message);
}

/** Checks a parsed JSON value is a usable weights file (version 1) and returns it typed; throws WeightsFileError. */
export function parseWeightsFile(json: unknown): WeightsFile {
  if (!isObject(json)) fail('This is not a weights file: expected a JSON object.');
  if (json.format !== WEIGHTS_FORMAT) {
    fail(`This is not a Neuron Studio weights file: its "format" is ${JSON.stringify(json.format)}, expected "${WEIGHTS_FORMAT}".`);
  }
  if (!Number.isInteger(json.version) || (json.version as number) < 1) fail('The weights file has no valid "version" number.');
  if ((json.version as number) > WEIGHTS_VERSION) {
    fail(`This weights file is version ${json.version}, made by a newer Neuron Studio; this one reads version ${WEIGHTS_VERSION}. Update Neuron Studio to use it.`);
  }
  const task = json.task;
  if (task !== 'binary' && task !== 'multiclass' && task !== 'regression') {
    fail(`The weights file's "task" is ${JSON.stringify(task)}; expected "binary", "multiclass" or "regression".`);
  }
  if (!Array.isArray(json.inputs) || json.inputs.length === 0) fail('The weights file lists no "inputs".');
  const inputs = json.inputs.map(parseInput);
  // inputs are matched to a table's columns, and to the exports' named inputs, by their names
  inputs.forEach((input, i) => {
    const first = inputs.findIndex((other) => other.name === input.name);
    if (first < i) fail(`Input ${i + 1} is named "${input.name}", like input ${first + 1}: each input needs a name of its own, since inputs are matched to a table's columns by name.`);
  });
  if (!Array.isArray(json.layers) || json.layers.length === 0) fail('The weights file has no "layers".');
  let fanIn = featureWidth(inputs);
  const layers = json.layers.map((raw, i) => {
    const layer = parseLayer(raw, i + 1, fanIn);
    fanIn = layer.units;
    return layer;
  });
  const output = parseOutput(json.output, task, fanIn, layers[layers.length - 1]);
  return { format: WEIGHTS_FORMAT, version: WEIGHTS_VERSION, task, inputs, layers, output };
}

function parseInput(raw: unknown, i: number): InputSpec {
  const where = `Input ${i + 1}`;
  if (!isObject(raw) || typeof raw.name !== 'string') fail(`${where} needs a "name".`);
  const name = raw.name;
  if (raw.kind === 'numeric') {
    const input: InputSpec = { name, kind: 'numeric' };
    if (raw.missing !== undefined) {
      const m = raw.missing;
      if (!isObject(m) || !isNumberList(m.values) || !isNumber(m.fill)) {
        fail(`Input "${name}": "missing" needs "values" (a list of numbers) and a numeric "fill".`);
      }
      input.missing = { values: m.values, fill: m.fill };
    }
    if (raw.scale !== undefined) input.scale = parseScale(raw.scale, `Input "${name}"`);
    return input;
  }
  if (raw.kind === 'categorical') {
    if (!isStringList(raw.categories) || raw.categories.length === 0) fail(`Input "${name}" needs "categories" (a list of names).`);
    const categories: string[] = raw.categories;
    const twice = categories.find((c, j) => categories.indexOf(c) < j);
    // a value names one one-hot column: a category listed twice would be two
    if (twice !== undefined) fail(`Input "${name}" lists the category ${JSON.stringify(twice)} twice; each category may be listed once.`);
    const input: InputSpec = { name, kind: 'categorical', categories: raw.categories };
    if (raw.missing !== undefined) {
      const m = raw.missing;
      if (!isObject(m) || !isStringList(m.values) || typeof m.fill !== 'string') {
        fail(`Input "${name}": "missing" needs "values" (a list of texts) and a text "fill".`);
      }
      input.missing = { values: m.values, fill: m.fill };
    }
    return input;
  }
  return fail(`Input "${name}": "kind" must be "numeric" or "categorical", not ${JSON.stringify(raw.kind)}.`);
}

function parseScale(raw: unknown, where: string): Scale {
  if (isObject(raw) && raw.kind === 'standard' && isNumber(raw.mean) && isNumber(raw.std)) {
    return { kind: 'standard', mean: raw.mean, std: raw.std };
  }
  if (isObject(raw) && raw.kind === 'minmax' && isNumber(raw.min) && isNumber(raw.max)) {
    return { kind: 'minmax', min: raw.min, max: raw.max };
  }
  return fail(`${where}: "scale" must be {"kind": "standard", "mean", "std"} or {"kind": "minmax", "min", "max"}.`);
}

function parseLayer(raw: unknown, n: number, fanIn: number): WeightsLayer {
  const where = `Layer ${n}`;
  if (!isObject(raw)) fail(`${where} is not an object.`);
  const units = raw.units;
  if (!Number.isInteger(units) || (units as number) < 1) fail(`${where}: "units" must be a whole number of at least 1.`);
  if (!(ACTIVATIONS as readonly unknown[]).includes(raw.activation)) {
    fail(`${where}: unknown activation ${JSON.stringify(raw.activation)}; expected one of ${ACTIVATIONS.join(', ')}.`);
  }
  const kernel = raw.kernel;
  if (!Array.isArray(kernel) || kernel.length !== fanIn) {
    fail(`${where}: the kernel must have ${fanIn} rows (one per input of the layer)${Array.isArray(kernel) ? `, not ${kernel.length}` : ''}.`);
  }
  kernel.forEach((row, k) => {
    if (!Array.isArray(row) || row.length !== units) fail(`${where}: kernel row ${k + 1} must hold ${units} numbers (one per unit).`);
    const bad = row.findIndex((v) => !isNumber(v));
    if (bad >= 0) fail(`${where}: kernel row ${k + 1}, weight ${bad + 1}, ${notANumber(row[bad])}.`);
  });
  const layer: WeightsLayer = { units: units as number, activation: raw.activation as WeightsLayer['activation'], kernel: kernel as number[][] };
  if (raw.bias !== undefined) {
    if (!Array.isArray(raw.bias) || raw.bias.length !== units) fail(`${where}: the bias must hold ${units} numbers.`);
    const bad = raw.bias.findIndex((v) => !isNumber(v));
    if (bad >= 0) fail(`${where}: bias ${bad + 1} ${notANumber(raw.bias[bad])}.`);
    layer.bias = raw.bias;
  }
  return layer;
}

function parseOutput(raw: unknown, task: WeightsFile['task'], units: number, last: WeightsLayer): OutputSpec {
  if (!isObject(raw) || typeof raw.name !== 'string') fail('The weights file\'s "output" needs a "name".');
  const output: OutputSpec = { name: raw.name };
  if (task === 'regression') {
    if (raw.scale !== undefined) {
      const s = raw.scale;
      if (!isObject(s) || s.kind !== 'standard' || !isNumber(s.mean) || !isNumber(s.std)) {
        fail('The output\'s "scale" must be {"kind": "standard", "mean", "std"}.');
      }
      output.scale = { kind: 'standard', mean: s.mean, std: s.std };
    }
    return output;
  }
  if (!isStringList(raw.classes)) fail(`A ${task} model's "output" needs "classes" (the class names).`);
  if (task === 'binary' && (raw.classes.length !== 2 || units !== 1)) {
    fail('A binary model needs exactly 2 classes and an output layer of 1 unit (the probability of the second class).');
  }
  if (task === 'multiclass' && raw.classes.length !== units) {
    fail(`A multiclass model needs one output unit per class: ${raw.classes.length} classes but ${units} units.`);
  }
  if (task === 'multiclass' && last.activation !== 'softmax') fail('A multiclass model\'s output layer must use softmax.');
  output.classes = raw.classes;
  if (raw.threshold !== undefined) {
    if (!isNumber(raw.threshold) || raw.threshold < 0 || raw.threshold > 1) fail('The output\'s "threshold" must be between 0 and 1.');
    output.threshold = raw.threshold;
  }
  return output;
}

// ---------------------------------------------------------------------------------------------- encoding rows

/** One raw row (one value per input, in order; null or '' = missing) to the network's feature vector. */
export function encodeRow(inputs: InputSpec[], values: (string | number | null)[]): { features: Float64Array; warnings: string[] } {
  const features = new Float64Array(featureWidth(inputs));
  const warnings: string[] = [];
  if (values.length !== inputs.length) {
    warnings.push(`Expected ${inputs.length} values (${inputs.map((i) => i.name).join(', ')}) but got ${values.length}` +
      (values.length < inputs.length ? '; the missing ones count as empty.' : '; the extra ones were ignored.'));
  }
  let at = 0;
  inputs.forEach((input, i) => {
    const raw = i < values.length ? values[i] : null;
    if (input.kind === 'numeric') {
      let v = cellNumber(raw);
      if (Number.isNaN(v) && typeof raw === 'string' && raw.trim() !== '') warnings.push(`"${input.name}": "${raw}" is not a number; it counts as missing.`);
      else if (!Number.isNaN(v) && !isUsableNumber(v)) {
        warnings.push(`"${input.name}": "${raw}" is a number too big to calculate with; it counts as missing.`);
        v = Number.NaN;
      }
      let encoded = encodeNumber(input, v);
      if (Number.isNaN(encoded)) {
        warnings.push(`"${input.name}" is missing and the model has no fill value for it; 0 was used, so the answer may be off.`);
        encoded = 0;
      }
      features[at++] = encoded;
    } else {
      const text = raw === null ? null : String(raw); // category names match exactly, as the format says
      const index = categoryIndex(input, text);
      if (index >= 0) features[at + index] = 1;
      else if (text === null || text === '') warnings.push(`"${input.name}" is missing; it counts as none of its categories.`);
      else warnings.push(`"${input.name}": "${text}" was not seen in training (known: ${input.categories.join(', ')}); it counts as none of them.`);
      at += input.categories.length;
    }
  });
  return { features, warnings };
}

// ---------------------------------------------------------------------------------------------- predicting

const networks = new WeakMap<WeightsFile, Network>();

/** The network of a (parsed) weights file, built once per file object. */
export function modelNetwork(model: WeightsFile): Network {
  let network = networks.get(model);
  if (!network) {
    network = Network.fromLayers(featureWidth(model.inputs), model.layers);
    networks.set(model, network);
  }
  return network;
}

/** Answers for raw rows (one value per input, in the inputs' order); warnings name the row (1-based). */
export function predict(model: WeightsFile, rows: (string | number | null)[][]): { predictions: Prediction[]; warnings: string[] } {
  const network = modelNetwork(model);
  const width = network.inputs, k = network.outputs;
  const x = new Float64Array(rows.length * width);
  const warnings: string[] = [];
  rows.forEach((row, r) => {
    const encoded = encodeRow(model.inputs, row);
    x.set(encoded.features, r * width);
    for (const w of encoded.warnings) warnings.push(`Row ${r + 1}: ${w}`);
  });
  const out = new Float64Array(rows.length * k);
  network.predictInto(x, rows.length, out);
  const predictions: Prediction[] = [];
  const { classes = [], threshold = 0.5, scale } = model.output;
  for (let r = 0; r < rows.length; r++) {
    if (model.task === 'regression') {
      predictions.push({ value: scale ? out[r] * scale.std + scale.mean : out[r] });
    } else if (model.task === 'binary') {
      const p = out[r];
      predictions.push({ label: p >= threshold ? classes[1] : classes[0], probability: p });
    } else {
      const probabilities: Record<string, number> = {};
      let best = 0;
      for (let j = 0; j < k; j++) {
        probabilities[classes[j]] = out[r * k + j];
        if (out[r * k + j] > out[r * k + best]) best = j;
      }
      predictions.push({ label: classes[best], probabilities });
    }
  }
  return { predictions, warnings };
}
