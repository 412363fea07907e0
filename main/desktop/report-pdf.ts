// The desktop's part of "Save as PDF": the native save dialog and Chromium's own print of the window's page
// (webContents.printToPDF, print CSS applied). The rest (where, checks, the write) is main/services/report-pdf.ts.

import type { BrowserWindow, Dialog } from 'electron';
import { WRITE_EXTENSIONS } from '../files/write-target';
import type { ReportPrinter } from '../services/report-pdf';

/** Countries whose printers take US Letter paper; everywhere else A4. */
const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'DO', 'PR', 'SV', 'NI', 'BZ']);

export function paperFor(countryCode: string): 'A4' | 'Letter' {
  return LETTER_COUNTRIES.has(countryCode.toUpperCase()) ? 'Letter' : 'A4';
}

export function windowReportPrinter(dialog: Dialog, window: () => BrowserWindow | null, countryCode: () => string): ReportPrinter {
  const shown = (): BrowserWindow => {
    const w = window();
    if (!w || w.isDestroyed()) throw new Error('the window is closed');
    return w;
  };
  return {
    async choosePath(defaultPath) {
      const options = {
        title: 'Save the report as PDF',
        defaultPath,
        filters: [{ name: 'PDF documents', extensions: [WRITE_EXTENSIONS.report.slice(1)] }],
      };
      const w = window();
      const chosen = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    },
    async print() {
      // no margins of Chromium's own: each report page pads itself (as page.pdf() in the tests prints it), colours kept
      const pdf = await shown().webContents.printToPDF({
        pageSize: paperFor(countryCode()),
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        printBackground: true,
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    },
  };
}
