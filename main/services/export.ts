// A run's trained model leaving the app: its weights (refused in words while it has none), written in the format
// the person chose by main/services/model-export.ts.

import { parseWeightsFile } from '../../workers/engine/predict';
import type { ExportFormat } from '../../workers/exports/formats';
import type { Run } from '../contract';
import { userError } from '../errors';
import { exportModel, type ExportChoices, type ExportDone } from './model-export';

export { exportModel, type ExportChoices, type ExportDone } from './model-export';

export function weightsOf(run: Run) {
  if (!run.weights) {
    throw userError('no_weights', `"${run.name}" has no trained weights (${run.status === 'failed' ? 'it failed' : 'it has not finished'}).`, {
      hint: 'Choose a run that has finished training.',
    });
  }
  return run.weights;
}

/** The run's model as `format` at `target` (a folder for TensorFlow.js). */
export function exportRun(run: Run, format: ExportFormat, target: string, choices: ExportChoices = {}): Promise<ExportDone> {
  const raw = weightsOf(run);
  return exportModel(parseWeightsFile(raw), format, target, choices, raw);
}

/** The run's weights file (JSON), as train --out writes it. */
export async function exportWeights(run: Run, file: string): Promise<{ path: string; bytes: number }> {
  const done = await exportRun(run, 'weights', file);
  return { path: done.path, bytes: done.bytes };
}
