// axe-core's audit of what the page shows now, its violations grouped by impact (critical, serious, moderate, minor).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

export const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
export type Impact = (typeof IMPACTS)[number];

export interface Violation {
  /** axe's rule, e.g. 'color-contrast' */
  rule: string;
  impact: Impact;
  help: string;
  /** the elements that break it (CSS selectors) and axe's words on each */
  nodes: { target: string; why: string }[];
}

export type Audit = Record<Impact, Violation[]>;

const AXE_SOURCE = readFileSync(path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');

/**
 * Runs axe on the document as it is. The script is evaluated through the debugging protocol rather than added as a
 * <script> tag: the app's Content-Security-Policy (script-src 'self') refuses inline scripts, as it should.
 */
export async function audit(page: Page): Promise<Audit> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    interface AxeViolation {
      id: string;
      impact: string | null;
      help: string;
      nodes: { target: unknown[]; failureSummary?: string }[];
    }
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? 'minor',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.map(String).join(' '), why: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  });
  const grouped: Audit = { critical: [], serious: [], moderate: [], minor: [] };
  for (const v of violations) grouped[v.impact as Impact].push(v as Violation);
  return grouped;
}

/** "2 serious (color-contrast ×3, …), 1 moderate (…)": an audit in one line, for the test's output and its failures. */
export function auditLine(result: Audit): string {
  const parts = IMPACTS.filter((impact) => result[impact].length).map(
    (impact) => `${result[impact].length} ${impact} (${result[impact].map((v) => `${v.rule} ×${v.nodes.length}`).join(', ')})`,
  );
  return parts.length ? parts.join(', ') : 'none';
}

/** Every element that breaks a rule, with axe's words, to read when a screen fails. */
export function auditDetails(result: Audit): string {
  return IMPACTS.flatMap((impact) =>
    result[impact].flatMap((v) => [`${impact} ${v.rule}: ${v.help}`, ...v.nodes.map((n) => `  ${n.target}: ${n.why}`)]),
  ).join('\n');
}
