// The one-time launch address over real HTTP: exchanged once for the cookie, then refused in a sentence; and the
// page's own address without its token.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { EventHub } from '../../../main/events';
import { createDispatch } from '../../../main/transport/dispatch';
import { addressWithoutToken, createSocketApi, socketUrlFor, type SocketLike } from '../../../renderer/src/transport/ws-client';
import { createLaunchCodes, LAUNCH_CODE_LIFETIME_MS, LAUNCH_CODE_USED } from '../../../main/web/launch-codes';
import { startWebServer, type WebServer } from '../../../main/web/server';
import { fakeHandlers } from '../fake-handlers';
import { httpGet, type Answer } from './http-get';

let server: WebServer;

beforeAll(async () => {
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'ns-web-launch-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Neuron Studio</title>');
  const hub = new EventHub();
  server = await startWebServer({ port: 0, staticDir, core: { dispatch: createDispatch(fakeHandlers(hub)), hub } });
});
afterAll(async () => {
  await server?.close();
});

function get(address: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(address, `http://127.0.0.1:${server.port}`);
  return httpGet(server.port, url.pathname + url.search, headers);
}

const cookieOf = (answer: { headers: Record<string, unknown> }) => String(answer.headers['set-cookie']).split(';')[0]!;

describe('the one-time launch address', () => {
  // regression: npm run web put the long-lived token on the browser launcher's command line
  it('carries a code, never the token, and a new one each time', () => {
    const first = new URL(server.launchUrl());
    const second = new URL(server.launchUrl());
    expect(first.origin).toBe(`http://127.0.0.1:${server.port}`);
    expect(first.pathname).toBe('/');
    expect([...first.searchParams.keys()]).toEqual(['launch']);
    expect(first.href).not.toContain(server.token);
    expect(second.searchParams.get('launch')).not.toBe(first.searchParams.get('launch'));
  });

  it('is exchanged once for the cookie, going to the clean address', async () => {
    const launch = server.launchUrl();
    const first = await get(launch);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    expect(cookieOf(first)).toBe(`neuron_studio_token_${server.port}=${server.token}`);
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get('/', { Cookie: cookieOf(first) });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Neuron Studio</title>');
  });

  it('is refused the second time, saying what to do', async () => {
    const launch = server.launchUrl();
    const first = await get(launch);
    expect(first.status).toBe(302);
    const again = await get(launch);
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect(again.body).toBe(LAUNCH_CODE_USED);
    expect(again.body).toBe(
      'This one-time address was already used (or is too old). Go back to the Neuron Studio tab it opened, ' +
        'or open the address printed in the window where Neuron Studio was started.',
    );
    // the browser that used it (a reload, a history entry) just goes to the app
    const fromTheSameBrowser = await get(launch, { Cookie: cookieOf(first) });
    expect(fromTheSameBrowser.status).toBe(302);
    expect(fromTheSameBrowser.headers.location).toBe('/');
    expect(fromTheSameBrowser.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a code it never issued, and a code from another web page without using it up', async () => {
    expect((await get('/?launch=made-up')).status).toBe(401);
    const launch = server.launchUrl();
    expect((await get(launch, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get(launch, { Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await get(launch)).status).toBe(302);
  });

  it('opens the page only: the socket does not take a code', async () => {
    const code = new URL(server.launchUrl()).searchParams.get('launch')!;
    const refused = await new Promise<number | string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?launch=${code}`);
      ws.on('open', () => (ws.close(), resolve('open')));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!));
      ws.on('error', () => resolve('error'));
    });
    expect(refused).toBe(401);
    expect((await get(`/?launch=${code}`)).status).toBe(302); // still unused
  });

  it('expires unused', () => {
    let now = 1_000_000;
    const codes = createLaunchCodes(() => now);
    const late = codes.issue();
    const early = codes.issue();
    expect(codes.redeem(early)).toBe(true);
    now += LAUNCH_CODE_LIFETIME_MS + 1;
    expect(codes.redeem(late)).toBe(false);
    expect(codes.redeem(early)).toBe(false);
  });
});

describe('the page address after load', () => {
  it('drops the token and keeps everything else', () => {
    expect(addressWithoutToken('http://127.0.0.1:5317/?token=abc')).toBe('/');
    expect(addressWithoutToken('http://127.0.0.1:5317/train?token=abc&x=1#/model')).toBe('/train?x=1#/model');
    expect(addressWithoutToken('http://127.0.0.1:5317/')).toBeNull();
    expect(addressWithoutToken('http://127.0.0.1:5317/#token=abc')).toBeNull();
  });

  it('reaches the app with the cookie alone once the address has no token', async () => {
    expect(socketUrlFor({ protocol: 'http:', host: `127.0.0.1:${server.port}`, search: '' })).toBe(`ws://127.0.0.1:${server.port}/api`);
    const cookie = cookieOf(await get(server.launchUrl()));
    const url = socketUrlFor({ protocol: 'http:', host: `127.0.0.1:${server.port}`, search: '' });
    const client = createSocketApi(url, (u) => new WebSocket(u, { headers: { Cookie: cookie } }) as unknown as SocketLike);
    try {
      expect((await client.api.app.info()).mode).toBe('web');
    } finally {
      client.close();
    }
  });
});
