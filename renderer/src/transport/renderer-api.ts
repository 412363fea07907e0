// The renderer's one `api`: the Electron preload's bridge when present, else the browser-mode socket.
// Pure browser code; the renderer calls getApi() once at start-up and cannot tell which transport it got.

import { buildApi, type Api, type ErrorInfo } from '../../../main/contract';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../../main/desktop/bridge';
import { addressWithoutToken, createSocketApi, socketUrlFor } from './ws-client';

/** Wrap the desktop bridge: envelopes become results or thrown ApiErrors (contextBridge drops error fields). */
export function apiFromBridge(bridge: DesktopBridge): Api {
  return buildApi(
    (name, args) => bridge.requests[name](args),
    (event, handler) => bridge.events[event](handler),
  );
}

let current: Api | undefined;
/** browser mode: resolves when the socket to the main side closes; the desktop's IPC has no such end */
let connectionLost: Promise<ErrorInfo> = new Promise(() => undefined);

export function getApi(): Api {
  if (current) return current;
  const bridge = (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] as DesktopBridge | undefined;
  if (bridge) current = apiFromBridge(bridge);
  else {
    const socket = createSocketApi(socketUrlFor(globalThis.location));
    // the token must not stay in the address bar, the history or a bookmark; the socket above still has it
    const clean = addressWithoutToken(globalThis.location.href);
    if (clean !== null) globalThis.history.replaceState(globalThis.history.state, '', clean);
    current = socket.api;
    connectionLost = socket.lost;
  }
  return current;
}

/** Calls `handler` once if the connection to the main side ends, so the window can say so at once. */
export function onConnectionLost(handler: (info: ErrorInfo) => void): void {
  getApi();
  void connectionLost.then(handler);
}
