// How predictions read in the terminal: one line per row (the --out file is the app's, main/services/predictions.ts).

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

/** A number as a person reads it: at most 10 significant digits, no float noise (13, not 12.999999999999998). */
export function shortNumber(value: number): string {
  return String(Number(value.toPrecision(10)));
}
