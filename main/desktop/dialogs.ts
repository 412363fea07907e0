// Native open and save dialogs for the desktop app (the Dialogs the handlers use).

import type { BrowserWindow, Dialog } from 'electron';
import { EXPORT_FORMATS, type ExportFormat } from '../../workers/exports/formats';
import { WRITE_EXTENSIONS } from '../files/write-target';
import type { DialogOptions, Dialogs } from '../handlers/context';

const CSV = [{ name: 'CSV files', extensions: ['csv', 'tsv', 'txt'] }];
// what may be saved comes from the one write rule, so a dialog never offers a name the save then refuses
const only = (kind: keyof typeof WRITE_EXTENSIONS) => WRITE_EXTENSIONS[kind].slice(1);
const PROJECT = [{ name: 'Neuron Studio projects', extensions: [only('project')] }];
const SAVE_CSV = [{ name: 'CSV files', extensions: [only('table')] }];
// a TensorFlow.js export is a folder: the dialog asks for its new name, and offers no file types
const EXPORT_FILES: Record<ExportFormat, typeof CSV> = {
  weights: [{ name: EXPORT_FORMATS.weights.title, extensions: [only('weights')] }],
  tfjs: [],
  onnx: [{ name: EXPORT_FORMATS.onnx.title, extensions: [only('onnx')] }],
  calculator: [{ name: 'Web pages', extensions: [only('page')] }],
};

export function nativeDialogs(dialog: Dialog, window: () => BrowserWindow | null): Dialogs {
  const open = async (o: DialogOptions, filters: typeof CSV, title: string) => {
    const w = window();
    const options = { title: o.title ?? title, defaultPath: o.defaultPath, filters, properties: ['openFile' as const] };
    const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]!;
  };
  const save = async (o: DialogOptions, filters: typeof CSV, title: string) => {
    const w = window();
    const options = { title: o.title ?? title, defaultPath: o.defaultPath, filters };
    const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
    return r.canceled || !r.filePath ? null : r.filePath;
  };
  return {
    openCsv: (o) => open(o, CSV, 'Import a CSV file'),
    openProject: (o) => open(o, PROJECT, 'Open a project'),
    saveProject: (o) => save(o, PROJECT, 'Save the project'),
    saveCsv: (o) => save(o, SAVE_CSV, 'Save the predictions'),
    saveExport: (format, o) => save(o, EXPORT_FILES[format], `Export as ${EXPORT_FORMATS[format].title}`),
  };
}
