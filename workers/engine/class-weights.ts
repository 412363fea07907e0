// Class weights: how much each row's loss counts, by the class of its answer. 'balanced' is scikit-learn's
// class_weight='balanced': a class's weight is rows / (classes × rows of that class), counted on the training rows,
// so every class adds up to the same total and a rare class has as much say as a common one.

/** The class of row r of y (rows × outputs): with one output 0 or 1 (at 0.5, as the weights file reads it), else
 * the hot column of a one-hot row. */
export function classOf(y: Float64Array, r: number, outputs: number): number {
  if (outputs === 1) return y[r] >= 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < outputs; j++) if (y[r * outputs + j] > y[r * outputs + best]) best = j;
  return best;
}

/**
 * Each class's weight, counted on the rows of y listed in `rows`. A class none of them has gets weight 1: no
 * training row carries it, and a validation row of it then counts as it would unweighted.
 */
export function balancedClassWeights(y: Float64Array, outputs: number, rows: ArrayLike<number>): Float64Array {
  const classes = outputs === 1 ? 2 : outputs;
  const counts = new Float64Array(classes);
  for (let i = 0; i < rows.length; i++) counts[classOf(y, rows[i], outputs)]++;
  let present = 0;
  for (const c of counts) if (c > 0) present++;
  return counts.map((c) => (c > 0 ? rows.length / (present * c) : 1));
}

/** One weight per row of y (the first `rows` rows), by its class: made once per run, read batch by batch. */
export function rowWeightsOf(y: Float64Array, rows: number, outputs: number, classWeights: Float64Array): Float64Array {
  const weights = new Float64Array(rows);
  for (let r = 0; r < rows; r++) weights[r] = classWeights[classOf(y, r, outputs)];
  return weights;
}
