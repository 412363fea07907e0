// Browser mode's server: the built screens and the contract over a WebSocket, on 127.0.0.1 only, behind a token.
// Must never import electron (directly or through its imports).

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../transport/dispatch';
import type { EventHub } from '../events';
import { REPLACED_CLOSE_CODE, SOCKET_PATH, type CallMessage, type EventMessage } from '../transport/ws-protocol';
import { answerText } from './answer-text';
import { judgeRequest, tokenCookieName } from './guard';
import { answerLaunch, createLaunchCodes, LAUNCH_PARAM, launchCodeIn } from './launch-codes';
import { resolveStatic, sendFile } from './static-files';

export interface WebCore {
  dispatch: Dispatch;
  hub: EventHub;
  close?(): Promise<void> | void;
}

export interface WebServerOptions {
  /** 0 (the default) picks a free port */
  port?: number;
  /** the built renderer; default out/renderer */
  staticDir?: string;
  /** the services behind the contract; default: the whole app (main/handlers createCore({ mode: 'web' })) */
  core?: WebCore;
  /** a fixed token (tests); default a new random one per start */
  token?: string;
}

export interface WebServer {
  /** the address to print: it carries the long-lived token (the page drops it from its address once loaded) */
  url: string;
  port: number;
  token: string;
  /** a new one-time address for the browser launcher, whose command line other local users can read */
  launchUrl(): string;
  close(): Promise<void>;
}

export const DEFAULT_STATIC_DIR = path.resolve(__dirname, '../../out/renderer');

/** A dropped CSV travels as one message; allow big files, refuse absurd ones. */
const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticDir = path.resolve(options.staticDir ?? DEFAULT_STATIC_DIR);
  const ownCore = !options.core;
  const core: WebCore = options.core ?? (await import('../handlers/index')).createCore({ mode: 'web' });
  const launchCodes = createLaunchCodes();
  const tokenCookie = () => `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;

  let port = 0;
  const server = createServer((req, res) => {
    serveHttp(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Something went wrong serving this file.');
    });
  });

  async function serveHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const verdict = judgeRequest(
      { url: req.url ?? '/', host: req.headers.host, origin: req.headers.origin, cookie: req.headers.cookie },
      token,
      port,
    );
    const launchCode = req.method === 'GET' ? launchCodeIn(req.url ?? '/') : null;
    if (launchCode !== null) {
      const answer = answerLaunch(launchCode, verdict, launchCodes);
      if (answer.kind === 'refuse') {
        res.writeHead(answer.status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end(answer.reason);
        return;
      }
      // to the clean address, so the code stays neither in the address bar nor in the page's history entry
      const headers: Record<string, string> = { Location: '/', 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };
      if (answer.kind === 'exchange') headers['Set-Cookie'] = tokenCookie();
      res.writeHead(302, headers);
      res.end();
      return;
    }
    if (!verdict.allowed) {
      res.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(verdict.reason);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Only GET is served here.');
      return;
    }
    const file = await resolveStatic(staticDir, verdict.url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found.');
      return;
    }
    const headers: Record<string, string> = {
      'X-Content-Type-Options': 'nosniff',
      // the token is in the page's address: never hand it to another site
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    if (file.endsWith('.html')) {
      headers['Cache-Control'] = 'no-store';
      headers['Content-Security-Policy'] = contentSecurityPolicy(port);
    }
    if (verdict.tokenFromQuery) {
      // the page's scripts and styles are fetched without ?token=: they carry this cookie instead
      headers['Set-Cookie'] = tokenCookie();
    }
    if (req.method === 'HEAD') {
      res.writeHead(200, headers);
      res.end();
      return;
    }
    if (!existsSync(file)) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end("The app's screens are not built yet: run `npm run build:web`, then reload.");
      return;
    }
    sendFile(res, file, headers);
  }

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node takes its own error listener off an upgraded socket: without one, a client that resets ends the process.
    socket.on('error', () => socket.destroy());
    try {
      const verdict = judgeRequest(
        { url: req.url ?? '/', host: req.headers.host, origin: req.headers.origin, cookie: req.headers.cookie },
        token,
        port,
      );
      if (!verdict.allowed || verdict.url.pathname !== SOCKET_PATH) {
        refuseUpgrade(socket, verdict.allowed ? 404 : verdict.status);
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
    } catch (error) {
      console.error('[neuron-studio] a socket upgrade failed:', error);
      refuseUpgrade(socket, 500);
    }
  });

  function serveSocket(ws: WebSocket): void {
    // One window drives the app: two tabs on one session would each hold a stale copy of the other's changes.
    // The newest tab wins (a reload is a new tab too); the older one is told why it lost its connection.
    for (const other of sockets.clients) {
      if (other !== ws && other.readyState === other.OPEN) other.close(REPLACED_CLOSE_CODE, 'opened in another tab');
    }
    const stop = core.hub.onAny((event, payload) => {
      if (ws.readyState !== ws.OPEN) return;
      const message: EventMessage = { type: 'event', event, payload };
      ws.send(JSON.stringify(message));
    });
    ws.on('close', stop);
    ws.on('error', () => undefined);
    ws.on('message', (data, isBinary) => {
      let call: CallMessage;
      try {
        call = JSON.parse(isBinary ? '' : data.toString()) as CallMessage;
      } catch {
        ws.close(1003, 'not JSON');
        return;
      }
      if (call?.type !== 'call' || typeof call.id !== 'number' || typeof call.name !== 'string') {
        ws.close(1003, 'not a call');
        return;
      }
      void answerText(core.dispatch, call).then((text) => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    launchUrl: () => `http://127.0.0.1:${port}/?${LAUNCH_PARAM}=${launchCodes.issue()}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownCore) await core.close?.();
    },
  };
}

const STATUS_LINES: Record<number, string> = {
  400: '400 Bad Request',
  401: '401 Unauthorized',
  403: '403 Forbidden',
  404: '404 Not Found',
  500: '500 Internal Server Error',
};

function refuseUpgrade(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${STATUS_LINES[status] ?? STATUS_LINES[500]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Chart.js and Vue set styles through the DOM; nothing needs eval or inline scripts. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}
