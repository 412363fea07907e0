// report.savePdf: the report shown, saved as a PDF where the person chooses (desktop; browser mode prints instead).

import { userError } from '../errors';
import { weightsOf } from '../services/export';
import { saveReportPdf } from '../services/report-pdf';
import type { Context, HandlerGroup } from './context';

export function reportHandlers(ctx: Context): HandlerGroup<'report.savePdf'> {
  return {
    'report.savePdf': async ({ runIds }) => {
      if (!ctx.reportPrinter) {
        throw userError('no_pdf_printer', 'Saving the report as PDF is in the desktop app.', {
          hint: 'Press "Print or save as PDF" and choose "Save as PDF" as the printer.',
        });
      }
      // a report of a run that is gone or has no weights is not what the person sees
      const runs = runIds.map((id) => ctx.session.run(id));
      runs.forEach(weightsOf);
      const name = runs.length === 1 ? `${ctx.session.name} ${runs[0]!.name}` : ctx.session.name;
      const defaultPath = await ctx.files.savePath('report', { path: ctx.session.path, name });
      return saveReportPdf(ctx.reportPrinter, defaultPath);
    },
  };
}
