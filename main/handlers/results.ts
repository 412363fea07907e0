// predict.csv, export.weights: what a finished run gives back (its evaluation comes with training.get).

import { exportWeights } from '../services/export';
import { predictCsv } from '../services/predictions';
import type { Context, HandlerGroup } from './context';

export function resultHandlers(ctx: Context): HandlerGroup<'predict.csv' | 'export.weights'> {
  return {
    'predict.csv': ({ runId, inputPath, outputPath }) => predictCsv(ctx.session.run(runId), inputPath, outputPath),
    'export.weights': ({ runId, path }) => exportWeights(ctx.session.run(runId), path),
  };
}
