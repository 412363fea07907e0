// A column profile from the importer, read for the screen: its kind in words, its figures, its histogram bars, and
// the usual range shown as a hint in the Use form.

import { decimal } from './format';

/** The fields of workers/data's ColumnProfile the screens read (all but name and kind may be absent). */
export interface ProfileLike {
  name: string;
  kind: string;
  missing: number;
  count?: number;
  distinct?: number;
  min?: number;
  max?: number;
  mean?: number;
  std?: number;
  zeros?: number;
  integer?: boolean;
  categories?: { value: string; count: number }[];
  histogram?: { label: string; count: number; from?: number; to?: number }[];
}

export const kindWords: Record<string, string> = {
  numeric: 'numbers',
  categorical: 'categories',
  id: 'record number or code',
  constant: 'the same everywhere',
  text: 'free text',
};

export function kindOf(profile: ProfileLike): string {
  return kindWords[profile.kind] ?? profile.kind;
}

/** Short facts under the column's name: "768 values · 0 missing · 0–17, average 3.85". */
export function profileFacts(profile: ProfileLike): string[] {
  const facts: string[] = [];
  if (profile.count !== undefined) facts.push(`${profile.count.toLocaleString('en-US')} values`);
  facts.push(profile.missing === 0 ? 'none missing' : `${profile.missing.toLocaleString('en-US')} missing`);
  if (profile.min !== undefined && profile.max !== undefined) {
    facts.push(`${decimal(profile.min)} to ${decimal(profile.max)}`);
    if (profile.mean !== undefined) facts.push(`average ${decimal(profile.mean, 3)}`);
  } else if (profile.distinct !== undefined) {
    facts.push(`${profile.distinct.toLocaleString('en-US')} different values`);
  }
  return facts;
}

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

export interface Bar {
  label: string;
  count: number;
  /** 0..1 of the tallest bar */
  height: number;
}

export function histogramBars(profile: ProfileLike): Bar[] {
  const bins = profile.histogram ?? [];
  const tallest = bins.reduce((m, b) => Math.max(m, b.count), 0);
  return bins.map((b) => ({ label: b.label, count: b.count, height: tallest > 0 ? b.count / tallest : 0 }));
}
