// Serves the built renderer (out/renderer) read-only, never a file outside it.

import { createReadStream, promises as fs } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The file under `root` for a URL path, or null when the path tries to leave it. Unknown routes get index.html. */
export async function resolveStatic(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  const stat = await fs.stat(target).catch(() => null);
  if (stat?.isFile()) return target;
  if (stat?.isDirectory()) {
    const index = path.join(target, 'index.html');
    if (await fs.stat(index).catch(() => null)) return index;
  }
  // a route of the single-page app, not a file
  if (!path.extname(decoded)) return path.join(root, 'index.html');
  return null;
}

/** The Content-Type of one of the built files (the desktop's app:// scheme serves the same files). */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export function sendFile(res: ServerResponse, file: string, headers: Record<string, string>): void {
  res.writeHead(200, { 'Content-Type': contentTypeOf(file), ...headers });
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
