// Numbers as a person reads them: 0.7532 → "75 %", 12345 → "12,345", 0.000123 → "0.000123", 2.3e299 → "2.3 × 10²⁹⁹".

// percentages, decimals and counts are written by the words the CLI and the exports share too
export { count, decimal, percent } from '../../../workers/number-text';

/** When something happened, as a person says it: "today at 11:34 PM", "yesterday at 9:05 AM", "3 Nov 2026 at 4:10 PM". */
export function whenSaid(ms: number, now = Date.now()): string {
  const at = new Date(ms);
  const time = at.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' });
  const dayStart = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((dayStart(new Date(now)) - dayStart(at)) / 86_400_000);
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `yesterday at ${time}`;
  const date = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return `${date} at ${time}`;
}
