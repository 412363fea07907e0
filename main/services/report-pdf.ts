// A run's report saved as PDF (desktop): the place asked for, the page printed, and the bytes written by the checked
// writer only once they are a PDF. The face supplies the two things only it can do: ask where, and print the page.

import { writeFileVerified } from '../files/write-file';
import { writeTarget } from '../files/write-target';
import { userError } from '../errors';

/** What the desktop face does for a PDF report (main/desktop/report-pdf.ts); browser mode has none. */
export interface ReportPrinter {
  /** the save dialog, starting at `defaultPath`; null when cancelled */
  choosePath(defaultPath: string): Promise<string | null>;
  /** the window's page as print shows it (the report screen, print CSS applied) */
  print(): Promise<Uint8Array>;
}

const PDF_START = '%PDF-';

/** For `verify`: the bytes are a PDF (they start with its signature and end with its end-of-file mark). */
export function mustBePdf(written: Uint8Array): void {
  const head = Buffer.from(written.buffer, written.byteOffset, Math.min(written.byteLength, PDF_START.length)).toString('latin1');
  const tail = Buffer.from(written.buffer, written.byteOffset, written.byteLength).subarray(-1024).toString('latin1');
  if (head !== PDF_START || !tail.includes('%%EOF')) throw new Error('not a complete PDF');
}

/** Asks where, prints, writes; null when the person cancelled the dialog (nothing printed, nothing written). */
export async function saveReportPdf(printer: ReportPrinter, defaultPath: string): Promise<{ path: string; bytes: number } | null> {
  const chosen = await printer.choosePath(defaultPath);
  if (!chosen) return null;
  const target = await writeTarget(chosen, 'report');
  let pdf: Uint8Array;
  try {
    pdf = await printer.print();
    mustBePdf(pdf);
  } catch (error) {
    throw userError('print_failed', `The report could not be printed (${(error as Error)?.message ?? String(error)}), so ${target} was not written.`, {
      file: target,
      hint: 'Try Save as PDF again; if it fails again, use Print and choose "Save as PDF" as the printer.',
    });
  }
  await writeFileVerified(target, pdf, { what: 'report', verify: mustBePdf });
  return { path: target, bytes: pdf.byteLength };
}
