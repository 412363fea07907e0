// The one-click fixes offered under a column's warnings, turned into what they change in the plan.

export type FixAction = 'zeroAsMissing' | 'nonNumericAsMissing' | 'leaveOut';

export interface WarningLike {
  code: string;
  message: string;
  /** the button's words, e.g. "Treat 0 as missing" */
  fix?: unknown;
}

/** What a warning's fix does, from its code (or, for codes this app does not know, from the button's words). */
export function fixAction(warning: WarningLike): FixAction | null {
  if (!warning.fix) return null;
  switch (warning.code) {
    case 'zeros_look_missing':
      return 'zeroAsMissing';
    case 'non_numeric_entries':
      return 'nonNumericAsMissing';
    case 'id_like':
    case 'constant':
    case 'many_missing':
      return 'leaveOut';
  }
  const words = (typeof warning.fix === 'string' ? warning.fix : JSON.stringify(warning.fix)).toLowerCase();
  if (words.includes('0') && words.includes('missing')) return 'zeroAsMissing';
  if (words.includes('missing')) return 'nonNumericAsMissing';
  if (words.includes('leave') || words.includes('not use') || words.includes('exclude')) return 'leaveOut';
  return null;
}

/** The button's words for a fix. */
export function fixLabel(warning: WarningLike): string {
  if (typeof warning.fix === 'string') return warning.fix;
  const label = (warning.fix as { label?: unknown } | undefined)?.label;
  return typeof label === 'string' ? label : 'Fix it';
}

/** The words shown once a fix is applied, beside its Undo. */
export function appliedWords(action: FixAction): string {
  switch (action) {
    case 'zeroAsMissing':
      return '0 is treated as missing (filled in before training)';
    case 'nonNumericAsMissing':
      return 'the text entries are treated as missing';
    case 'leaveOut':
      return 'left out of the model';
  }
}
