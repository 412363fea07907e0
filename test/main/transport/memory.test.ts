// The contract over the in-memory pair: arguments parsed before a handler runs, errors in words, events delivered.
import { describe, expect, it } from 'vitest';
import { ApiError, eventMethodName, requestNames, requests } from '../../../main/contract';
import { EventHub } from '../../../main/events';
import { createDispatch } from '../../../main/transport/dispatch';
import { createMemoryClient } from '../../../main/transport/memory';
import { fakeHandlers } from '../fake-handlers';

function pair() {
  const hub = new EventHub();
  const logged: unknown[] = [];
  const dispatch = createDispatch(fakeHandlers(hub), { log: (e) => logged.push(e) });
  return { api: createMemoryClient(dispatch, hub), dispatch, hub, logged };
}

describe('in-memory transport', () => {
  it('round-trips a request and its result', async () => {
    const { api } = pair();
    const info = await api.app.info();
    expect(info).toEqual({ mode: 'web', nativeDialogs: false, version: '0.0.0-test', examples: [], platform: 'linux' });
  });

  it('refuses a bad argument with a sentence naming the field, before the handler runs', async () => {
    const { api } = pair();
    const error = await api.dataset.import({ path: 42 as unknown as string }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('bad_argument');
    expect(error.message).toMatch(/^The request "dataset.import" got a bad argument \(path\): /);
    expect(error.message).not.toMatch(/at .*\.ts:\d+/);
  });

  it('hides an unexpected error behind a plain sentence and logs the real one', async () => {
    const { api, logged } = pair();
    const error = await api.dataset.import({ path: 'boom' }).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('internal');
    expect(error.message).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('keeps the fields of a DataError (file, row, column, hint), the hint apart from the message', async () => {
    const hub = new EventHub();
    const handlers = fakeHandlers(hub);
    handlers['dataset.import'] = async () => {
      const e = Object.assign(new Error("Row 57 has 10 values but the header has 9. Fix the file or choose 'skip bad rows'."), {
        name: 'DataError', code: 'ragged_rows', file: 'bad.csv', row: 57, hint: "Fix the file or choose 'skip bad rows'.",
      });
      throw e;
    };
    const api = createMemoryClient(createDispatch(handlers), hub);
    const error = await api.dataset.import({ path: 'bad.csv' }).catch((e) => e);
    // regression: the message also ended with the hint, so the app showed "what to do" twice
    expect(error.toInfo()).toEqual({
      code: 'ragged_rows',
      message: 'Row 57 has 10 values but the header has 9.',
      file: 'bad.csv',
      row: 57,
      hint: "Fix the file or choose 'skip bad rows'.",
    });
  });

  it('answers an unknown request name with a sentence', async () => {
    const { dispatch } = pair();
    expect(await dispatch('dataset.explode', {})).toEqual({
      ok: false,
      error: { code: 'unknown_request', message: 'There is no request called "dataset.explode".' },
    });
  });

  it('delivers events to subscribers until they unsubscribe', async () => {
    const { api } = pair();
    const seen: unknown[] = [];
    const unsubscribe = api.onTrainingProgress((p) => seen.push(p.runId));
    await api.training.stop({ runId: 'r1' });
    unsubscribe();
    await api.training.stop({ runId: 'r2' });
    expect(seen).toEqual(['r1']);
  });

  it('builds one function per request and one subscribe per event', () => {
    const { api } = pair();
    for (const name of requestNames) {
      const [domain, member] = name.split('.');
      expect(typeof (api as any)[domain!][member!], name).toBe('function');
    }
    expect(eventMethodName('training.progress')).toBe('onTrainingProgress');
    expect(eventMethodName('project.changed')).toBe('onProjectChanged');
    expect(typeof api.onProjectChanged).toBe('function');
  });
});

// Every request: a clearly wrong argument is refused by its schema with a readable sentence.
describe('every request refuses a bad argument', () => {
  const bad: unknown = { definitelyNotAnArgument: [1, 2, 3] };
  for (const name of Object.keys(requests)) {
    it(name, async () => {
      const { dispatch } = pair();
      const answer = await dispatch(name, bad);
      expect(answer.ok).toBe(false);
      if (answer.ok) return;
      expect(answer.error.code).toBe('bad_argument');
      expect(answer.error.message).toMatch(new RegExp(`^The request "${name.replace('.', '\\.')}" got a bad argument`));
    });
  }
});
