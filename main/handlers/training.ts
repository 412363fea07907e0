// training.*: start (or continue), stop, list, get and delete the project's runs, and set a run's threshold.

import type { Context, HandlerGroup } from './context';

type TrainingRequest = 'training.start' | 'training.stop' | 'training.list' | 'training.get' | 'training.delete' | 'training.setThreshold';

export function trainingHandlers(ctx: Context): HandlerGroup<TrainingRequest> {
  return {
    'training.start': (args) =>
      ctx.runs.start(args?.name, args?.continueFrom ? { runId: args.continueFrom, ...(args.epochs ? { epochs: args.epochs } : {}) } : undefined),
    'training.stop': ({ runId }) => {
      ctx.runs.stop(runId);
      return { ok: true as const };
    },
    'training.list': () => ctx.runs.list(),
    'training.get': ({ runId }) => ctx.session.run(runId),
    'training.delete': ({ runId }) => {
      ctx.runs.delete(runId);
      return { ok: true as const };
    },
    'training.setThreshold': ({ runId, threshold }) => ctx.runs.setThreshold(runId, threshold),
  };
}
