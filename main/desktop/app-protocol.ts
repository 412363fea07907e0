// The app:// scheme the desktop window loads its screens from (not file://): only files inside the built renderer
// folder, each page with the Content-Security-Policy. Takes Electron's protocol object as an argument.

import type { Protocol } from 'electron';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { contentTypeOf, resolveStatic } from '../web/static-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'neuron-studio';
/** The page the packaged window loads. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** The built screens are a few megabytes; anything far larger is not one of them. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The window's policy as a header as well as the page's meta tag. The dev server's hot reload needs its socket;
 * the built screens connect nowhere.
 */
export function contentSecurityPolicy(devServer: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    devServer ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page the window loads: the dev server's while developing (`npm start`); a packaged app ignores that variable. */
export function pageUrl(isPackaged: boolean, env: Record<string, string | undefined>): string {
  const devServer = env.ELECTRON_RENDERER_URL;
  return !isPackaged && devServer ? devServer : APP_PAGE_URL;
}

/**
 * Must run before the app is ready. Standard: the page has an origin that 'self' and relative paths work against;
 * secure: it counts as a secure context, as https would.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

function notFound(): Response {
  return new Response('Not found.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The answer to one app:// request: a file of `rendererDir`, or 404 for anything else (another host, a path out). */
export async function appFileResponse(rendererDir: string, requestUrl: string): Promise<Response> {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return notFound();
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return notFound();
  const file = await resolveStatic(path.resolve(rendererDir), url.pathname || '/');
  if (!file) return notFound();
  const stat = await fs.stat(file).catch(() => null);
  if (!stat?.isFile() || stat.size > MAX_FILE_BYTES) return notFound();
  const headers: Record<string, string> = { 'Content-Type': contentTypeOf(file), 'X-Content-Type-Options': 'nosniff' };
  if (file.endsWith('.html')) headers['Content-Security-Policy'] = contentSecurityPolicy(false);
  return new Response(new Uint8Array(await fs.readFile(file)), { status: 200, headers });
}

/** After ready: answer app:// from the built renderer folder. */
export function serveAppFiles(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => appFileResponse(rendererDir, request.url));
}
