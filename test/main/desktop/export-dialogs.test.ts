// The desktop's save dialog for each export, with a fake Electron dialog: it offers only the names the write rule
// then accepts (.json, .onnx, .html), asks a TensorFlow.js export for a folder's name with no file types, and a
// cancelled dialog answers null.
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it } from 'vitest';
import { nativeDialogs } from '../../../main/desktop/dialogs';
import { EXPORT_FORMAT_NAMES } from '../../../workers/exports/formats';

type SaveOptions = { title?: string; defaultPath?: string; filters?: { name: string; extensions: string[] }[] };

function fakeDialog(answer: string | null) {
  const asked: SaveOptions[] = [];
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      asked.push(args[args.length - 1] as SaveOptions);
      return answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
    },
  } as unknown as Dialog;
  return { asked, dialogs: nativeDialogs(dialog, () => null as BrowserWindow | null) };
}

describe('the export save dialog', () => {
  it('offers each format its own file type, and none for the TensorFlow.js folder', async () => {
    const { asked, dialogs } = fakeDialog('/home/me/model');
    for (const format of EXPORT_FORMAT_NAMES) expect(await dialogs.saveExport(format, { defaultPath: '/home/me/x' })).toBe('/home/me/model');
    expect(asked.map((o) => [o.title, o.filters?.flatMap((f) => f.extensions)])).toEqual([
      ['Export as Weights (JSON)', ['json']],
      ['Export as TensorFlow.js', []],
      ['Export as ONNX', ['onnx']],
      ['Export as Calculator page', ['html']],
    ]);
    expect(asked.every((o) => o.defaultPath === '/home/me/x')).toBe(true);
  });

  it('answers null when the person cancels', async () => {
    const { dialogs } = fakeDialog(null);
    expect(await dialogs.saveExport('onnx', {})).toBeNull();
  });
});
