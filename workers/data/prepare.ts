// Preparing the table for the network, fitted on the training rows only: missing values filled (or rows dropped),
// numbers scaled, categories one-hot, the label turned into targets. The fitted steps are the weights file's
// `inputs` and `output`, and the matrices are made with its encoders, so training and prediction cannot drift.

import type { CategoricalInput, InputSpec, NumericInput, OutputSpec, Task } from '../engine/weights-file';
import { categoryIndex, encodeNumber, featureWidth } from '../engine/weights-file';
import type { TrainingPlan } from '../plan';
import type { Column, Dataset } from './dataset';
import { findColumn } from './dataset';
import { dataError } from './errors';
import { labelKey, labelTask } from './roles';
import { mostFrequentSorted, quantileSorted, sortedValues } from './stats';

export interface Prepared {
  task: Task;
  inputs: InputSpec[];
  output: OutputSpec;
  /** training rows left out (missing label, missing values with "drop", non-numeric entries not treated as missing) */
  droppedRows: number;
  /** plain sentences for the user */
  warnings: string[];
}

export interface Matrices {
  /** rows × cols, row-major: the network's inputs */
  x: Float64Array;
  /** rows × outputs: binary 0/1 (1 = classes[1]), multi-class one-hot, regression standardised by output.scale */
  y: Float64Array;
  rows: number;
  cols: number;
  outputs: number;
  /** the dataset rows behind each matrix row */
  keptRows: Int32Array;
  /** e.g. categories never seen in training (encoded as all zeros) */
  warnings: string[];
}

type Choices = TrainingPlan['preparation'];

const DEFAULT_CHOICES: Choices = {
  numericMissing: 'median',
  categoricalMissing: 'most_frequent',
  scaling: 'standard',
  zeroAsMissing: [],
  nonNumericAsMissing: [],
};

/** Why a row cannot be used, as a reason word, or null when it can. */
type RowProblem = 'label' | 'missing' | 'non_numeric' | null;

interface Feature {
  column: Column;
  zeroIsMissing: boolean;
  textIsMissing: boolean;
}

function featureColumns(dataset: Dataset, plan: Pick<TrainingPlan, 'features' | 'label' | 'preparation'>, label: Column): Feature[] {
  const choices = plan.preparation ?? DEFAULT_CHOICES;
  const features = plan.features.map((name) => findColumn(dataset, name)).filter((c) => c !== label);
  const unique = features.filter((c, k) => features.indexOf(c) === k);
  if (unique.length === 0) throw noFeatures(dataset, label.name);
  return unique.map((column) => ({
    column,
    zeroIsMissing: (choices.zeroAsMissing ?? []).includes(column.name),
    textIsMissing: (choices.nonNumericAsMissing ?? []).includes(column.name),
  }));
}

export function noFeatures(dataset: Dataset, label: string | null, notUsed: { name: string; reason: string }[] = []) {
  const reasons = notUsed.map((n) => `${n.name}: ${n.reason.replace(/\.$/, '')}`).join('; ');
  const what =
    `There are no usable input columns in ${dataset.fileName}` +
    (label ? ` besides the label ${label}` : '') +
    (reasons ? ` (${reasons}).` : '.');
  return dataError('no_features', dataset.fileName, what, 'Choose at least one other column as an input, or use a file with more columns.');
}

function rowProblem(row: number, label: Column, task: Task, features: Feature[], choices: Choices): RowProblem {
  if (task === 'regression' ? !(label.numbers && label.numbers[row] === label.numbers[row]) : labelKey(label, row) === null) return 'label';
  for (const f of features) {
    const c = f.column;
    if (c.numbers) {
      const v = c.numbers[row];
      if (v !== v) {
        if (c.codes && c.codes[row] >= 0 && !f.textIsMissing) return 'non_numeric';
        if (choices.numericMissing === 'drop') return 'missing';
      } else if (v === 0 && f.zeroIsMissing && choices.numericMissing === 'drop') return 'missing';
    } else if ((c.codes as Int32Array)[row] < 0 && choices.categoricalMissing === 'drop') return 'missing';
  }
  return null;
}

export function fitPreparation(dataset: Dataset, plan: TrainingPlan, trainRows: Int32Array): Prepared {
  const choices = { ...DEFAULT_CHOICES, ...(plan.preparation ?? {}) };
  const label = findColumn(dataset, plan.label);
  const labelInfo = labelTask(dataset, label.name, plan.task);
  const task = labelInfo.task;
  const features = featureColumns(dataset, plan, label);
  const warnings: string[] = [];
  if (plan.features.includes(label.name)) warnings.push(`${label.name} is the label, so it is not also used as an input.`);

  const problems = { label: 0, missing: 0, non_numeric: 0 };
  const kept: number[] = [];
  for (const row of trainRows) {
    const problem = rowProblem(row, label, task, features, choices);
    if (problem === null) kept.push(row);
    else problems[problem]++;
  }
  if (problems.label > 0) warnings.push(`${problems.label} training rows have no ${label.name} and are left out.`);
  if (problems.missing > 0) warnings.push(`${problems.missing} training rows with missing values are left out ("drop rows").`);
  if (problems.non_numeric > 0) {
    const names = features.filter((f) => f.column.nonNumeric && !f.textIsMissing).map((f) => f.column.name);
    warnings.push(`${problems.non_numeric} training rows are left out because ${names.join(', ')} has text where a number belongs; choose "treat them as missing" to keep them.`);
  }
  if (kept.length === 0) {
    throw dataError('no_rows', dataset.fileName, `No training rows of ${dataset.fileName} are left once rows with missing values are taken out.`, 'Fill missing values instead of dropping rows, or check the file.');
  }
  const rows = Int32Array.from(kept);

  const inputs = features.map((f) => (f.column.numbers ? fitNumeric(f, rows, choices, warnings) : fitCategorical(f.column, rows, warnings)));
  const output: OutputSpec = { name: label.name };
  if (task === 'regression') {
    const values = label.numbers as Float64Array;
    let sum = 0;
    for (const r of rows) sum += values[r];
    const mean = sum / rows.length;
    let squares = 0;
    for (const r of rows) squares += (values[r] - mean) ** 2;
    const std = Math.sqrt(squares / rows.length);
    output.scale = { kind: 'standard', mean, std: std > 0 ? std : 1 };
  } else {
    output.classes = labelInfo.classes;
    if (task === 'binary') output.threshold = 0.5;
  }
  return { task, inputs, output, droppedRows: trainRows.length - rows.length, warnings };
}

function fitNumeric(feature: Feature, rows: Int32Array, choices: Choices, warnings: string[]): NumericInput {
  const values = feature.column.numbers as Float64Array;
  const name = feature.column.name;
  const zero = feature.zeroIsMissing;
  const present = sortedValues(values, rows, zero ? (v) => v === 0 : undefined);
  let fill: number;
  if (present.length === 0) {
    fill = 0;
    warnings.push(`${name} has no values in the training rows; its missing values are filled with 0.`);
  } else if (choices.numericMissing === 'mean') {
    let sum = 0;
    for (const v of present) sum += v;
    fill = sum / present.length;
  } else if (choices.numericMissing === 'most_frequent') {
    fill = mostFrequentSorted(present);
  } else {
    fill = quantileSorted(present, 0.5); // median; also the value given to missing cells at prediction under "drop"
  }
  const input: NumericInput = { name, kind: 'numeric', missing: { values: zero ? [0] : [], fill } };
  // Scale what the network will see: the values after filling (as a fitted imputer-then-scaler pipeline does).
  const filled = rows.length - present.length;
  if (choices.scaling === 'standard') {
    let sum = fill * filled;
    for (const v of present) sum += v;
    const mean = sum / rows.length;
    let squares = filled * (fill - mean) ** 2;
    for (const v of present) squares += (v - mean) ** 2;
    const std = Math.sqrt(squares / rows.length); // population std, as scikit-learn's StandardScaler
    if (std === 0) warnings.push(`${name} has one value in all training rows, so it cannot help the model.`);
    input.scale = { kind: 'standard', mean, std };
  } else if (choices.scaling === 'minmax') {
    let min = filled > 0 ? fill : Infinity;
    let max = filled > 0 ? fill : -Infinity;
    if (present.length > 0) {
      min = Math.min(min, present[0]);
      max = Math.max(max, present[present.length - 1]);
    }
    input.scale = { kind: 'minmax', min, max };
  }
  return input;
}

function fitCategorical(column: Column, rows: Int32Array, warnings: string[]): CategoricalInput {
  const codes = column.codes as Int32Array;
  const names = column.categories as string[];
  const counts = new Float64Array(names.length);
  for (const r of rows) if (codes[r] >= 0) counts[codes[r]]++;
  // one-hot columns in a stable order: the categories sorted by their text (code units, locale-independent)
  const categories = names.filter((_, c) => counts[c] > 0).sort();
  const input: CategoricalInput = { name: column.name, kind: 'categorical', categories };
  if (categories.length > 0) {
    let fill = categories[0];
    let best = -1;
    for (const value of categories) {
      const n = counts[names.indexOf(value)];
      if (n > best) {
        best = n;
        fill = value;
      }
    }
    input.missing = { values: [], fill };
  } else {
    warnings.push(`${column.name} has no values in the training rows, so it adds nothing.`);
  }
  const unseen = names.length - categories.length;
  if (unseen > 0) {
    warnings.push(`${column.name} has ${unseen === 1 ? '1 value that appears' : `${unseen} values that appear`} only outside the training rows; the model treats ${unseen === 1 ? 'it' : 'them'} as unknown.`);
  }
  if (categories.length > 100) warnings.push(`${column.name} has ${categories.length} different values: each becomes its own input.`);
  return input;
}

export function buildMatrices(dataset: Dataset, prepared: Prepared, plan: TrainingPlan, rows: Int32Array): Matrices {
  const choices = { ...DEFAULT_CHOICES, ...(plan.preparation ?? {}) };
  const label = findColumn(dataset, prepared.output.name);
  const task = prepared.task;
  const features: Feature[] = prepared.inputs.map((input) => ({
    column: findColumn(dataset, input.name),
    zeroIsMissing: input.kind === 'numeric' && (input.missing?.values.includes(0) ?? false),
    textIsMissing: (choices.nonNumericAsMissing ?? []).includes(input.name),
  }));
  const kept: number[] = [];
  for (const row of rows) if (rowProblem(row, label, task, features, choices) === null) kept.push(row);
  const keptRows = Int32Array.from(kept);
  const n = keptRows.length;
  const cols = featureWidth(prepared.inputs);
  const classes = prepared.output.classes ?? [];
  const outputs = task === 'multiclass' ? classes.length : 1;
  const x = new Float64Array(n * cols);
  const y = new Float64Array(n * outputs);
  let unseen = 0;
  let offset = 0;
  prepared.inputs.forEach((input, k) => {
    const column = features[k].column;
    if (input.kind === 'numeric') {
      const values = column.numbers as Float64Array;
      for (let i = 0; i < n; i++) x[i * cols + offset] = encodeNumber(input, values[keptRows[i]]);
      offset += 1;
    } else {
      const codes = column.codes as Int32Array;
      const names = column.categories as string[];
      // the dataset's codes → one-hot positions, through the shared encoder once per category
      const position = names.map((name) => categoryIndex(input, name));
      const missingPosition = categoryIndex(input, null);
      for (let i = 0; i < n; i++) {
        const code = codes[keptRows[i]];
        const p = code >= 0 ? position[code] : missingPosition;
        if (p >= 0) x[i * cols + offset + p] = 1;
        else unseen++;
      }
      offset += input.categories.length;
    }
  });
  if (task === 'regression') {
    const values = label.numbers as Float64Array;
    const scale = prepared.output.scale ?? { kind: 'standard' as const, mean: 0, std: 1 };
    for (let i = 0; i < n; i++) y[i] = (values[keptRows[i]] - scale.mean) / (scale.std === 0 ? 1 : scale.std);
  } else {
    const index = new Map(classes.map((c, k) => [c, k]));
    for (let i = 0; i < n; i++) {
      const k = index.get(labelKey(label, keptRows[i]) as string) ?? -1;
      if (task === 'binary') y[i] = k === 1 ? 1 : 0;
      else if (k >= 0) y[i * outputs + k] = 1;
    }
  }
  const warnings: string[] = [];
  if (unseen > 0) warnings.push(`${unseen} cells hold a category the model never saw in training; they are encoded as all zeros.`);
  return { x, y, rows: n, cols, outputs, keptRows, warnings };
}
