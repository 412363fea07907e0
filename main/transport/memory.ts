// An in-memory client/server pair: the contract without a wire, for tests. Values are copied as the wire would.

import { buildApi, type Api, type EventName } from '../contract';
import type { Dispatch } from './dispatch';
import type { EventHub } from '../events';

/** JSON is the strictest of the two wires (WebSocket JSON, IPC structured clone): copy through it. */
function overTheWire<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

export function createMemoryClient(dispatch: Dispatch, hub: EventHub): Api {
  return buildApi(
    async (name, args) => overTheWire(await dispatch(name, overTheWire(args))),
    (event: EventName, handler) => hub.on(event, (payload) => handler(overTheWire(payload))),
  );
}
