// What each chart shows, for those who cannot see it: one sentence ("Loss fell from 0.69 to 0.45 over 46 epochs;
// validation loss lowest at epoch 21 (0.47).") and the numbers as a small table, a few dozen rows at most.

import type { Point } from './decimate';
import { decimal, percent } from './format';
import type { ClassWords } from './confusion-words';

/** A chart in words: the sentence, and its numbers as a table. */
export interface ChartText {
  summary: string;
  caption: string;
  headers: string[];
  rows: string[][];
}

/** A training curve's metric: its name in a sentence, which way is better, how a value is written. */
export interface CurveMetric {
  name: string;
  better: 'lower' | 'higher';
  format: (value: number) => string;
}

export const CURVE_METRICS = {
  loss: { name: 'loss', better: 'lower', format: (v: number) => decimal(v, 2) },
  accuracy: { name: 'accuracy', better: 'higher', format: (v: number) => percent(v) },
  error: { name: 'mean absolute error', better: 'lower', format: (v: number) => decimal(v, 3) },
} as const satisfies Record<string, CurveMetric>;

/** More rows than a person listens to: a table keeps this many, evenly spread, the first and the last among them. */
export const MOST_ROWS = 30;

/** `count` indices spread evenly over 0…n-1, the first and the last included (all of them when n ≤ count). */
export function spreadIndices(n: number, count = MOST_ROWS): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i);
  const out = new Set<number>();
  for (let k = 0; k < count; k++) out.add(Math.round((k * (n - 1)) / (count - 1)));
  return [...out];
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function epochs(n: number): string {
  return n === 1 ? '1 epoch' : `${n.toLocaleString('en-US')} epochs`;
}

/** The point where a curve is best (the first, when several tie). */
function bestOf(points: readonly Point[], better: CurveMetric['better']): Point | null {
  let best: Point | null = null;
  for (const p of points) if (!best || (better === 'lower' ? p.y < best.y : p.y > best.y)) best = p;
  return best;
}

/** One sentence on a run's training curve and, when it has one, its validation curve. */
export function trainingCurveSentence(metric: CurveMetric, training: readonly Point[], validation: readonly Point[] = []): string {
  const first = training[0];
  const last = training[training.length - 1];
  if (!first || !last) return `No epochs yet: the ${metric.name} is drawn here as the run trains.`;
  const name = capital(metric.name);
  let sentence =
    training.length === 1
      ? `${name} was ${metric.format(first.y)} after epoch ${first.x}`
      : last.y < first.y
        ? `${name} fell from ${metric.format(first.y)} to ${metric.format(last.y)} over ${epochs(last.x)}`
        : last.y > first.y
          ? `${name} rose from ${metric.format(first.y)} to ${metric.format(last.y)} over ${epochs(last.x)}`
          : `${name} stayed at ${metric.format(first.y)} over ${epochs(last.x)}`;
  const best = bestOf(validation, metric.better);
  if (best) sentence += `; validation ${metric.name} ${metric.better === 'lower' ? 'lowest' : 'highest'} at epoch ${best.x} (${metric.format(best.y)})`;
  return `${sentence}.`;
}

/**
 * The curves' numbers by epoch: a row for each of up to MOST_ROWS epochs spread over the longest curve, a column for
 * each curve ('–' where a curve has no value at that epoch).
 */
export function curveTable(metric: CurveMetric, curves: readonly { label: string; points: readonly Point[] }[]): Pick<ChartText, 'caption' | 'headers' | 'rows'> {
  const drawn = curves.filter((c) => c.points.length > 0);
  const longest = drawn.reduce<readonly Point[]>((a, c) => (c.points.length > a.length ? c.points : a), []);
  const picked = spreadIndices(longest.length).map((i) => longest[i]!.x);
  const byEpoch = drawn.map((c) => new Map(c.points.map((p) => [p.x, p.y])));
  const some = picked.length < longest.length ? `, ${picked.length} of its ${longest.length} epochs` : '';
  return {
    caption: `${capital(metric.name)} by epoch${some}`,
    headers: ['epoch', ...drawn.map((c) => c.label)],
    rows: picked.map((x) => [String(x), ...byEpoch.map((m) => (m.has(x) ? metric.format(m.get(x)!) : '–'))]),
  };
}

/** The Train screen's chart of one metric: the shown run's two curves said, every drawn curve in the table. */
export function trainingChartText(
  metric: CurveMetric,
  shown: { training: readonly Point[]; validation: readonly Point[] },
  curves: readonly { label: string; points: readonly Point[] }[],
): ChartText {
  return { summary: trainingCurveSentence(metric, shown.training, shown.validation), ...curveTable(metric, curves) };
}

/** The ROC curve: its area, what the threshold finds and costs, and the curve's points. */
export function rocChartText(
  roc: readonly { fpr: number; tpr: number }[],
  at: { auc: number; threshold: number; found: number; falseAlarms: number },
  words: ClassWords,
): ChartText {
  const summary =
    `The ROC curve's area (AUC) is ${decimal(at.auc, 3)}: 0.5 is guessing, 1 is perfect. ` +
    `At the threshold ${at.threshold.toFixed(2)} the model finds ${percent(at.found)} of the ${words.positive} ` +
    `and raises a false alarm for ${percent(at.falseAlarms)} of the ${words.negative}.`;
  const picked = spreadIndices(roc.length);
  return {
    summary,
    caption: `Points of the ROC curve${picked.length < roc.length ? `, ${picked.length} of ${roc.length}` : ''}`,
    headers: [`false alarms (share of the ${words.negative})`, `found (share of the ${words.positive})`],
    rows: picked.map((i) => [percent(roc[i]!.fpr), percent(roc[i]!.tpr)]),
  };
}

/** Predicted against actual (a number to predict): how close the dots lie, and some of them. */
export function scatterChartText(points: readonly Point[], fit: { mae: number; r2: number }, label: string): ChartText {
  const summary =
    `Predicted against actual ${label} for ${points.length.toLocaleString('en-US')} rows: the nearer a dot to the diagonal, ` +
    `the better the answer. A typical miss is ${decimal(fit.mae, 3)}; R² is ${decimal(fit.r2, 3)}.`;
  const picked = spreadIndices(points.length);
  return {
    summary,
    caption: `Rows of the chart${picked.length < points.length ? `, ${picked.length} of ${points.length}` : ''}`,
    headers: [`actual ${label}`, `predicted ${label}`],
    rows: picked.map((i) => [decimal(points[i]!.x, 4), decimal(points[i]!.y, 4)]),
  };
}

/** Cross-validation's strip of dots: each fold's score, and the run's own beside them. */
export function foldsTable(folds: readonly (number | null)[], own: number | null, format: (score: number) => string, heldOutRows: number): Pick<ChartText, 'caption' | 'headers' | 'rows'> {
  const rows = folds.map((score, i) => [`fold ${i + 1}`, score === null ? 'training…' : format(score)]);
  if (own !== null && Number.isFinite(own)) rows.push([`this run, on its ${heldOutRows} held-out rows`, format(own)]);
  return { caption: 'Each fold’s score', headers: ['scored', 'score'], rows };
}

/**
 * The drawing of the network in one sentence: its inputs, its layers, its output, and (once trained) its strongest
 * link ("… The strongest weight, −2.1, links Glucose to hidden unit 3.").
 */
export function networkSentence(
  inputs: readonly string[],
  layers: readonly { units: number; activation: string }[],
  outputName: string,
  kernels?: readonly (readonly (readonly number[])[])[] | null,
): string {
  const shownInputs = inputs.length <= 6 ? inputs.join(', ') : `${inputs.slice(0, 5).join(', ')} and ${inputs.length - 5} more`;
  const hidden = layers.slice(0, -1);
  const output = layers[layers.length - 1];
  const units = (n: number) => (n === 1 ? '1 unit' : `${n} units`);
  const middle = hidden.length ? `${hidden.map((l, i) => `hidden layer ${i + 1}: ${units(l.units)} (${l.activation})`).join(', ')}, then ` : 'no hidden layer, then ';
  const end = output ? `the output${outputName ? ` ${outputName}` : ''}: ${units(output.units)} (${output.activation})` : 'no output yet';
  let sentence = `The network: ${inputs.length === 1 ? '1 input' : `${inputs.length} inputs`}${inputs.length ? ` (${shownInputs})` : ''}, ${middle}${end}.`;
  let best: { weight: number; layer: number; from: number; to: number } | null = null;
  kernels?.forEach((kernel, layer) =>
    kernel.forEach((row, from) =>
      row.forEach((weight, to) => {
        if (Number.isFinite(weight) && (!best || Math.abs(weight) > Math.abs(best.weight))) best = { weight, layer, from, to };
      }),
    ),
  );
  if (best) {
    const b: { weight: number; layer: number; from: number; to: number } = best;
    const source = b.layer === 0 ? inputs[b.from] ?? `input ${b.from + 1}` : `hidden unit ${b.from + 1} of layer ${b.layer}`;
    const target = b.layer === layers.length - 1 ? (outputName || 'the output') + (output && output.units > 1 ? ` unit ${b.to + 1}` : '') : `hidden unit ${b.to + 1} of layer ${b.layer + 1}`;
    sentence += ` The strongest weight, ${decimal(b.weight, 2)}, links ${source} to ${target}; blue lines are positive weights, orange negative, thicker stronger.`;
  }
  return sentence;
}

/** A column's small histogram in one sentence: how many bars, and the tallest ("most rows, 374 of 768, in 0–85"). */
export function histogramSentence(column: string, bars: readonly { label: string; count: number }[]): string {
  const total = bars.reduce((a, b) => a + b.count, 0);
  const tallest = bars.reduce<{ label: string; count: number } | null>((a, b) => (!a || b.count > a.count ? b : a), null);
  if (!tallest || total === 0) return `Histogram of ${column}: no values.`;
  return `Histogram of ${column} in ${bars.length} bars; the tallest, ${tallest.label}, holds ${tallest.count.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} values.`;
}
