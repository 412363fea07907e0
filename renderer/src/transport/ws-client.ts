// Browser-mode client: the contract's Api over one WebSocket. Pure browser code (the renderer imports it).

import { buildApi, type Api, type Envelope, type ErrorInfo, type EventName } from '../../../main/contract';
import { REPLACED_CLOSE_CODE, SOCKET_PATH, TOKEN_PARAM, type AnswerMessage, type CallMessage, type EventMessage } from '../../../main/transport/ws-protocol';

/** The subset of the DOM WebSocket this client uses (the `ws` package's WebSocket fits too, for tests). */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((ev: any) => void) | null;
  onmessage: ((ev: { data: any }) => void) | null;
  onclose: ((ev: any) => void) | null;
  onerror: ((ev: any) => void) | null;
}

const OPEN = 1;

const LOST = {
  code: 'disconnected',
  message: 'The connection to Neuron Studio was lost.',
  hint: 'Start it again with npm run web and open the address it prints; work you had not saved is offered back on its start screen.',
};

const REPLACED = {
  code: 'opened_elsewhere',
  message: 'Neuron Studio was opened in another tab or window, so this one is no longer connected.',
  hint: 'Go on in the other one, or reload this tab to work here (the other one then stops).',
};

/** ws://host/api?token=… for the page at `location` (its own ?token=…); without one, the cookie alone carries it. */
export function socketUrlFor(location: { protocol: string; host: string; search: string }): string {
  const token = new URLSearchParams(location.search).get(TOKEN_PARAM);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = token === null ? '' : `?${TOKEN_PARAM}=${encodeURIComponent(token)}`;
  return `${scheme}//${location.host}${SOCKET_PATH}${query}`;
}

/**
 * The page's address without its ?token=… (path, other query, hash kept), or null when it has none. Once the page
 * has loaded, its cookie carries the token, so the address bar and the history entry need not.
 */
export function addressWithoutToken(href: string): string | null {
  const url = new URL(href);
  if (!url.searchParams.has(TOKEN_PARAM)) return null;
  url.searchParams.delete(TOKEN_PARAM);
  return url.pathname + url.search + url.hash;
}

export interface SocketApi {
  api: Api;
  /** resolves when the socket is open; rejects if it could not connect */
  ready: Promise<void>;
  /** resolves, with what to tell the person, when the connection ends (the server stopped, the machine slept...) */
  lost: Promise<ErrorInfo>;
  close(): void;
}

export function createSocketApi(url: string, makeSocket: (url: string) => SocketLike = (u) => new WebSocket(u) as unknown as SocketLike): SocketApi {
  const socket = makeSocket(url);
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const queue: string[] = [];
  const handlers = new Map<string, Set<(payload: unknown) => void>>();

  let markReady!: () => void;
  let markFailed!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    markFailed = reject;
  });
  ready.catch(() => undefined);
  let markLost!: (info: ErrorInfo) => void;
  const lost = new Promise<ErrorInfo>((resolve) => (markLost = resolve));
  let why: ErrorInfo = LOST;

  socket.onopen = () => {
    for (const data of queue.splice(0)) socket.send(data);
    markReady();
  };
  socket.onmessage = (ev) => {
    const message = JSON.parse(String(ev.data)) as AnswerMessage | EventMessage;
    if (message.type === 'answer') {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.envelope);
    } else if (message.type === 'event') {
      for (const handler of handlers.get(message.event) ?? []) {
        try {
          handler(message.payload);
        } catch (error) {
          console.error('[neuron-studio] an event handler failed:', error);
        }
      }
    }
  };
  socket.onclose = (ev: { code?: number }) => {
    closed = true;
    if (ev?.code === REPLACED_CLOSE_CODE) why = REPLACED;
    markFailed(new Error(why.message));
    for (const resolve of pending.values()) resolve({ ok: false, error: why });
    pending.clear();
    markLost(why);
  };
  socket.onerror = () => undefined; // onclose follows and says what matters

  const call = (name: string, args: unknown): Promise<Envelope<unknown>> => {
    if (closed) return Promise.resolve({ ok: false, error: why });
    const id = nextId++;
    const message: CallMessage = { type: 'call', id, name, args };
    const data = JSON.stringify(message);
    return new Promise((resolve) => {
      pending.set(id, resolve);
      if (socket.readyState === OPEN) socket.send(data);
      else queue.push(data);
    });
  };

  const subscribe = (event: EventName, handler: (payload: unknown) => void) => {
    let set = handlers.get(event);
    if (!set) handlers.set(event, (set = new Set()));
    set.add(handler);
    return () => {
      set!.delete(handler);
    };
  };

  return { api: buildApi(call, subscribe), ready, lost, close: () => socket.close() };
}
