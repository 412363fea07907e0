// predict.csv, export.model: what a finished run gives back (its evaluation comes with training.get).

import { calculatorFactsOfRun } from '../services/calculator-facts';
import { exportRun } from '../services/export';
import { predictCsv } from '../services/predictions';
import type { Context, HandlerGroup } from './context';

export function resultHandlers(ctx: Context): HandlerGroup<'predict.csv' | 'export.model'> {
  return {
    'predict.csv': ({ runId, inputPath, outputPath }) => predictCsv(ctx.session.run(runId), inputPath, outputPath),
    'export.model': ({ runId, format, path }) => exportRun(ctx.session.run(runId), format, path, { calculator: async () => calculatorFactsOfRun(ctx.session, runId) }),
  };
}
