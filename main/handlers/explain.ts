// explain.*: why one answer, what matters overall, and what-if curves for a run (computed in the pool).

import type { Context, HandlerGroup } from './context';

export function explainHandlers(ctx: Context): HandlerGroup<'explain.answer' | 'explain.inputs' | 'explain.whatIf'> {
  return {
    'explain.answer': ({ runId, values }) => ctx.explanations.answer(runId, values),
    'explain.inputs': ({ runId }) => ctx.explanations.inputs(runId),
    'explain.whatIf': ({ runId, input, values }) => ctx.explanations.whatIf(runId, input, values),
  };
}
