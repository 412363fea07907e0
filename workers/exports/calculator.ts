// The calculator page: one self-contained HTML file that answers a case in any browser from disk, with the form, the
// answer, why, and the model's limits. Its script is the engine's own code (calculator/page-script-bundle.ts); a
// Content-Security-Policy that admits only that script and the page's style, and no connection, keeps it offline.

import type { SeenRange } from '../usual-values';
import { createHash } from 'node:crypto';
import type { RawRow } from '../engine/explain';
import type { WeightsFile } from '../engine/weights-file';
import { PAGE_DATA_ID, type PageData } from './calculator/page-data';
import { CALCULATOR_SCRIPT } from './calculator/page-script-bundle';
import { PAGE_STYLE } from './calculator/page-style';

/** What the page says besides the weights; main/services assembles it from a project's run or a weights file. */
export interface CalculatorFacts {
  title: string;
  /** the rows the why-sentence's "average answer" is taken over */
  background: RawRow[];
  /** the label's answers by the names a person gave them */
  answerNames?: Record<string, string>;
  /** the model's limits, one sentence each (workers/model-limits.ts words the first three) */
  limits: string[];
  /** what is known of the rows it learned from ("About this data") */
  about?: string | null;
  /** per input: its usual range ("usually 99 to 142 (seen 0 to 199)") and a typical value, as Use shows them */
  fields?: Record<string, { hint?: string; typical?: string; seen?: SeenRange }>;
  /** when the page was made, as it is to be read ("2 December 2026") */
  madeOn: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe anywhere in the page's markup: between tags and inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** JSON that cannot end its <script> element or open a comment in it: <, > and & and the two JavaScript line breaks
 * are written as \u escapes, which JSON.parse reads back unchanged. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The CSP's source for an inline element's exact text. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The policy: nothing from anywhere, but this one script and this one style sheet; no connection, form or frame. */
export function contentSecurityPolicy(script: string, style: string): string {
  return [
    "default-src 'none'",
    `script-src ${sha256Source(script)}`,
    `style-src ${sha256Source(style)}`,
    "connect-src 'none'",
    "img-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function field(weights: WeightsFile, index: number, facts: CalculatorFacts): string {
  const input = weights.inputs[index]!;
  const id = `input-${index + 1}`;
  const known = facts.fields?.[input.name] ?? {};
  const hint = input.kind === 'categorical'
    ? known.hint || `one of: ${input.categories.join(', ')}`
    : known.hint || '';
  const typical = known.typical ? ` placeholder="${escapeHtml(known.typical)}"` : '';
  const described = hint ? ` aria-describedby="${id}-hint"` : '';
  const list = input.kind === 'categorical' ? ` list="${id}-choices"` : ' inputmode="decimal"';
  const choices = input.kind === 'categorical'
    ? `<datalist id="${id}-choices">${input.categories.map((c) => `<option value="${escapeHtml(c)}"></option>`).join('')}</datalist>`
    : '';
  return [
    `<div class="field">`,
    `<label for="${id}">${escapeHtml(input.name)}</label>`,
    `<input id="${id}" name="${escapeHtml(input.name)}" type="text" autocomplete="off"${list}${typical}${described}>`,
    choices,
    hint ? `<small id="${id}-hint">${escapeHtml(hint)}</small>` : '',
    `</div>`,
  ].join('');
}

/** The whole page for a model, as one string of HTML (UTF-8). */
export function calculatorPage(weights: WeightsFile, facts: CalculatorFacts): string {
  // the bundle is minified engine code: were it ever to hold these, the browser would end or hide the script early
  if (/<\/script|<!--/i.test(CALCULATOR_SCRIPT)) throw new Error('The calculator script holds "</script" or "<!--"; rebuild it with npm run build:calculator.');
  const typical: Record<string, string> = {};
  for (const input of weights.inputs) {
    const value = facts.fields?.[input.name]?.typical;
    if (value) typical[input.name] = value;
  }
  const seen: Record<string, SeenRange> = {};
  for (const input of weights.inputs) {
    const range = facts.fields?.[input.name]?.seen;
    if (range) seen[input.name] = range;
  }
  const data: PageData = { weights, background: facts.background, answerNames: facts.answerNames ?? {}, typical, seen };
  const title = escapeHtml(facts.title);
  const hasTypical = Object.keys(typical).length > 0;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(CALCULATOR_SCRIPT, PAGE_STYLE))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Neuron Studio">',
    `<title>${title}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${title}</h1>`,
    `<p class="made">Made with Neuron Studio on ${escapeHtml(facts.madeOn)}. This page works on its own, from disk and without a network; it sends nothing anywhere.</p>`,
    '<p class="aid"><strong>A decision aid, not a decision:</strong> a person who knows the case decides.</p>',
    facts.about?.trim() ? `<p class="about"><strong>About this data:</strong> ${escapeHtml(facts.about.trim())}</p>` : '',
    '</header>',
    '<div class="grid">',
    '<form class="card case" aria-labelledby="case-title">',
    '<h2 id="case-title">The case</h2>',
    '<p class="muted small">Type a case; the answer changes as you type.</p>',
    '<div class="fields">',
    ...weights.inputs.map((_, i) => field(weights, i, facts)),
    '</div>',
    '<div class="buttons">',
    hasTypical ? '<button type="button" data-action="typical">Fill with typical values</button>' : '',
    '<button type="button" data-action="clear">Clear</button>',
    '</div>',
    '</form>',
    '<div class="results">',
    '<section class="card answer" data-test="answer" aria-live="polite"><h2>The model\'s answer</h2><p class="problem">This page needs JavaScript to answer; allow it for this file, or open the file in another browser.</p></section>',
    '<section class="card why" data-test="why-answer"><h2>Why this answer</h2></section>',
    '</div>',
    '</div>',
    '<section class="card limits">',
    '<h2>Its limits</h2>',
    '<ul>',
    ...facts.limits.map((l) => `<li>${escapeHtml(l)}</li>`),
    '</ul>',
    '</section>',
    '</main>',
    `<script type="application/json" id="${PAGE_DATA_ID}">${jsonForScript(data)}</script>`,
    `<script>${CALCULATOR_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
