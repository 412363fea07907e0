// dataset.*: import a CSV (by path or dropped content), its rows for the table, its column descriptions.

import path from 'node:path';
import type { PlanDraft } from '../contract';
import { readFileBounded } from '../files/read-file';
import { datasetRows, describeLabel, loadDataset, startingPlan, type ParseChoice } from '../services/datasets';
import type { LoadedDataset } from '../services/session';
import type { Context, HandlerGroup } from './context';

export function datasetHandlers(ctx: Context): HandlerGroup<'dataset.import' | 'dataset.importContent' | 'dataset.rows' | 'dataset.describe'> {
  const choice = (a: { header?: boolean; skipBadRows?: boolean }): ParseChoice => ({
    header: a.header ?? 'auto',
    ...(a.skipBadRows !== undefined ? { skipBadRows: a.skipBadRows } : {}),
  });
  return {
    'dataset.import': async (args) => {
      const file = path.resolve(args.path);
      const bytes = await readFileBounded(file, 'table');
      const loaded = await loadDataset(bytes, path.basename(file), file, choice(args), ctx.parser);
      useDataset(ctx, loaded);
      await ctx.files.recentCsvs.add(file).catch(() => undefined); // a recent list that cannot be written is no reason to fail
      return loaded.summary;
    },
    'dataset.importContent': async (args) => {
      const bytes = new TextEncoder().encode(args.content);
      const loaded = await loadDataset(bytes, path.basename(args.fileName), null, choice(args), ctx.parser);
      useDataset(ctx, loaded);
      return loaded.summary;
    },
    'dataset.rows': ({ start, count }) => datasetRows(ctx.session.requireDataset().data, start, count),
    'dataset.describe': () => ctx.session.requireDataset().describe,
  };
}

/** The new table becomes the project's; the plan keeps its choices where the columns still exist, and a table the
 * plan does not fit starts from the suggested plan. */
function useDataset(ctx: Context, loaded: LoadedDataset): void {
  const session = ctx.session;
  const names = new Set(loaded.data.columns.map((c) => c.name));
  const old = session.plan;
  const oldStillFits = old && (old.label === '' || names.has(old.label)) && old.features.every((f) => names.has(f));
  const plan: PlanDraft = old && oldStillFits && (old.label !== '' || old.features.length > 0) ? old : startingPlan(loaded);
  session.dataset = loaded;
  session.plan = plan;
  if (plan.label && (plan.label !== loaded.describe.roles.label || plan.task !== 'auto')) {
    try {
      loaded.describe.labelTask = describeLabel(loaded.data, plan.label, plan.task);
    } catch {
      loaded.describe.labelTask = null;
    }
  }
  if (session.name === 'Untitled project' && !session.path) session.name = path.parse(loaded.fileName).name;
  session.touch();
}
