// The application menu as a plain template (Electron's MenuItemConstructorOptions), built from callbacks. Pure.

import type { MenuItemConstructorOptions } from 'electron';
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormat } from '../../workers/exports/formats';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(path: string): void;
  save(): void;
  saveAs(): void;
  importCsv(): void;
  exportModel(format: ExportFormat): void;
  quit(): void;
  openHelp(): void;
}

export interface MenuOptions {
  isMac: boolean;
  recent: { path: string; name: string }[];
  appName?: string;
  /** the developer tools entry; off in the packaged app */
  devTools: boolean;
}

export function buildMenuTemplate(actions: MenuActions, options: MenuOptions): MenuItemConstructorOptions[] {
  const recent: MenuItemConstructorOptions[] =
    options.recent.length > 0
      ? options.recent.map((r) => ({ label: r.name, toolTip: r.path, click: () => actions.openRecent(r.path) }))
      : [{ label: 'No recent projects', enabled: false }];
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Project', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.save() },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAs() },
      { type: 'separator' },
      { label: 'Import CSV…', accelerator: 'CmdOrCtrl+I', click: () => actions.importCsv() },
      {
        label: 'Export',
        submenu: EXPORT_FORMAT_NAMES.map((format) => ({
          label: `${EXPORT_FORMATS[format].title}…`,
          toolTip: EXPORT_FORMATS[format].purpose,
          ...(format === 'weights' ? { accelerator: 'CmdOrCtrl+E' } : {}),
          click: () => actions.exportModel(format),
        })),
      },
      // macOS has Quit in the app menu
      ...(options.isMac ? [] : [{ type: 'separator' } as const, { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(options.devTools ? [{ role: 'toggleDevTools' } as const] : []),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: 'Neuron Studio Help', click: () => actions.openHelp() }],
  };
  const app: MenuItemConstructorOptions[] = options.isMac
    ? [
        {
          label: options.appName ?? 'Neuron Studio',
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { label: 'Quit Neuron Studio', accelerator: 'Cmd+Q', click: () => actions.quit() },
          ],
        },
      ]
    : [];
  return [...app, file, edit, view, help];
}
