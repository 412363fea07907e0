// project.* and recovery.*: new, open, save, the whole state for the screens, screen state, recent files, recovery.

import type { Context, HandlerGroup } from './context';

type ProjectRequest =
  | 'project.new'
  | 'project.open'
  | 'project.save'
  | 'project.state'
  | 'project.setUi'
  | 'project.recent'
  | 'recovery.check'
  | 'recovery.restore'
  | 'recovery.discard';

export function projectHandlers(ctx: Context): HandlerGroup<ProjectRequest> {
  return {
    'project.new': (args) => ctx.projects.create(args?.name),
    'project.open': ({ path }) => ctx.projects.open(path),
    'project.save': (args) => ctx.projects.save(args?.path),
    'project.state': () => ctx.session.state(),
    'project.setUi': ({ ui }) => {
      // screen state is saved with the project but does not make it "unsaved"; the report's sentence is work
      const wrote = ui.aboutData !== undefined && ui.aboutData !== ctx.session.ui.aboutData;
      Object.assign(ctx.session.ui, ui);
      if (wrote) ctx.session.touch();
      return ctx.session.ui;
    },
    'project.recent': () => ctx.projects.recentProjects(),
    'recovery.check': () => ctx.projects.checkRecovery(),
    'recovery.restore': () => ctx.projects.restoreRecovery(),
    'recovery.discard': async () => {
      await ctx.projects.discardRecovery();
      return { ok: true as const };
    },
  };
}
