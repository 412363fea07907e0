// evaluation.get, predict.*, export.weights: what a finished run gives back.

import { defaultThreshold, evaluationOf, metricsAt } from '../services/evaluation';
import { exportWeights } from '../services/export';
import { predictCsv, predictOne } from '../services/predictions';
import type { Context, HandlerGroup } from './context';

export function resultHandlers(ctx: Context): HandlerGroup<'evaluation.get' | 'predict.one' | 'predict.csv' | 'export.weights'> {
  return {
    'evaluation.get': ({ runId, threshold }) => {
      const run = ctx.session.run(runId);
      const evaluation = evaluationOf(run);
      return { evaluation, metrics: metricsAt(evaluation, threshold ?? defaultThreshold(run)) };
    },
    'predict.one': ({ runId, values }) => predictOne(ctx.session.run(runId), values),
    'predict.csv': ({ runId, inputPath, outputPath }) => predictCsv(ctx.session.run(runId), inputPath, outputPath),
    'export.weights': ({ runId, path }) => exportWeights(ctx.session.run(runId), path),
  };
}
