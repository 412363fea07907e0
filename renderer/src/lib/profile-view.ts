// A column profile from the importer, read for the screen: its kind in words, its figures, its histogram bars, and
// the usual range shown as a hint in the Use form.

import { decimal } from './format';
import type { ProfileLike } from '../../../workers/usual-values';

// the Use form's hints are the calculator page's too
export { typicalValue, usualRange, type ProfileLike } from '../../../workers/usual-values';

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
