// dialogs.*: native open/save dialogs in the desktop app; browser mode has none (the screen shows a path field).

import { userError } from '../errors';
import type { Context, Dialogs, HandlerGroup } from './context';

type DialogRequest = 'dialogs.openCsv' | 'dialogs.openProject' | 'dialogs.saveProject' | 'dialogs.saveCsv' | 'dialogs.saveExport';

export function dialogHandlers(ctx: Context): HandlerGroup<DialogRequest> {
  const use = (pick: (d: Dialogs) => Promise<string | null>) => async () => {
    if (!ctx.dialogs) {
      throw userError('no_dialogs', 'File dialogs are only in the desktop app.', {
        hint: 'Type the file path, or choose one of the files offered.',
      });
    }
    return pick(ctx.dialogs);
  };
  return {
    'dialogs.openCsv': async (args) => use((d) => d.openCsv(args ?? {}))(),
    'dialogs.openProject': async (args) => use((d) => d.openProject(args ?? {}))(),
    'dialogs.saveProject': async (args) => use((d) => d.saveProject(args ?? {}))(),
    'dialogs.saveCsv': async (args) => use((d) => d.saveCsv(args ?? {}))(),
    'dialogs.saveExport': async ({ format, ...options }) => use((d) => d.saveExport(format, options))(),
  };
}
