// The input preparation as ONNX ops: each raw column in, filled where missing, scaled or one-hot, exactly as
// encodeNumber and categoryIndex do (docs/weights-format.md), and joined into the network's input rows.

import { FLOAT32_MAX } from './formats';
import type { OnnxGraph } from './onnx-graph';
import { featureWidth, LARGEST_USABLE_NUMBER, type CategoricalInput, type InputSpec, type NumericInput } from '../engine/weights-file';

/** The graph inputs (one [N, 1] per model input, named as the column) and the prepared features [N, width]. */
export function preparedFeatures(g: OnnxGraph, inputs: InputSpec[]): { features: string; width: number } {
  const parts = inputs.map((input) => (input.kind === 'numeric' ? numericColumn(g, input) : oneHotColumns(g, input)));
  const features = parts.length === 1 ? parts[0] : g.op('Concat', parts, { axis: { int: 1 } }, 'features');
  return { features, width: featureWidth(inputs) };
}

function anyOf(g: OnnxGraph, conditions: string[]): string {
  return conditions.reduce((a, b) => g.op('Or', [a, b], {}, 'missing'));
}

function numericColumn(g: OnnxGraph, input: NumericInput): string {
  const raw = g.input(input.name, 'number');
  // prediction counts a number beyond ±1e150 as missing (its squares would overflow); a float holds none but ±Infinity
  const limit = g.precision === 32 ? FLOAT32_MAX : LARGEST_USABLE_NUMBER;
  const unusable = [g.op('IsNaN', [raw]), g.op('Greater', [g.op('Abs', [raw]), g.numbers('usable_limit', [limit], [])])];
  const markers = (input.missing?.values ?? []).map((v) => g.op('Equal', [raw, g.numbers(`${input.name} marker`, [v], [])]));
  const s = input.scale;
  const centre = !s ? 0 : s.kind === 'standard' ? s.mean : s.min;
  const spread = !s ? 1 : s.kind === 'standard' ? s.std : s.max - s.min;
  // without a fill, prediction answers with 0 for a missing value (and warns): the raw value that scales to 0
  const fill = input.missing ? input.missing.fill : centre;
  const filled = g.op('Where', [anyOf(g, [...unusable, ...markers]), g.numbers(`${input.name} fill`, [fill], []), raw], {}, `${input.name} filled`);
  if (!s) return filled;
  const centred = g.op('Sub', [filled, g.numbers(`${input.name} centre`, [centre], [])]);
  return g.op('Div', [centred, g.numbers(`${input.name} spread`, [spread === 0 ? 1 : spread], [])], {}, `${input.name} scaled`);
}

function oneHotColumns(g: OnnxGraph, input: CategoricalInput): string {
  let value = g.input(input.name, 'text');
  if (input.missing) {
    const missing = anyOf(g, ['', ...input.missing.values].map((v) => g.op('Equal', [value, g.texts(`${input.name} marker`, [v], [])])));
    value = g.op('Where', [missing, g.texts(`${input.name} fill`, [input.missing.fill], []), value], {}, `${input.name} filled`);
  }
  // [N, 1] against the [K] categories broadcasts to [N, K]: a category never seen in training matches none
  const matches = g.op('Equal', [value, g.texts(`${input.name} categories`, input.categories)]);
  return g.op('Cast', [matches], { to: { int: g.numberType } }, `${input.name} one-hot`);
}
