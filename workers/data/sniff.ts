// Guessing a file's shape from its first lines: the delimiter (, ; tab |), whether row 1 is a header, and the
// column names.

import { isMissingText, parseNumberText } from './cells';
import type { RenamedColumn } from './dataset';

/** Candidates in order of preference when two fit equally well. */
const CANDIDATES = ['\t', ';', '|', ','] as const;

/** Fields per record for one delimiter, outside double quotes; blank lines are not records. */
function fieldCounts(sample: string, delimiter: string, complete: boolean): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let content = false;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample[i];
    if (ch === '"') {
      inQuotes = !inQuotes;
      content = true;
    } else if (inQuotes) {
      continue;
    } else if (ch === delimiter) {
      fields++;
      content = true;
    } else if (ch === '\n' || (ch === '\r' && sample[i + 1] !== '\n')) {
      if (content) counts.push(fields);
      fields = 1;
      content = false;
      if (counts.length >= 200) return counts;
    } else if (ch !== '\r' && ch !== ' ') {
      content = true;
    }
  }
  if (content && complete) counts.push(fields);
  return counts;
}

/**
 * The delimiter that splits (almost) every record into the same number of fields (at least 2). When several do,
 * the one giving the most fields wins (a ;-file with decimal commas has more ; fields than , fields), then the
 * order tab, ;, |, ,. A file where none does is one column: ','.
 */
export function detectDelimiter(sample: string, complete: boolean): string {
  let best: { delimiter: string; share: number; fields: number } | null = null;
  for (const delimiter of CANDIDATES) {
    const counts = fieldCounts(sample, delimiter, complete);
    if (counts.length === 0) continue;
    const tally = new Map<number, number>();
    for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
    let mode = 1;
    let modeCount = 0;
    for (const [fields, n] of tally) {
      if (n > modeCount || (n === modeCount && fields > mode)) {
        mode = fields;
        modeCount = n;
      }
    }
    if (mode < 2) continue;
    const share = modeCount / counts.length;
    const consistent = share >= 0.9;
    const candidate = { delimiter, share: consistent ? 1 : share, fields: mode };
    if (
      best === null ||
      candidate.share > best.share ||
      (candidate.share === best.share && candidate.fields > best.fields)
    ) {
      best = candidate;
    }
  }
  return best ? best.delimiter : ',';
}

/**
 * Is the first record a header? Not if any of its cells is a number, or all of them are missing markers.
 * Yes if some column is numeric below it (row 1 is text where the data is numbers). When every column is text,
 * yes unless a row-1 value comes back further down its column (then it is data, like "yes,no").
 */
export function detectHeader(records: string[][], decimalComma: boolean): boolean {
  if (records.length === 0) return false;
  const first = records[0].map((c) => c.trim());
  if (first.some((c) => !Number.isNaN(parseNumberText(c, decimalComma)))) return false;
  if (first.every((c) => isMissingText(c))) return false;
  if (records.length === 1) return true;
  const rest = records.slice(1);
  for (let j = 0; j < first.length; j++) {
    let numeric = 0;
    let present = 0;
    for (const record of rest) {
      const cell = (record[j] ?? '').trim();
      if (isMissingText(cell)) continue;
      present++;
      if (!Number.isNaN(parseNumberText(cell, decimalComma))) numeric++;
    }
    if (present > 0 && numeric >= 0.9 * present) return true;
  }
  for (let j = 0; j < first.length; j++) {
    if (first[j] === '') continue;
    for (const record of rest) if ((record[j] ?? '').trim() === first[j]) return false;
  }
  return true;
}

/** Column names: trimmed header cells; an empty one becomes "column N"; a repeated one gets " (2)", " (3)", ... */
export function columnNames(header: string[] | null, width: number): string[] {
  const names: string[] = [];
  const used = new Set<string>();
  for (let j = 0; j < width; j++) {
    let name = header ? (header[j] ?? '').trim() : '';
    if (name === '') name = `column ${j + 1}`;
    let unique = name;
    for (let k = 2; used.has(unique); k++) unique = `${name} (${k})`;
    used.add(unique);
    names.push(unique);
  }
  return names;
}

/** The columns whose name is not their header cell (empty, or the same as an earlier one), for the import's notes. */
export function renamedColumns(header: string[], names: string[]): RenamedColumn[] {
  const renamed: RenamedColumn[] = [];
  const cells = names.map((_, j) => (header[j] ?? '').trim());
  names.forEach((name, j) => {
    if (name === cells[j]) return;
    const first = cells.indexOf(cells[j]);
    renamed.push(cells[j] === '' ? { index: j, header: '', name } : { index: j, header: cells[j], name, sameAs: first });
  });
  return renamed;
}
