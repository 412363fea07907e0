// The browser-mode socket's messages: calls go up with an id, answers and events come down. Text frames of JSON.

import type { Envelope } from '../contract';

export interface CallMessage {
  type: 'call';
  id: number;
  name: string;
  args?: unknown;
}

export interface AnswerMessage {
  type: 'answer';
  id: number;
  envelope: Envelope<unknown>;
}

export interface EventMessage {
  type: 'event';
  event: string;
  payload: unknown;
}

/** The socket's path on the browser-mode server; the token rides in the query string. */
export const SOCKET_PATH = '/api';
export const TOKEN_PARAM = 'token';
/** Close code the server gives a page's socket when the app is opened in another tab: one window drives the app. */
export const REPLACED_CLOSE_CODE = 4000;
