// The real browser-mode server: token and Origin refused when wrong, files served, the contract over its socket.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiError } from '../../../main/contract';
import { EventHub } from '../../../main/events';
import { createDispatch, type Dispatch } from '../../../main/transport/dispatch';
import { createSocketApi, socketUrlFor, type SocketLike } from '../../../renderer/src/transport/ws-client';
import { startWebServer, type WebServer } from '../../../main/web/server';
import { fakeHandlers } from '../fake-handlers';
import { httpGet, type Answer } from './http-get';

let server: WebServer;
let staticDir: string;

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'ns-web-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Neuron Studio</title>');
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(os.tmpdir(), 'ns-secret.txt'), 'do not serve');
  const hub = new EventHub();
  server = await startWebServer({ port: 0, staticDir, core: { dispatch: createDispatch(fakeHandlers(hub)), hub } });
});
afterAll(async () => {
  await server?.close();
});

function get(urlPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return httpGet(server.port, urlPath, headers);
}

/** Open a raw socket and report how the upgrade ended: 'open' or the HTTP status of the refusal. */
function tryUpgrade(url: string, headers: Record<string, string> = {}): Promise<string | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!));
    ws.on('error', () => resolve('error'));
  });
}

describe('browser-mode server', () => {
  it('prints an address on 127.0.0.1 with a fresh token', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
    const other = await startWebServer({ port: 0, staticDir, core: { dispatch: createDispatch(fakeHandlers(new EventHub())), hub: new EventHub() } });
    expect(other.token).not.toBe(server.token);
    expect(other.port).not.toBe(server.port);
    await other.close();
  });

  it('serves the page with the token and sets the cookie the page assets then use', async () => {
    const page = await get(`/?token=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Neuron Studio</title>');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toBe(`neuron_studio_token_${server.port}=${server.token}`);
    const asset = await get('/assets/app.js', { Cookie: cookie });
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log(1)');
  });

  it('refuses a missing or wrong token with 401', async () => {
    expect((await get('/')).status).toBe(401);
    expect((await get('/?token=wrong')).status).toBe(401);
    expect((await get('/assets/app.js')).status).toBe(401);
    expect((await get('/assets/app.js', { Cookie: `neuron_studio_token_${server.port}=nope` })).status).toBe(401);
  });

  it('refuses another Origin and another Host with 403, even with the right token', async () => {
    expect((await get(`/?token=${server.token}`, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(`/?token=${server.token}`, { Origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await get(`/?token=${server.token}`, { Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get(`/?token=${server.token}`, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('never serves a file outside the built screens', async () => {
    const res = await get(`/..%2f..%2f..%2f..%2ftmp%2fns-secret.txt?token=${server.token}`);
    expect(res.body).not.toContain('do not serve');
  });

  it('refuses a socket without the token, with a wrong one, or from another Origin', async () => {
    const base = `ws://127.0.0.1:${server.port}/api`;
    expect(await tryUpgrade(base)).toBe(401);
    expect(await tryUpgrade(`${base}?token=wrong`)).toBe(401);
    expect(await tryUpgrade(`${base}?token=${server.token}`, { Origin: 'http://evil.example' })).toBe(403);
    expect(await tryUpgrade(`${base}?token=${server.token}`, { Origin: `http://127.0.0.1:${server.port}` })).toBe('open');
  });

  it('carries requests, errors and events over the socket', async () => {
    const url = socketUrlFor({ protocol: 'http:', host: `127.0.0.1:${server.port}`, search: `?token=${server.token}` });
    const client = createSocketApi(url, (u) => new WebSocket(u) as unknown as SocketLike);
    const { api } = client;
    expect((await api.app.info()).mode).toBe('web');
    const bad = await api.dataset.import({} as never).catch((e) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad.code).toBe('bad_argument');
    const event = new Promise<string>((resolve) => api.onTrainingProgress((p) => resolve(`${p.runId}:${p.epochs.length}`)));
    await api.training.stop({ runId: 'r7' });
    expect(await event).toBe('r7:1');
    client.close();
    const lost = await api.app.info().catch((e) => e);
    expect(lost.code).toBe('disconnected');
  });

  it('a second tab takes over: the first one is told it was opened elsewhere, and the second one works', async () => {
    const url = socketUrlFor({ protocol: 'http:', host: `127.0.0.1:${server.port}`, search: `?token=${server.token}` });
    const first = createSocketApi(url, (u) => new WebSocket(u) as unknown as SocketLike);
    expect((await first.api.app.info()).mode).toBe('web');
    const second = createSocketApi(url, (u) => new WebSocket(u) as unknown as SocketLike);
    await second.ready;
    const why = await first.lost;
    expect(why.code).toBe('opened_elsewhere');
    expect(why.message).toMatch(/opened in another tab or window/);
    expect((await first.api.app.info().catch((e) => e)).code).toBe('opened_elsewhere');
    expect((await second.api.app.info()).mode).toBe('web');
    second.close();
    expect((await second.lost).code).toBe('disconnected');
  });
});

/** Sends raw bytes as one request and gives back the status line of the answer ('' when the connection just closed). */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
  });
}

function openApi(port: number, token: string) {
  const url = socketUrlFor({ protocol: 'http:', host: `127.0.0.1:${port}`, search: `?token=${token}` });
  return createSocketApi(url, (u) => new WebSocket(u) as unknown as SocketLike);
}

describe('no request takes the server down', () => {
  // Regression: the cookie neuron_studio_token_PORT=%E0 made decodeURIComponent throw in the upgrade handler.
  it('a cookie that is not valid percent-encoding is refused (socket and page), and the same server still answers', async () => {
    const badCookie = { Cookie: `neuron_studio_token_${server.port}=%E0` };
    expect(await tryUpgrade(`ws://127.0.0.1:${server.port}/api`, badCookie)).toBe(401);
    expect((await get('/assets/app.js', badCookie)).status).toBe(401);
    const client = openApi(server.port, server.token);
    expect((await client.api.app.info()).mode).toBe('web');
    client.close();
    expect((await get('/assets/app.js', { Cookie: `neuron_studio_token_${server.port}=${server.token}` })).status).toBe(200);
  });

  // Regression: an address `new URL` cannot read (//[) threw in the upgrade handler and ended the process.
  it('an address that is not a URL is a 400, for a page and for a socket, and the server still answers', async () => {
    const host = `Host: 127.0.0.1:${server.port}\r\n`;
    const upgrade = 'Connection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n';
    expect(await rawRequest(server.port, `GET //[ HTTP/1.1\r\n${host}${upgrade}\r\n`)).toBe('HTTP/1.1 400 Bad Request');
    expect(await rawRequest(server.port, `GET //[ HTTP/1.1\r\n${host}Connection: close\r\n\r\n`)).toBe('HTTP/1.1 400 Bad Request');
    expect((await get(`/?token=${server.token}`)).status).toBe(200);
  });

  // Regression: an answer JSON.stringify cannot write (a project's `ui` nested 100,000 levels deep) ended the process.
  it('an answer that cannot be written as JSON is an error reply, and the next request on the same socket is answered', async () => {
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { ui: deep };
    const hub = new EventHub();
    const base = createDispatch(fakeHandlers(hub));
    const dispatch: Dispatch = (name, args) => (name === 'project.state' ? Promise.resolve({ ok: true, result: deep }) : base(name, args));
    const own = await startWebServer({ port: 0, staticDir, core: { dispatch, hub } });
    const client = openApi(own.port, own.token);
    try {
      const refused = await client.api.project.state().catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).code).toBe('answer_not_sent');
      expect((refused as ApiError).message).toBe('The app could not send its answer to this page: the answer could not be written out.');
      expect((await client.api.app.info()).mode).toBe('web');
    } finally {
      client.close();
      await own.close();
    }
  });
});

describe('browser-mode server with the whole app behind it', () => {
  it('imports the example and describes it over the socket', async () => {
    const { createCore } = await import('../../../main/handlers/index');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ns-web-core-'));
    const core = createCore({ mode: 'web', dataDir, checkResults: true });
    const real = await startWebServer({ port: 0, staticDir, core });
    const client = createSocketApi(
      socketUrlFor({ protocol: 'http:', host: `127.0.0.1:${real.port}`, search: `?token=${real.token}` }),
      (u) => new WebSocket(u) as unknown as SocketLike,
    );
    try {
      const info = await client.api.app.info();
      expect(info).toMatchObject({ mode: 'web', nativeDialogs: false });
      expect(info.examples).toEqual([
        {
          title: 'diabetes (Pima)',
          path: path.resolve(__dirname, '../../../datasets/diabetes.csv'),
          label: 'Outcome',
          classWords: { positive: 'people with diabetes', negative: 'people without diabetes' },
          answerNames: { '1': 'diabetes', '0': 'no diabetes' },
          about: expect.stringContaining('Pima Indian heritage, aged 21 or older'),
        },
      ]);
      const changed = new Promise((resolve) => client.api.onProjectChanged(resolve));
      const summary = await client.api.dataset.import({ path: info.examples[0]!.path });
      expect(summary.rows).toBe(768);
      expect(await changed).toEqual({ name: 'diabetes', path: null, dirty: true });
      expect((await client.api.dataset.describe()).roles.label).toBe('Outcome');
      const suggestions = await client.api.files.suggestions({ kind: 'csv' });
      expect(suggestions.map((s) => s.label)).toContain('pima-indians-diabetes.csv');
    } finally {
      client.close();
      await real.close();
      await core.close();
    }
  });
});
