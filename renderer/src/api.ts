// The one `api` object (Electron's bridge or the browser-mode socket) and the turning of any failure into words.
// Only store actions import this file: components ask stores, stores ask the api.

import type { Api, ErrorInfo } from '../../main/contract';
import { getApi } from './transport/renderer-api';

export { onConnectionLost } from './transport/renderer-api';

let current: Api | undefined;

export function useApi(): Api {
  return (current ??= getApi());
}

/** Plain JSON copy of reactive state: Vue proxies cannot cross Electron's contextBridge, and must not be shared. */
export function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/**
 * Any thrown thing as a message a person can act on. Errors from the main side already are (ApiError); anything
 * else is a fault of the app, said so without its stack trace.
 */
export function toErrorInfo(error: unknown, doing?: string): ErrorInfo {
  if (error && typeof error === 'object' && typeof (error as ErrorInfo).code === 'string' && typeof (error as ErrorInfo).message === 'string') {
    const e = error as ErrorInfo;
    const info: ErrorInfo = { code: e.code, message: e.message };
    if (e.file !== undefined) info.file = e.file;
    if (e.row !== undefined) info.row = e.row;
    if (e.column !== undefined) info.column = e.column;
    if (e.hint !== undefined) info.hint = e.hint;
    return info;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: 'internal',
    message: `Something went wrong in the app${doing ? ` while ${doing}` : ''}${detail ? `: ${detail.split('\n')[0]}` : ''}.`,
    hint: 'Your work is kept. Try again; if it happens again, save the project and reload the window.',
  };
}
