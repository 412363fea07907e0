// The app:// scheme over a real built-screens folder: its files with their types and policy, nothing outside it.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFileResponse, pageUrl, registerAppScheme, serveAppFiles } from '../../../main/desktop/app-protocol';

let rendererDir: string;

beforeAll(() => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ns-app-scheme-'));
  rendererDir = path.join(root, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Neuron Studio</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  // beside the built folder, where a path that climbs out would land
  writeFileSync(path.join(root, 'secret.txt'), 'do not serve');
  writeFileSync(path.join(root, 'renderer-other.txt'), 'do not serve');
});

describe('app:// answers', () => {
  it('serves the page with its policy, and the scripts with their type', async () => {
    const page = await appFileResponse(rendererDir, 'app://neuron-studio/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Neuron Studio</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self';");
    const script = await appFileResponse(rendererDir, 'app://neuron-studio/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
    expect(await script.text()).toBe('console.log(1)');
    // the bare origin and the app's own routes are the page
    expect(await (await appFileResponse(rendererDir, 'app://neuron-studio')).text()).toContain('<title>');
    expect(await (await appFileResponse(rendererDir, 'app://neuron-studio/train')).text()).toContain('<title>');
  });

  it('refuses every path out of the built folder', async () => {
    for (const url of [
      'app://neuron-studio/../secret.txt',
      'app://neuron-studio/..%2fsecret.txt',
      'app://neuron-studio/%2e%2e%2fsecret.txt',
      'app://neuron-studio/%2e%2e%5csecret.txt',
      'app://neuron-studio/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
      'app://neuron-studio/..%2frenderer-other.txt',
      'app://neuron-studio/%E0.js',
      'app://neuron-studio/index.html%00.js',
    ]) {
      const answer = await appFileResponse(rendererDir, url);
      // a climbing path is clamped to the folder: at most the app's own page, as for any unknown route
      expect(['Not found.', '<!doctype html><title>Neuron Studio</title>'], url).toContain(await answer.text());
    }
  });

  it('answers only its own host and scheme', async () => {
    expect((await appFileResponse(rendererDir, 'app://other/index.html')).status).toBe(404);
    expect((await appFileResponse(rendererDir, 'file:///index.html')).status).toBe(404);
    expect((await appFileResponse(rendererDir, 'not a url')).status).toBe(404);
  });

  it('is what protocol.handle gets for app', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response>>();
    serveAppFiles({ handle: (scheme: string, handler: unknown) => handlers.set(scheme, handler as never) } as never, rendererDir);
    expect([...handlers.keys()]).toEqual(['app']);
    const answer = await handlers.get('app')!(new Request('app://neuron-studio/assets/app.js'));
    expect(await answer.text()).toBe('console.log(1)');
  });

  it('is registered standard and secure, so the page has an origin and a secure context', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});

describe('the page the window loads', () => {
  it('is the dev server only while developing', () => {
    const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(pageUrl(false, dev)).toBe('http://localhost:5173/');
    expect(pageUrl(false, {})).toBe('app://neuron-studio/index.html');
    // a packaged app started with the variable set must not load someone else's server
    expect(pageUrl(true, dev)).toBe('app://neuron-studio/index.html');
  });
});
