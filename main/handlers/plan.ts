// project.setPlan and model.suggest: the user's choices of roles, preparation, split, layers and training settings.

import { findColumn } from '../../workers/data';
import { describeLabel, suggestionFor } from '../services/datasets';
import { userError } from '../errors';
import type { Context, HandlerGroup } from './context';

export function planHandlers(ctx: Context): HandlerGroup<'project.setPlan' | 'model.suggest'> {
  return {
    'project.setPlan': ({ plan }) => {
      const session = ctx.session;
      const dataset = session.dataset;
      if (dataset) {
        // names must be the table's own: a typo here would only surface at training time
        for (const name of [...plan.features, ...(plan.label ? [plan.label] : [])]) findColumn(dataset.data, name);
        if (plan.label !== session.plan?.label || plan.task !== session.plan?.task) {
          dataset.describe.labelTask = plan.label ? describeLabel(dataset.data, plan.label, plan.task) : null;
        }
      }
      session.plan = plan;
      session.touch();
      return plan;
    },
    'model.suggest': (args) => {
      const dataset = ctx.session.requireDataset();
      const label = args?.label ?? ctx.session.plan?.label ?? dataset.describe.roles.label ?? '';
      const features = args?.features ?? ctx.session.plan?.features ?? dataset.describe.roles.features;
      if (!label) {
        throw userError('no_label', 'Choose the column the model should predict (the label) first.', {
          hint: 'The suggestion depends on what is predicted.',
        });
      }
      const suggestion = suggestionFor(dataset.data, label, features, ctx.session.plan?.split.validation ?? 0, ctx.session.plan?.task);
      if (!suggestion) {
        throw userError('single_class', `"${label}" has only one value, so there is nothing to predict.`, {
          column: label,
          hint: 'Choose another column as the label.',
        });
      }
      return suggestion;
    },
  };
}
