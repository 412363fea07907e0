// The desktop's Save as PDF without Electron: the real preload and IPC over a fake ipcMain/ipcRenderer pair, the
// whole app behind them, and a fake window whose printToPDF and save dialog the test controls: the PDF lands where
// the person chose, checked; a cancelled dialog, a failed print or a cut-short PDF write nothing.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiError, type Api, type PayloadOf } from '../../../main/contract';
import type { Core } from '../../../main/handlers/index';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../../main/desktop/bridge';
import { paperFor, windowReportPrinter } from '../../../main/desktop/report-pdf';
import { apiFromBridge } from '../../../renderer/src/transport/renderer-api';

const wire = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, args: unknown) => unknown>(),
  listeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  exposed: new Map<string, unknown>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => wire.exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, args: unknown) =>
      structuredClone(await wire.handlers.get(channel)!({ senderFrame: { url: 'app://neuron-studio/index.html' } }, structuredClone(args))),
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      if (!wire.listeners.has(channel)) wire.listeners.set(channel, new Set());
      wire.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => wire.listeners.get(channel)?.delete(listener),
  },
}));

/** A small PDF: its signature, one empty page, its end-of-file mark. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');

// what the fake window and dialog do next, and what they were asked
const fake = {
  answer: null as string | null,
  print: async (): Promise<Buffer> => PDF,
  dialogs: [] as { title?: string; defaultPath?: string; filters?: { extensions: string[] }[] }[],
  prints: [] as Record<string, unknown>[],
};
const dialog = {
  showSaveDialog: async (_window: unknown, options: (typeof fake.dialogs)[number]) => {
    fake.dialogs.push(options);
    return fake.answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: fake.answer };
  },
};
const window = {
  isDestroyed: () => false,
  webContents: {
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => {
      for (const l of wire.listeners.get(channel) ?? []) l({}, structuredClone(payload));
    },
    printToPDF: async (options: Record<string, unknown>) => {
      fake.prints.push(options);
      return fake.print();
    },
  },
  on: () => undefined,
};

let dir: string;
let core: Core;
let api: Api;
let runId: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ns-report-pdf-'));
  mkdirSync(path.join(dir, 'home', 'Documents'), { recursive: true });
  const { createCore } = await import('../../../main/handlers/index');
  const { registerIpc, forwardEvents } = await import('../../../main/desktop/ipc');
  await import('../../../main/desktop/preload');
  core = createCore({
    mode: 'desktop',
    dataDir: path.join(dir, 'data'),
    homeDir: path.join(dir, 'home'),
    checkResults: true,
    training: { poolOptions: { maxThreads: 1 } },
    reportPrinter: windowReportPrinter(dialog as never, () => window as never, () => 'US'),
  });
  registerIpc({ handle: (c: string, h: (e: unknown, a: unknown) => unknown) => wire.handlers.set(c, h), removeHandler: () => undefined } as never, core.dispatch, () => 'app://neuron-studio/index.html');
  forwardEvents(core.hub, window as never);
  api = apiFromBridge(wire.exposed.get(BRIDGE_GLOBAL) as DesktopBridge);
  await api.dataset.import({ path: path.resolve(__dirname, '../../../datasets/diabetes.csv') });
  const plan = (await api.project.state()).plan!;
  await api.project.setPlan({ plan: { ...plan, hidden: [], training: { ...plan.training, epochs: 3 } } });
  const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => api.onTrainingFinished(resolve));
  runId = (await api.training.start()).runId;
  await finished;
});
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

function reset(answer: string | null, print: () => Promise<Buffer> = async () => PDF): void {
  fake.answer = answer;
  fake.print = print;
  fake.dialogs.length = 0;
  fake.prints.length = 0;
}

const documents = () => path.join(dir, 'home', 'Documents');

describe('Save as PDF in the desktop app', () => {
  it('asks where (a .pdf beside the project, named after it and the run), prints the window on Letter in the US, writes the bytes', async () => {
    const target = path.join(documents(), 'chosen.pdf');
    reset(target);
    expect(await api.report.savePdf({ runIds: [runId] })).toEqual({ path: target, bytes: PDF.byteLength });
    expect(fake.dialogs).toEqual([
      { title: 'Save the report as PDF', defaultPath: path.join(documents(), 'diabetes Run 1 report.pdf'), filters: [{ name: 'PDF documents', extensions: ['pdf'] }] },
    ]);
    expect(fake.prints).toEqual([{ pageSize: 'Letter', margins: { top: 0, bottom: 0, left: 0, right: 0 }, printBackground: true }]);
    expect(readFileSync(target)).toEqual(PDF);
    // no temp file left beside it
    expect(readdirSync(documents())).toEqual(['chosen.pdf']);
  });

  it('gives a name without an extension the .pdf one', async () => {
    reset(path.join(documents(), 'for the doctor'));
    expect(await api.report.savePdf({ runIds: [runId] })).toMatchObject({ path: path.join(documents(), 'for the doctor.pdf') });
  });

  it('does nothing when the dialog is cancelled: no print, no file', async () => {
    reset(null);
    const before = readdirSync(documents()).sort();
    expect(await api.report.savePdf({ runIds: [runId] })).toBeNull();
    expect(fake.prints).toEqual([]);
    expect(readdirSync(documents()).sort()).toEqual(before);
  });

  it('says a failed print in words and leaves the file that was there', async () => {
    const target = path.join(documents(), 'chosen.pdf');
    writeFileSync(target, 'the older report');
    reset(target, async () => {
      throw new Error('the window is closed');
    });
    const refused = await api.report.savePdf({ runIds: [runId] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).toInfo()).toEqual({
      code: 'print_failed',
      message: `The report could not be printed (the window is closed), so ${target} was not written.`,
      file: target,
      hint: 'Try Save as PDF again; if it fails again, use Print and choose "Save as PDF" as the printer.',
    });
    expect(readFileSync(target, 'utf8')).toBe('the older report');
  });

  it('refuses a PDF cut short (no end-of-file mark), writing nothing', async () => {
    const target = path.join(documents(), 'short.pdf');
    reset(target, async () => PDF.subarray(0, 40));
    const refused = await api.report.savePdf({ runIds: [runId] }).catch((e: unknown) => e);
    expect((refused as ApiError).code).toBe('print_failed');
    expect((refused as ApiError).message).toBe(`The report could not be printed (not a complete PDF), so ${target} was not written.`);
    expect(existsSync(target)).toBe(false);
  });

  it('writes a report only to a .pdf, and only of a run the project has', async () => {
    const script = path.join(documents(), 'notes.txt');
    writeFileSync(script, 'mine');
    reset(script);
    const refused = await api.report.savePdf({ runIds: [runId] }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'wrong_extension', hint: 'Choose a name ending in .pdf.' });
    expect(fake.prints).toEqual([]);
    expect(readFileSync(script, 'utf8')).toBe('mine');

    reset(path.join(documents(), 'gone.pdf'));
    const gone = await api.report.savePdf({ runIds: ['no-such-run'] }).catch((e: unknown) => e);
    expect(gone).toMatchObject({ code: 'no_run', message: 'This training run is not in the project (it may have been deleted).' });
    expect(fake.dialogs).toEqual([]);
  });

  it('prints on A4 outside the countries of Letter paper', () => {
    expect(paperFor('DE')).toBe('A4');
    expect(paperFor('in')).toBe('A4');
    expect(paperFor('us')).toBe('Letter');
    expect(paperFor('CA')).toBe('Letter');
  });
});
