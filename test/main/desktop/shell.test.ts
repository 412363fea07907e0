// The Electron main process (main/desktop/index.ts) run against a fake Electron: where the window loads from, the
// app:// scheme, DevTools, navigation and which addresses reach the system browser, packaged and not.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventHub } from '../../../main/events';

const HELP = 'https://github.com/neuron-studio/neuron-studio#readme';

// What the fake Electron records of the main process's calls.
const electron = vi.hoisted(() => {
  const state = {
    isPackaged: false,
    log: [] as string[],
    schemes: [] as unknown[],
    handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    windows: [] as any[],
    menus: [] as any[],
    opened: [] as string[],
    headerHooks: 0,
    markReady: () => undefined as void,
  };
  let ready!: () => void;
  const whenReady = () => new Promise<void>((resolve) => (ready = resolve));
  state.markReady = () => ready();
  class BrowserWindow {
    readonly events = new Map<string, (...args: any[]) => void>();
    readonly loaded: string[] = [];
    openHandler?: (details: { url: string }) => { action: string };
    readonly webContents = {
      on: (name: string, listener: (...args: any[]) => void) => this.events.set(`wc:${name}`, listener),
      setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) => (this.openHandler = handler),
      isLoading: () => false,
      isDestroyed: () => false,
      send: () => undefined,
    };
    constructor(readonly options: any) {
      state.windows.push(this);
    }
    maximize() {}
    once() {}
    on(name: string, listener: (...args: any[]) => void) {
      this.events.set(name, listener);
    }
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  }
  const module = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      requestSingleInstanceLock: () => true,
      on: () => undefined,
      whenReady: () => {
        state.log.push('whenReady');
        return whenReady();
      },
      getPath: () => '/tmp/ns-fake-electron',
      getAppPath: () => '/tmp/ns-fake-electron',
      getVersion: () => '0.0.0-test',
      quit: () => undefined,
    },
    BrowserWindow,
    dialog: {},
    ipcMain: { handle: () => undefined, removeHandler: () => undefined },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => state.menus.push(menu) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        state.log.push('registerSchemesAsPrivileged');
        state.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => state.handlers.set(scheme, handler),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: () => state.headerHooks++ },
        setPermissionRequestHandler: () => undefined,
      },
    },
    shell: {
      openExternal: async (url: string) => {
        state.opened.push(url);
      },
    },
  };
  return { state, module };
});

vi.mock('electron', () => electron.module);
vi.mock('../../../main/handlers/index', () => ({
  createCore: () => ({
    hub: new EventHub(),
    dispatch: async () => ({ ok: true, result: null }),
    context: { projects: { recentProjects: async () => [] }, session: { dirty: false, name: 'untitled' } },
    close: async () => undefined,
  }),
}));

/** Starts the main process as Electron would, with ELECTRON_RENDERER_URL set as electron-vite's dev server sets it. */
async function startShell(isPackaged: boolean) {
  Object.assign(electron.state, { isPackaged, log: [], schemes: [], windows: [], menus: [], opened: [], headerHooks: 0 });
  electron.state.handlers.clear();
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
  // Electron sets this beside the packaged app (its example data lives there)
  Object.assign(process, { resourcesPath: '/tmp/ns-fake-electron/resources' });
  vi.resetModules();
  await import('../../../main/desktop/index');
  electron.state.log.push('imported');
  electron.state.markReady();
  await vi.waitFor(() => expect(electron.state.windows[0]?.loaded.length).toBe(1));
  const window = electron.state.windows[0];
  const items = (electron.state.menus.at(-1) as any[]).flatMap((menu) => menu.submenu as any[]);
  return { window, items };
}

function navigate(window: any, url: string): boolean {
  let prevented = false;
  window.events.get('wc:will-navigate')({ preventDefault: () => (prevented = true) }, url);
  return !prevented;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the packaged desktop app', () => {
  it('registers app:// as a standard, secure scheme before the app is ready, and serves it', async () => {
    await startShell(true);
    expect(electron.state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(electron.state.log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(electron.state.log.indexOf('imported'));
    const serve = electron.state.handlers.get('app')!;
    expect(serve).toBeTypeOf('function');
    expect((await serve({ url: 'app://neuron-studio/../../../package.json' })).status).toBe(404);
  });

  // regression: the packaged window loaded file:// (or ELECTRON_RENDERER_URL) and offered DevTools
  it('loads the screens from app://, ignoring ELECTRON_RENDERER_URL, with no DevTools', async () => {
    const { window, items } = await startShell(true);
    expect(window.loaded).toEqual(['app://neuron-studio/index.html']);
    expect(window.options.webPreferences).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    // the dev server's header hook is not installed: app:// answers carry their own policy
    expect(electron.state.headerHooks).toBe(0);
  });

  it('stays on its own pages: app:// of its host only', async () => {
    const { window } = await startShell(true);
    expect(navigate(window, 'app://neuron-studio/index.html#/train')).toBe(true);
    expect(navigate(window, 'app://other-host/index.html')).toBe(false);
    expect(navigate(window, 'file:///etc/passwd')).toBe(false);
    expect(navigate(window, 'http://localhost:5173/')).toBe(false);
    expect(navigate(window, 'https://evil.example/')).toBe(false);
  });

  // regression: any https address a page opened went to shell.openExternal
  it('hands only our own help addresses to the system browser, and opens no window', async () => {
    const { window, items } = await startShell(true);
    for (const url of [
      HELP,
      'https://evil.example/',
      'https://github.com/neuron-studio/neuron-studio.evil.example/',
      'https://github.com/neuron-studio/neuron-studio-fake#readme',
      'https://github.com.evil.example/neuron-studio/neuron-studio',
      'http://github.com/neuron-studio/neuron-studio',
      'file:///etc/passwd',
      'not a url',
    ]) {
      expect(window.openHandler({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.state.opened).toEqual([HELP]);
    items.find((item) => item.label === 'Neuron Studio Help').click();
    expect(electron.state.opened).toEqual([HELP, HELP]);
  });
});

describe('the desktop app while developing (npm start)', () => {
  it('loads the dev server, with DevTools, and allows only its origin', async () => {
    const { window, items } = await startShell(false);
    expect(window.loaded).toEqual(['http://localhost:5173/']);
    expect(window.options.webPreferences.devTools).toBe(true);
    expect(items.some((item) => item.role === 'toggleDevTools')).toBe(true);
    expect(electron.state.headerHooks).toBe(1);
    expect(navigate(window, 'http://localhost:5173/#/model')).toBe(true);
    expect(navigate(window, 'http://localhost:5174/')).toBe(false);
  });
});
