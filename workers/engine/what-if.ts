// What-if curves: the answer as one input moves across a range while the others are held: for one case (the Use
// screen's), and averaged over many rows (partial dependence: the model's overall trend for that input).

import type { ScalarModel, InputGroup } from './shapley';

/**
 * `settings`: the input's columns for each point of the curve (an encoded value: one column for a number, the
 * one-hot columns of a category), in order. For one row that is the case's curve; for many, the average curve.
 */
export function whatIfCurve(
  model: ScalarModel,
  x: Float64Array,
  rows: number,
  group: InputGroup,
  settings: readonly Float64Array[],
): number[] {
  const columns = rows > 0 ? x.length / rows : 0;
  const moved = Float64Array.from(x);
  const answers = new Float64Array(rows);
  return settings.map((setting) => {
    for (let r = 0; r < rows; r++) moved.set(setting.subarray(0, group.width), r * columns + group.start);
    model(moved, rows, answers);
    let sum = 0;
    for (let r = 0; r < rows; r++) sum += answers[r];
    return sum / Math.max(1, rows);
  });
}
