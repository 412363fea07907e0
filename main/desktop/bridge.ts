// What the preload hands the page: one function per request and one subscribe per event, under one global name.
// Shared by the preload (which builds it) and the renderer (which wraps it); it imports no Electron.

import type { Envelope, EventName, RequestName } from '../contract';

/** What main/desktop/preload.ts exposes as `window.neuronBridge` (one function per request and per event). */
export interface DesktopBridge {
  requests: Record<RequestName, (args: unknown) => Promise<Envelope<unknown>>>;
  events: Record<EventName, (handler: (payload: unknown) => void) => () => void>;
}

export const BRIDGE_GLOBAL = 'neuronBridge';
