// How predictions are shown: one line per row in the terminal, and the columns appended to the rows for --out.

import type { Prediction } from '../../workers/engine/predict';
import type { WeightsFile } from '../../workers/engine/weights-file';

/** `9`, `yes (probability of yes: 0.7311)`, `dog (cat 0.2500, dog 0.5000, fox 0.2500)` */
export function predictionLine(prediction: Prediction, model: WeightsFile): string {
  if ('value' in prediction) return shortNumber(prediction.value);
  if ('probability' in prediction) {
    const positive = model.output.classes?.[1] ?? '1';
    return `${prediction.label} (probability of ${positive}: ${prediction.probability.toFixed(4)})`;
  }
  const parts = Object.entries(prediction.probabilities).map(([name, p]) => `${name} ${p.toFixed(4)}`);
  return `${prediction.label} (${parts.join(', ')})`;
}

/** The names of the columns --out appends, e.g. predicted_Outcome, probability_1. */
export function predictionColumns(model: WeightsFile): string[] {
  const name = model.output.name || 'output';
  if (model.task === 'regression') return [`predicted_${name}`];
  const classes = model.output.classes ?? [];
  if (model.task === 'binary') return [`predicted_${name}`, `probability_${classes[1] ?? '1'}`];
  return [`predicted_${name}`, ...classes.map((c) => `probability_${c}`)];
}

export function predictionCells(prediction: Prediction, model: WeightsFile): string[] {
  if ('value' in prediction) return [String(prediction.value)];
  if ('probability' in prediction) return [prediction.label, String(prediction.probability)];
  const classes = model.output.classes ?? Object.keys(prediction.probabilities);
  return [prediction.label, ...classes.map((c) => String(prediction.probabilities[c]))];
}

/** A number as a person reads it: at most 10 significant digits, no float noise (13, not 12.999999999999998). */
export function shortNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}
