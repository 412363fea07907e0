// app.info and files.suggestions: which face runs, the examples, and the files the path field offers.

import type { Context, HandlerGroup } from './context';
import { examplesIn } from '../services/files';

export function appHandlers(ctx: Context): HandlerGroup<'app.info' | 'files.suggestions'> {
  return {
    'app.info': async () => ({
      mode: ctx.mode,
      nativeDialogs: ctx.dialogs !== null,
      version: ctx.version,
      examples: await examplesIn(ctx.datasetsDir),
      platform: process.platform,
    }),
    'files.suggestions': ({ kind }) => ctx.files.suggestions(kind),
  };
}
