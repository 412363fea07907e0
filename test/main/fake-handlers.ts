// Canned handlers for every request: the transports can be tested without the services behind them.

import type { Handlers } from '../../main/transport/dispatch';
import { EventHub } from '../../main/events';
import { ApiError } from '../../main/contract';

const state = {
  name: 'Untitled project',
  path: null,
  dirty: false,
  dataset: null,
  describe: null,
  plan: null,
  runs: [],
  ui: { screen: 'start', selectedRunId: null, threshold: 0.5, compareRunIds: [] },
};

export function fakeHandlers(hub: EventHub): Handlers {
  const notHere = async () => {
    throw new ApiError({ code: 'not_here', message: 'Not in this fake.' });
  };
  const handlers: Partial<Handlers> = {
    'app.info': async () => ({ mode: 'web', nativeDialogs: false, version: '0.0.0-test', examples: [], platform: 'linux' }),
    'project.state': async () => state,
    'dataset.import': async ({ path }) => {
      if (path === 'boom') throw new Error('secret internal detail at /home/x/stack.ts:12');
      return { fileName: path, path, rows: 3, columns: [{ name: 'a', kind: 'numeric' }], skippedRows: 0, notes: [] };
    },
    'training.stop': async ({ runId }) => {
      hub.emit('training.progress', { runId, epochs: [{ epoch: 1, loss: 0.5, elapsed: 0.1 }], totalEpochs: 2, elapsed: 0.1 });
      return { ok: true };
    },
  };
  return new Proxy(handlers as Handlers, {
    get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? notHere,
  });
}
