// The Electron main process: one secure window on the app's screens, the contract over IPC, the menu, file opening,
// and the Save / Don't Save / Cancel question when closing with unsaved work.

import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session as electronSession, shell } from 'electron';
import path from 'node:path';
import trainWorkerFile from '../../workers/tasks/train-task.ts?modulePath';
import importWorkerFile from '../../workers/tasks/import-task.ts?modulePath';
import type { EventName, PayloadOf } from '../contract';
import { readFileBounded } from '../files/read-file';
import { mustParseAsJson, writeFileVerified } from '../files/write-file';
import { createCore, type Core } from '../handlers/index';
import { APP_PAGE_URL, contentSecurityPolicy, pageUrl, registerAppScheme, serveAppFiles } from './app-protocol';
import { answerOf, closeDecision, closePrompt } from './close-prompt';
import { nativeDialogs } from './dialogs';
import { HELP_URL, openHelpAddress } from './help-links';
import { forwardEvents, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { windowReportPrinter } from './report-pdf';
import { projectFileFromArgv } from './open-file';
import { ensureBoundsVisible, MIN_SIZE, readWindowState, type WindowState } from './window-bounds';
import { guardWindow } from './window-guards';

let core: Core;
let mainWindow: BrowserWindow | null = null;
/** a project the OS asked to open before the window was ready */
let pendingOpen: string | null = projectFileFromArgv(process.argv);
let allowClose = false;

const rendererDir = path.join(__dirname, '../renderer');
/** the dev server while developing; the built screens over app:// otherwise, and always when packaged */
const appUrl = (): string => pageUrl(app.isPackaged, process.env);
const openExternal = (url: string) => shell.openExternal(url);
const windowStateFile = () => path.join(app.getPath('userData'), 'window-state.json');

/** A missing, oversized or damaged state file just means the default window. */
async function loadWindowState(): Promise<WindowState | undefined> {
  try {
    return readWindowState(JSON.parse(new TextDecoder().decode(await readFileBounded(windowStateFile(), 'settings'))));
  } catch {
    return undefined;
  }
}

async function saveWindowState(window: BrowserWindow): Promise<void> {
  const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
  // a window that opens at its default size is no reason to bother anyone: a failed write is let go
  await writeFileVerified(windowStateFile(), JSON.stringify(state), { verify: mustParseAsJson }).catch(() => undefined);
}

function send<E extends EventName>(event: E, payload: PayloadOf<E>): void {
  core.hub.emit(event, payload);
}

function command(name: PayloadOf<'app.command'>['command'], filePath?: string): void {
  send('app.command', filePath ? { command: name, path: filePath } : { command: name });
}

async function refreshMenu(): Promise<void> {
  const recent = await core.context.projects.recentProjects().catch(() => []);
  const template = buildMenuTemplate(
    {
      newProject: () => command('new'),
      openProject: () => command('open'),
      openRecent: (p) => command('open-path', p),
      save: () => command('save'),
      saveAs: () => command('save-as'),
      importCsv: () => command('import-csv'),
      exportModel: (format) => command(`export-${format}`),
      quit: () => app.quit(),
      openHelp: () => openHelpAddress(HELP_URL, openExternal),
    },
    { isMac: process.platform === 'darwin', recent: recent.filter((r) => r.exists), devTools: !app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function openFromOs(file: string): void {
  if (mainWindow && !mainWindow.webContents.isLoading()) command('open-path', path.resolve(file));
  else pendingOpen = path.resolve(file);
}

async function createWindow(): Promise<void> {
  const saved = await loadWindowState();
  const displays = screen.getAllDisplays().map((d) => d.workArea);
  const bounds = ensureBoundsVisible(saved?.bounds, displays);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Neuron Studio',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  mainWindow = window;
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  guardWindow(window.webContents, appUrl, openExternal);
  window.webContents.on('did-finish-load', () => {
    if (pendingOpen) {
      command('open-path', pendingOpen);
      pendingOpen = null;
    }
  });

  forwardEvents(core.hub, window);
  core.hub.on('project.changed', ({ name, dirty }) => {
    if (window.isDestroyed()) return;
    window.setTitle(`${dirty ? '• ' : ''}${name} — Neuron Studio`);
    window.setDocumentEdited(dirty);
    void refreshMenu();
  });

  window.on('close', (event) => {
    void saveWindowState(window);
    if (allowClose) return;
    const s = core.context.session;
    if (closeDecision(s.dirty) === 'close') return;
    event.preventDefault();
    void askBeforeClosing(window);
  });

  await window.loadURL(appUrl());
}

async function askBeforeClosing(window: BrowserWindow): Promise<void> {
  const s = core.context.session;
  const { response } = await dialog.showMessageBox(window, closePrompt(s.name));
  const decision = closeDecision(true, answerOf(response));
  if (decision === 'stay') return;
  if (decision === 'save-then-close') {
    let target = s.path;
    if (!target) {
      const chosen = await dialog.showSaveDialog(window, {
        title: 'Save the project',
        defaultPath: await core.context.files.savePath('project', s),
        filters: [{ name: 'Neuron Studio projects', extensions: ['neuron'] }],
      });
      if (chosen.canceled || !chosen.filePath) return;
      target = chosen.filePath;
    }
    const answer = await core.dispatch('project.save', { path: target });
    if (!answer.ok) {
      await dialog.showMessageBox(window, { type: 'error', message: answer.error.message, detail: answer.error.hint ?? '' });
      return;
    }
  } else {
    await core.context.projects.discardAutosave();
  }
  allowClose = true;
  window.close();
}

function start(): void {
  // schemes are privileged before the app is ready, or never
  registerAppScheme(protocol);
  // One app at a time: a second launch (double-clicking another project) hands its file to the first.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', (_event, argv) => {
    const file = projectFileFromArgv(argv);
    if (file) openFromOs(file);
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFromOs(file);
  });

  void app.whenReady().then(async () => {
    core = createCore({
      mode: 'desktop',
      dataDir: app.getPath('userData'),
      datasetsDir: app.isPackaged ? path.join(process.resourcesPath, 'datasets') : path.join(app.getAppPath(), 'datasets'),
      version: app.getVersion(),
      dialogs: nativeDialogs(dialog, () => mainWindow),
      reportPrinter: windowReportPrinter(dialog, () => mainWindow, () => app.getLocaleCountryCode()),
      training: { poolOptions: { workerFile: trainWorkerFile } },
      importWorkerFile,
    });
    registerIpc(ipcMain, core.dispatch, appUrl);
    serveAppFiles(protocol, rendererDir);
    // app:// answers carry the policy themselves; the dev server's pages get it as a header here
    if (appUrl() !== APP_PAGE_URL) {
      electronSession.defaultSession.webRequest.onHeadersReceived((details, callback) => {
        callback({
          responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy(true)] },
        });
      });
    }
    // Nothing may ask for camera, microphone, notifications...
    electronSession.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    await refreshMenu();
    await createWindow();
  });

  app.on('window-all-closed', () => {
    void core?.close().finally(() => app.quit());
  });
}

start();
