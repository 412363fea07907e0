// An export's files written into a temporary folder and served on a loopback HTTP server, as a web page would
// fetch them: what tf.loadLayersModel and the doc's example load in the tests.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ExportedFile } from '../../../workers/exports/formats';

export interface ServedFolder {
  dir: string;
  /** the folder's address, ending in "/" */
  url: string;
  close(): Promise<void>;
}

export async function serveFolder(files: ExportedFile[]): Promise<ServedFolder> {
  const dir = mkdtempSync(path.join(tmpdir(), 'neuron-export-'));
  for (const file of files) writeFileSync(path.join(dir, file.name), file.bytes);
  const names = new Set(files.map((f) => f.name));
  const server = createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname.slice(1));
    if (!names.has(name)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': name.endsWith('.json') ? 'application/json' : 'application/octet-stream' });
    response.end(readFileSync(path.join(dir, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dir,
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      rmSync(dir, { recursive: true, force: true });
    }),
  };
}
