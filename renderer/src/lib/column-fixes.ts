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

/** The sentence shown while a fix is in the plan (the starting plan applies the missing-value ones itself), beside
 * its Undo; and the sentence once it is undone, beside the fix's button. */
export function appliedWords(action: FixAction): string {
  switch (action) {
    case 'zeroAsMissing':
      return 'So 0 is treated as missing here: filled in from the training rows before training.';
    case 'nonNumericAsMissing':
      return 'So the text entries are treated as missing: filled in from the training rows before training.';
    case 'leaveOut':
      return 'Left out of the model.';
  }
}

export function undoneWords(action: FixAction): string {
  switch (action) {
    case 'zeroAsMissing':
      return '0 is kept as a real value.';
    case 'nonNumericAsMissing':
      return 'Rows with text entries are left out of training.';
    case 'leaveOut':
      return 'Used as an input.';
  }
}
