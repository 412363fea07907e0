// What a column usually holds, from its profile: the hint beside a field of the Use form and of the calculator page
// ("usually 99 to 143 (seen 0 to 199)"), a typical value to start a case from, and the note on a value beyond
// everything the model learned from.

import type { ColumnProfile } from './data/profile';
import { cellNumber } from './engine/weights-file';
import { decimal } from './number-text';

/** The fields of workers/data's ColumnProfile the screens read (all but name, kind and missing may be absent; the
 * kind as text, since profiles arrive over the socket as plain JSON). */
export type ProfileLike = Pick<ColumnProfile, 'name' | 'missing'> &
  Partial<Pick<ColumnProfile, 'count' | 'distinct' | 'min' | 'max' | 'mean' | 'std' | 'zeros' | 'integer' | 'categories' | 'histogram'>> & { kind: string };

/** The hint beside a Use-form field: "usually 99 to 143 (seen 0 to 199)". */
export function usualRange(profile: ProfileLike | undefined): string {
  if (!profile) return '';
  if (profile.categories?.length) {
    const shown = profile.categories.slice(0, 4).map((c) => c.value);
    return `e.g. ${shown.join(', ')}${profile.categories.length > 4 ? ', …' : ''}`;
  }
  if (profile.min === undefined || profile.max === undefined) return '';
  if (profile.mean !== undefined && profile.std !== undefined && profile.std > 0) {
    const low = Math.max(profile.min, profile.mean - profile.std);
    const high = Math.min(profile.max, profile.mean + profile.std);
    const digits = profile.integer ? 0 : 2;
    const round = (x: number) => (profile.integer ? String(Math.round(x)) : decimal(Number(x.toFixed(digits)), 3));
    return `usually ${round(low)} to ${round(high)} (seen ${decimal(profile.min)} to ${decimal(profile.max)})`;
  }
  return `seen ${decimal(profile.min)} to ${decimal(profile.max)}`;
}

/** A typical value to prefill the Use form: the mean (rounded for whole-number columns) or the commonest category. */
export function typicalValue(profile: ProfileLike | undefined): string {
  if (!profile) return '';
  if (profile.categories?.length) return profile.categories[0]!.value;
  if (profile.mean === undefined) return '';
  return profile.integer ? String(Math.round(profile.mean)) : String(Number(profile.mean.toFixed(3)));
}


/** The lowest and highest value a numeric column holds in the table the model learned from. */
export interface SeenRange {
  min: number;
  max: number;
}

/** A numeric profile's range, for beyondSeen; none for a column without numbers. */
export function seenRange(profile: ProfileLike | undefined): SeenRange | undefined {
  if (!profile || profile.categories?.length || profile.min === undefined || profile.max === undefined) return undefined;
  return { min: profile.min, max: profile.max };
}

/**
 * "Glucose 400 is beyond the values in the table it learned from (0 to 199), so this answer is a guess." for a typed
 * number outside the range; null inside it, for an empty field and for text that is not a number (said elsewhere).
 */
export function beyondSeen(name: string, raw: string | number | null | undefined, seen: SeenRange | undefined): string | null {
  if (!seen) return null;
  const value = cellNumber(raw);
  if (Number.isNaN(value) || (value >= seen.min && value <= seen.max)) return null;
  return `${name} ${decimal(value)} is beyond the values in the table it learned from (${decimal(seen.min)} to ${decimal(seen.max)}), so this answer is a guess.`;
}
