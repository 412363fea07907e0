// The Electron transport without Electron: the real preload and IPC registration over a fake ipcMain/ipcRenderer pair.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, eventNames, requestNames } from '../../../main/contract';
import { EventHub } from '../../../main/events';
import { createDispatch, type Dispatch } from '../../../main/transport/dispatch';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../../main/desktop/bridge';
import { apiFromBridge } from '../../../renderer/src/transport/renderer-api';
import { fakeHandlers } from '../fake-handlers';

// What the fake Electron carries between its two halves.
const wire = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, args: unknown) => unknown>(),
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  exposed: new Map<string, unknown>(),
  senderUrl: 'app://neuron-studio/index.html',
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => wire.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) => {
      const handler = wire.handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      // structured clone, as IPC does
      return structuredClone(await handler({ senderFrame: { url: wire.senderUrl } }, structuredClone(args)));
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      if (!wire.listeners.has(channel)) wire.listeners.set(channel, new Set());
      wire.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      wire.listeners.get(channel)?.delete(listener);
    },
  },
}));

const APP_URL = 'app://neuron-studio/index.html';

async function setUp(core?: { dispatch: Dispatch; hub: EventHub }) {
  const { registerIpc, forwardEvents } = await import('../../../main/desktop/ipc');
  await import('../../../main/desktop/preload');
  const hub = core?.hub ?? new EventHub();
  const fakeIpcMain = {
    handle: (channel: string, handler: (event: unknown, args: unknown) => unknown) => wire.handlers.set(channel, handler),
    removeHandler: (channel: string) => wire.handlers.delete(channel),
  };
  const unregister = registerIpc(fakeIpcMain as never, core?.dispatch ?? createDispatch(fakeHandlers(hub)), () => APP_URL);
  const closed: (() => void)[] = [];
  const fakeWindow = {
    isDestroyed: () => false,
    webContents: {
      isDestroyed: () => false,
      send: (channel: string, payload: unknown) => {
        for (const l of wire.listeners.get(channel) ?? []) l({}, structuredClone(payload));
      },
    },
    on: (_: string, f: () => void) => closed.push(f),
  };
  forwardEvents(hub, fakeWindow as never);
  const bridge = wire.exposed.get(BRIDGE_GLOBAL) as DesktopBridge;
  return { bridge, api: apiFromBridge(bridge), unregister };
}

describe('Electron IPC transport', () => {
  it('exposes one function per request and one subscribe per event, and no ipcRenderer', async () => {
    const { bridge, unregister } = await setUp();
    expect([...wire.exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
    expect(Object.keys(bridge.requests).sort()).toEqual([...requestNames].sort());
    expect(Object.keys(bridge.events).sort()).toEqual([...eventNames].sort());
    expect(Object.values(bridge.requests).every((f) => typeof f === 'function')).toBe(true);
    expect(JSON.stringify(Object.keys(bridge))).toBe('["requests","events"]');
    unregister();
    expect(wire.handlers.size).toBe(0);
  });

  it('round-trips requests, errors and events from the page to the main side', async () => {
    const { api, unregister } = await setUp();
    expect((await api.app.info()).version).toBe('0.0.0-test');
    const bad = await api.dataset.import({ path: 7 } as never).catch((e) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect(bad.code).toBe('bad_argument');
    const seen: string[] = [];
    const off = api.onTrainingProgress((p) => seen.push(p.runId));
    await api.training.stop({ runId: 'r1' });
    off();
    await api.training.stop({ runId: 'r2' });
    expect(seen).toEqual(['r1']);
    unregister();
  });

  it('answers nothing to a frame that is not the app', async () => {
    const { api, unregister } = await setUp();
    wire.senderUrl = 'https://evil.example/';
    try {
      const refused = await api.app.info().catch((e) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused.code).toBe('forbidden');
    } finally {
      wire.senderUrl = APP_URL;
      unregister();
    }
  });
});

describe('Electron IPC with the whole app behind it', () => {
  // Regression: the IPC handlers let a page write a project over any file and read a pipe as a table.
  it('applies the same file rules as every other face', async () => {
    const { createCore } = await import('../../../main/handlers/index');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ns-ipc-files-'));
    const core = createCore({ mode: 'desktop', dataDir: path.join(dir, 'data'), checkResults: true });
    const { api, unregister } = await setUp(core);
    try {
      await api.dataset.import({ path: path.resolve(__dirname, '../../../datasets/diabetes.csv') });
      const script = path.join(dir, 'startup.sh');
      writeFileSync(script, '#!/bin/sh\n');
      const refused = await api.project.save({ path: script }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ApiError);
      expect(refused).toMatchObject({ code: 'wrong_extension', hint: 'Choose a name ending in .neuron.' });
      expect(readFileSync(script, 'utf8')).toBe('#!/bin/sh\n');
      expect(readdirSync(dir).sort()).toEqual(['data', 'startup.sh']);

      const device = await api.dataset.import({ path: '/dev/zero' }).catch((e: unknown) => e);
      expect(device).toMatchObject({ code: 'not_a_file', message: '/dev/zero is a device, not a file on disk, so it was not read.' });
      expect((await api.project.state()).dirty).toBe(true);
    } finally {
      unregister();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
