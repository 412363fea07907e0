// Who may talk to the browser-mode server: the right token, our own Origin and Host. Pure functions, tested alone.

import { timingSafeEqual } from 'node:crypto';

export interface RequestFacts {
  /** the request's URL path and query, e.g. /assets/x.js?token=… */
  url: string;
  host?: string;
  origin?: string;
  cookie?: string;
}

export type Verdict =
  | { allowed: true; tokenFromQuery: boolean; url: URL }
  | { allowed: false; status: 400 | 401 | 403; reason: string };

/** Cookies are shared by every port on a host, so the cookie's name carries the port. */
export function tokenCookieName(port: number): string {
  return `neuron_studio_token_${port}`;
}

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return percentDecoded(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** Anyone may send any bytes: a value that is not valid percent-encoding (e.g. %E0) is simply no token. */
function percentDecoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The request's address, or null when it cannot be read as one (e.g. `//[`, which `new URL` refuses by throwing). */
export function requestUrl(url: string, port: number): URL | null {
  try {
    return new URL(url, `http://${ownHosts(port)[0]}`);
  } catch {
    return null;
  }
}

/** The hosts this server answers to; any other Host header is a DNS-rebinding attempt. */
export function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function judgeRequest(facts: RequestFacts, token: string, port: number): Verdict {
  const hosts = ownHosts(port);
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) {
    return { allowed: false, status: 403, reason: 'This server only answers on its own address.' };
  }
  if (facts.origin !== undefined && !hosts.some((h) => facts.origin === `http://${h}`)) {
    return { allowed: false, status: 403, reason: 'Requests from other web pages are refused.' };
  }
  const url = requestUrl(facts.url, port);
  if (!url) return { allowed: false, status: 400, reason: 'This address is not a valid one.' };
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && sameSecret(fromQuery, token)) return { allowed: true, tokenFromQuery: true, url };
  const fromCookie = cookieValue(facts.cookie, tokenCookieName(port));
  if (fromCookie !== undefined && sameSecret(fromCookie, token)) return { allowed: true, tokenFromQuery: false, url };
  return {
    allowed: false,
    status: 401,
    reason: 'This address needs the token that `npm run web` printed. Open the full address it printed.',
  };
}
