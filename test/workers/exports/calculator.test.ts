// The calculator page as text: everything a person typed stays text, the CSP admits exactly the page's own script
// and style and no connection, one named and labelled field per model input, and the committed bundle is fresh.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseWeightsFile } from '../../../workers/engine/predict';
import type { WeightsFile } from '../../../workers/engine/weights-file';
import { calculatorPage, type CalculatorFacts } from '../../../workers/exports/calculator';
import { calculatorFactsFor } from '../../../workers/exports/calculator-facts';
import { bundleCalculatorScript } from '../../../workers/exports/calculator/build';
import { PAGE_DATA_ID, type PageData } from '../../../workers/exports/calculator/page-data';
import { CALCULATOR_SCRIPT } from '../../../workers/exports/calculator/page-script-bundle';
import { diabetesModel, exportModels, rawRowsFor } from './models';

const HOSTILE = '</script><script>alert(1)</script>';
const QUOTED = `Glucose "mg/dL" 'fasting' & <b>`;

function facts(weights: WeightsFile, more: Partial<CalculatorFacts> = {}): CalculatorFacts {
  return { title: 'Diabetes risk', background: rawRowsFor(weights, 20), limits: ['It is a decision aid only.'], madeOn: '2 December 2026', ...more };
}

function hostileModel(): WeightsFile {
  const raw = JSON.parse(JSON.stringify(diabetesModel())) as WeightsFile;
  raw.inputs[0]!.name = HOSTILE;
  raw.inputs[1]!.name = QUOTED;
  return parseWeightsFile(raw);
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The page's <script> and <style> elements' texts, found as a browser's tokenizer finds their ends. */
function inlineElements(html: string, tag: 'script' | 'style'): { attributes: string; text: string }[] {
  return [...html.matchAll(new RegExp(`<${tag}([^>]*)>([^]*?)</${tag}`, 'gi'))].map((m) => ({ attributes: m[1]!, text: m[2]! }));
}

function policyOf(html: string): string {
  const content = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  if (!content) throw new Error('no CSP meta');
  return unescape(content);
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

describe('calculatorPage', () => {
  // a column named like markup must not end the page's script early or add one of its own
  it('keeps names, titles, limits and answer names as text: exactly the two scripts the page means', () => {
    const weights = hostileModel();
    const html = calculatorPage(weights, facts(weights, {
      title: `${HOSTILE} "title"`,
      about: `<img src=x onerror=alert(2)>`,
      limits: [`${HOSTILE} limit`],
      answerNames: { '1': HOSTILE },
      fields: { [QUOTED]: { hint: '"><script>alert(3)</script>', typical: `1" onfocus="alert(4)` } },
    }));
    const scripts = inlineElements(html, 'script');
    expect(scripts).toHaveLength(2);
    expect(scripts[0]!.attributes).toBe(` type="application/json" id="${PAGE_DATA_ID}"`);
    expect(scripts[1]!.text).toBe(CALCULATOR_SCRIPT);
    expect(html.match(/<script/gi)).toHaveLength(2);
    // markup only as text: no element of theirs, no attribute broken out of its quotes
    expect(/<img|<b>|onfocus="|"><script/.exec(html)?.[0] ?? null).toBeNull();
    expect(html.includes('&lt;img src=x onerror=alert(2)&gt;')).toBe(true);
    // the data reads back whole, hostile names included
    const data = JSON.parse(scripts[0]!.text) as PageData;
    expect(data.weights.inputs.map((i) => i.name)).toEqual(weights.inputs.map((i) => i.name));
    expect(data.answerNames['1']).toBe(HOSTILE);
    expect(data.typical[QUOTED]).toBe(`1" onfocus="alert(4)`);
    expect(scripts[0]!.text).not.toMatch(/[<>]/);
    expect(html).toContain(`<label for="input-1">${HOSTILE.replace(/</g, '&lt;').replace(/>/g, '&gt;')}</label>`);
  });

  it('allows only its own inline script and style, by their sha256, and no connection at all', () => {
    const weights = diabetesModel();
    const html = calculatorPage(weights, facts(weights));
    const policy = policyOf(html);
    const script = inlineElements(html, 'script')[1]!.text;
    const style = inlineElements(html, 'style')[0]!.text;
    expect(policy).toContain(`script-src ${sha256(script)}`);
    expect(policy).toContain(`style-src ${sha256(style)}`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).not.toMatch(/unsafe|https?:|\*/);
    expect(/<[^>]+\b(src|href)=/.exec(html)?.[0] ?? null).toBeNull();
  });

  it('has one labelled field per model input, named after it; a categorical input offers its categories', () => {
    for (const { name, weights } of exportModels()) {
      const html = calculatorPage(weights, facts(weights));
      const inputs = [...html.matchAll(/<input id="(input-\d+)" name="([^"]*)"([^>]*)>/g)];
      expect(inputs.map((m) => unescape(m[2]!)), name).toEqual(weights.inputs.map((i) => i.name));
      weights.inputs.forEach((input, i) => {
        const id = inputs[i]![1]!;
        expect(html).toContain(`<label for="${id}">`);
        if (input.kind === 'categorical') {
          expect(inputs[i]![3]).toContain(`list="${id}-choices"`);
          const options = new RegExp(`<datalist id="${id}-choices">(.*?)</datalist>`).exec(html)![1]!;
          expect([...options.matchAll(/value="([^"]*)"/g)].map((m) => unescape(m[1]!))).toEqual(input.categories);
        }
      });
      expect(html).toContain('data-test="answer"');
    }
  });

  it('says its limits, when it was made, and that it is a decision aid', () => {
    const weights = diabetesModel();
    const page = calculatorFactsFor(weights, {
      title: 'Diabetes risk', background: [], madeOn: '2 December 2026',
      learnedFrom: { fileName: 'diabetes.csv', rows: { train: 614, of: 768 } }, about: '768 women of Pima heritage.',
    });
    const html = calculatorPage(weights, page);
    expect(html).toContain('<li>It learned from 614 of the 768 rows of diabetes.csv, and holds only for cases like the rows described under “About this data”');
    expect(html).toContain('<strong>About this data:</strong> 768 women of Pima heritage.');
    expect(html).toContain('<li>It is a decision aid only, not a diagnosis or a decision: a person who knows the case decides.</li>');
    expect(html).toContain('on 2 December 2026');
    const alone = calculatorFactsFor(weights, { title: 't', background: [], madeOn: 'today', learnedFrom: null });
    expect(alone.limits[0]).toBe('It learned from the rows of a table this file does not name, and holds only for cases like those rows: people, places or times unlike them may be answered wrongly, with no warning.');
    expect(alone.limits[1]).toBe('It sees only its 8 inputs; anything else about a case is hidden from it, and values beyond those in its training rows are guesses.');
  });

  it('the Pima page is small enough to mail', () => {
    const weights = diabetesModel();
    const bytes = new TextEncoder().encode(calculatorPage(weights, facts(weights, { background: rawRowsFor(weights, 100) }))).length;
    expect(bytes).toBeLessThan(100_000);
  });
});

describe('the committed calculator script', () => {
  // the page must answer with today's engine: a change to predict, explain or the words needs npm run build:calculator
  it('is what esbuild bundles from page-script.ts now', async () => {
    expect(await bundleCalculatorScript(), 'the committed bundle is stale: run npm run build:calculator').toBe(CALCULATOR_SCRIPT);
  }, 60_000);
});
