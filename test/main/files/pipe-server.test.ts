// A pipe (FIFO) given as a CSV to the browser-mode server: refused at once, and the server keeps answering. The
// server runs in its own process, so a frozen one cannot take the test runner with it.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ApiError } from '../../../main/contract';
import { createSocketApi, socketUrlFor, type SocketApi, type SocketLike } from '../../../renderer/src/transport/ws-client';
import { ROOT } from '../cli-process';

const onLinux = process.platform === 'linux';
let dir = '';
let server: ChildProcess | null = null;
let client: SocketApi | null = null;

beforeAll(async () => {
  if (!onLinux) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-pipe-server-'));
  fs.mkdirSync(path.join(dir, 'static'));
  fs.writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html><title>Neuron Studio</title>');
  server = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'server-child.ts'), path.join(dir, 'data'), path.join(dir, 'static')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    let out = '';
    server!.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!) as { port: number; token: string });
    });
    server!.once('exit', (code) => reject(new Error(`the server stopped (exit ${code})`)));
  });
  client = createSocketApi(
    socketUrlFor({ protocol: 'http:', host: `127.0.0.1:${ready.port}`, search: `?token=${ready.token}` }),
    (u) => new WebSocket(u) as unknown as SocketLike,
  );
});

afterAll(() => {
  client?.close();
  server?.kill('SIGKILL');
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!onLinux)('a pipe given to the server as a CSV', () => {
  // Regression: reading a FIFO held one of the server's four file threads each; four such imports froze every request.
  it('is refused at once, six times over, and the server answers other requests meanwhile', async () => {
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const api = client!.api;
    const imports = Array.from({ length: 6 }, () => api.dataset.import({ path: fifo }).then(() => null, (e: unknown) => e));
    const info = api.app.info();
    const suggestions = api.files.suggestions({ kind: 'csv' });
    expect((await info).mode).toBe('web');
    expect(Array.isArray(await suggestions)).toBe(true);
    for (const refused of await Promise.all(imports)) {
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ code: 'not_a_file', message: `${fifo} is a pipe, not a file on disk, so it was not read.` });
    }
    // and still answers after them
    expect((await api.project.state()).dataset).toBeNull();
  }, 20_000);
});
