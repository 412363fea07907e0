// Evaluation figures from predictions and true answers: pure functions (the app's threshold slider calls them live).

export interface BinaryReport {
  accuracy: number; precision: number; recall: number; f1: number;
  tp: number; fp: number; tn: number; fn: number;
}

/** A row counts as predicted positive when its probability is at least `threshold`; actual positive when >= 0.5. */
export function binaryReport(probabilities: ArrayLike<number>, actual: ArrayLike<number>, threshold: number): BinaryReport {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const predicted = probabilities[i] >= threshold, positive = actual[i] >= 0.5;
    if (predicted) positive ? tp++ : fp++;
    else positive ? fn++ : tn++;
  }
  // no predicted (or no actual) positives: precision (or recall) is 0, as scikit-learn reports with zero_division=0
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const total = tp + fp + tn + fn;
  return { accuracy: total > 0 ? (tp + tn) / total : 0, precision, recall, f1, tp, fp, tn, fn };
}

/**
 * The ROC curve from (0,0) to (1,1), one point per distinct probability (the first point's threshold is Infinity:
 * nothing predicted positive), and the area under it by trapezoids (tied probabilities count half, as in Mann-Whitney).
 * AUC is NaN when the answers hold only one class.
 */
export function rocCurve(
  probabilities: ArrayLike<number>, actual: ArrayLike<number>,
): { points: { fpr: number; tpr: number; threshold: number }[]; auc: number } {
  const order = Array.from({ length: probabilities.length }, (_, i) => i).sort((a, b) => probabilities[b] - probabilities[a]);
  let positives = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= 0.5) positives++;
  const negatives = order.length - positives;
  const points = [{ fpr: 0, tpr: 0, threshold: Infinity }];
  let tp = 0, fp = 0, auc = 0;
  for (let i = 0; i < order.length; ) {
    const threshold = probabilities[order[i]];
    const fpBefore = fp, tpBefore = tp;
    for (; i < order.length && probabilities[order[i]] === threshold; i++) actual[order[i]] >= 0.5 ? tp++ : fp++;
    auc += (fp - fpBefore) * (tp + tpBefore) / 2;
    points.push({ fpr: negatives ? fp / negatives : 0, tpr: positives ? tp / positives : 0, threshold });
  }
  return { points, auc: positives > 0 && negatives > 0 ? auc / (positives * negatives) : NaN };
}

/** MAE, RMSE and R² (1 - residual / total sum of squares; 1 for a perfect fit of a constant target, else 0 there). */
export function regressionReport(predicted: ArrayLike<number>, actual: ArrayLike<number>): { mae: number; rmse: number; r2: number } {
  const n = actual.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i];
  mean /= n;
  let abs = 0, residual = 0, total = 0;
  for (let i = 0; i < n; i++) {
    const e = predicted[i] - actual[i];
    abs += Math.abs(e);
    residual += e * e;
    total += (actual[i] - mean) * (actual[i] - mean);
  }
  const r2 = total > 0 ? 1 - residual / total : residual === 0 ? 1 : 0;
  return { mae: abs / n, rmse: Math.sqrt(residual / n), r2 };
}

/** Accuracy and confusion counts; confusion[actual][predicted], the prediction being the most probable class. */
export function multiclassReport(
  probabilities: ArrayLike<number>, actual: ArrayLike<number>, k: number,
): { accuracy: number; confusion: number[][] } {
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rows = actual.length;
  let correct = 0;
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (probabilities[r * k + j] > probabilities[r * k + best]) best = j;
    confusion[actual[r]][best]++;
    if (best === actual[r]) correct++;
  }
  return { accuracy: rows > 0 ? correct / rows : 0, confusion };
}

/** A run's evaluation rows, as the project keeps them (main/contract.ts EvaluationSchema). */
export interface EvaluationRows {
  task: 'binary' | 'multiclass' | 'regression';
  /** class indices (classification) or values (regression), one per row */
  actual: readonly number[];
  /** binary: probability of classes[1]; multiclass: one array per row */
  probabilities?: readonly (number | readonly number[])[];
  /** regression: predicted values in the target's units */
  predicted?: readonly number[];
  classes?: readonly string[];
}

export type EvaluationMetrics =
  | ({ kind: 'binary'; threshold: number; auc: number; roc: { fpr: number; tpr: number; threshold: number }[] } & BinaryReport)
  | { kind: 'multiclass'; accuracy: number; confusion: number[][] }
  | { kind: 'regression'; mae: number; rmse: number; r2: number };

/** Every figure of an evaluation at one decision threshold (the threshold matters to binary models only); null when
 * the answers do not match the rows. The Evaluate screen and the tests read the same figures from here. */
export function evaluationMetrics(evaluation: EvaluationRows, threshold: number): EvaluationMetrics | null {
  const actual = evaluation.actual;
  if (evaluation.task === 'binary') {
    const probabilities = (evaluation.probabilities ?? []) as readonly number[];
    if (probabilities.length !== actual.length || actual.length === 0) return null;
    const roc = rocCurve(probabilities, actual);
    return { kind: 'binary', threshold, ...binaryReport(probabilities, actual, threshold), auc: roc.auc, roc: roc.points };
  }
  if (evaluation.task === 'multiclass') {
    const k = evaluation.classes?.length ?? 0;
    const rows = (evaluation.probabilities ?? []) as readonly (readonly number[])[];
    if (rows.length !== actual.length || k === 0) return null;
    const flat = new Float64Array(rows.length * k);
    rows.forEach((row, r) => row.forEach((p, j) => (flat[r * k + j] = p)));
    return { kind: 'multiclass', ...multiclassReport(flat, actual, k) };
  }
  const predicted = evaluation.predicted ?? [];
  if (predicted.length !== actual.length || actual.length === 0) return null;
  return { kind: 'regression', ...regressionReport(predicted, actual) };
}

/** A goal in words for a yes/no model: find at least this share of the real positives, or raise false alarms for at
 * most this share of the real negatives (shares from 0 to 1). */
export type ThresholdGoal = { find: number } | { falseAlarms: number };

/** The threshold a goal sets, and what it finds and costs on the evaluated rows. */
export interface GoalThreshold {
  threshold: number;
  positives: number;
  /** real positives at or above the threshold */
  found: number;
  negatives: number;
  /** real negatives at or above the threshold */
  falseAlarms: number;
}

/**
 * The threshold a goal sets, on the evaluated rows (predicted positive: probability at or above it). "Find at least
 * 80 %": the highest threshold whose recall reaches 80 % (the probability of the positive ranked ceil(0.8 × positives),
 * so as few false alarms as the goal allows). "At most 10 % false alarms": the lowest threshold that flags no more
 * than floor(0.1 × negatives) negatives (the lowest probability above the next negative's, so as many found as
 * allowed). Null when there are no rows of the class the goal counts.
 */
export function thresholdForGoal(probabilities: ArrayLike<number>, actual: ArrayLike<number>, goal: ThresholdGoal): GoalThreshold | null {
  const positive: number[] = [], negative: number[] = [];
  for (let i = 0; i < probabilities.length; i++) (actual[i] >= 0.5 ? positive : negative).push(probabilities[i]);
  const highestFirst = (a: number, b: number) => b - a;
  positive.sort(highestFirst);
  negative.sort(highestFirst);
  let threshold: number;
  if ('find' in goal) {
    if (positive.length === 0) return null;
    // the share is a percentage a person typed: 7 % of 100 is 7, though 7 / 100 × 100 is 7.000000000000001
    const wanted = Math.min(positive.length, Math.max(1, Math.ceil(goal.find * positive.length - 1e-9)));
    threshold = positive[wanted - 1]!;
  } else {
    if (negative.length === 0) return null;
    const allowed = Math.max(0, Math.floor(goal.falseAlarms * negative.length + 1e-9));
    if (allowed >= negative.length) {
      threshold = Infinity;
      for (let i = 0; i < probabilities.length; i++) threshold = Math.min(threshold, probabilities[i]);
    } else {
      const firstRefused = negative[allowed]!;
      let lowestAbove = Infinity;
      for (let i = 0; i < probabilities.length; i++) if (probabilities[i] > firstRefused && probabilities[i] < lowestAbove) lowestAbove = probabilities[i];
      // nothing above it: only a threshold above every row keeps the false alarms within the goal
      threshold = lowestAbove < Infinity ? lowestAbove : Math.min(1, firstRefused + Number.EPSILON);
    }
  }
  let found = 0, falseAlarms = 0;
  for (const p of positive) if (p >= threshold) found++;
  for (const p of negative) if (p >= threshold) falseAlarms++;
  return { threshold, positives: positive.length, found, negatives: negative.length, falseAlarms };
}
