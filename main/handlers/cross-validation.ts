// crossValidation.*: start and stop the cross-validation of a run's plan (its progress and result come as events).

import type { Context, HandlerGroup } from './context';

export function crossValidationHandlers(ctx: Context): HandlerGroup<'crossValidation.start' | 'crossValidation.stop'> {
  return {
    'crossValidation.start': ({ runId, folds }) => {
      ctx.crossValidations.start(runId, folds);
      return { ok: true as const };
    },
    'crossValidation.stop': ({ runId }) => {
      ctx.crossValidations.stop(runId);
      return { ok: true as const };
    },
  };
}
