// search.*: start and stop "Find a good network for me" (its leaderboard comes with the project's state and events).

import type { Context, HandlerGroup } from './context';

type SearchRequest = 'search.start' | 'search.stop';

export function searchHandlers(ctx: Context): HandlerGroup<SearchRequest> {
  return {
    'search.start': (args) => ctx.search.start(args),
    'search.stop': () => {
      ctx.search.stop();
      return { ok: true as const };
    },
  };
}
