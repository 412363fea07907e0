// app.info, files.suggestions and files.savePath: which face runs, the examples, the files the path field offers,
// and where a new file is first offered to be saved.

import type { Context, HandlerGroup } from './context';
import { examplesIn } from '../services/files';

export function appHandlers(ctx: Context): HandlerGroup<'app.info' | 'files.suggestions' | 'files.savePath'> {
  return {
    'app.info': async () => ({
      mode: ctx.mode,
      nativeDialogs: ctx.dialogs !== null,
      version: ctx.version,
      examples: await examplesIn(ctx.datasetsDir),
      platform: process.platform,
    }),
    'files.suggestions': ({ kind }) => ctx.files.suggestions(kind),
    'files.savePath': ({ kind }) => ctx.files.savePath(kind, ctx.session),
  };
}
