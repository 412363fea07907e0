// The calculator page in Chromium, opened from file:// with the network off and every request recorded: the Pima
// model's page answers a case typed by name as predict(), explainCase() and caseSentence() do in Node (its background
// rows read from datasets/diabetes.csv by the real importer), a missing field counts as missing, a multi-class and a
// regression model answer as Use shows them, a hostile column name stays text, axe finds nothing serious, and the
// page is photographed at desktop and phone width and as printed.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backgroundOfTable } from '../../main/services/explanations';
import { answerName, chanceOf } from '../../renderer/src/lib/answer-names';
import { parseCsv, type Dataset } from '../../workers/data';
import { explainCase, type RawRow } from '../../workers/engine/explain';
import { parseWeightsFile, predict } from '../../workers/engine/predict';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { caseSentence } from '../../workers/explain-words';
import { calculatorPage, type CalculatorFacts } from '../../workers/exports/calculator';
import { decimal, percent } from '../../workers/number-text';
import { diabetesModel, exportModels, rawRowsFor } from '../workers/exports/models';
import { audit, auditLine } from './axe';

const ROOT = path.resolve(__dirname, '../..');
const SCREENS_DIR = path.join(ROOT, 'test-results', 'screens');
const PIMA_NAMES = { '0': 'no diabetes', '1': 'diabetes' };

let browser: Browser;
let tmp: string;

beforeAll(async () => {
  mkdirSync(SCREENS_DIR, { recursive: true });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'calculator-'));
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

afterAll(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface OpenPage {
  page: Page;
  /** every request other than the page itself */
  requests: string[];
  /** script errors, and what the Content-Security-Policy refused */
  problems: string[];
  dialogs: string[];
  close(): Promise<void>;
}

/** Writes the page to disk and opens it from file:// offline, recording anything it asks for; waits for its first answer. */
async function openPage(html: string, name: string, width = 1280): Promise<OpenPage> {
  const file = path.join(tmp, `${name}.html`);
  writeFileSync(file, html);
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: false });
  await context.setOffline(true);
  const requests: string[] = [];
  const problems: string[] = [];
  const dialogs: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  // the script has run once it has answered; if the policy refused it, say so rather than only "timed out"
  await page.locator('[data-test="answer"][data-case]').waitFor({ timeout: 15_000 }).catch((error: Error) => {
    throw new Error(`The page never answered (${error.message.split('\n')[0]}); what it reported: ${problems.join(' | ') || 'nothing'}`);
  });
  return { page, requests, problems, dialogs, close: () => context.close() };
}

/** Types the case into the fields named after the model's inputs and waits until the page has answered exactly it. */
async function typeCase(page: Page, weights: WeightsFile, values: Record<string, string>): Promise<void> {
  for (const input of weights.inputs) await page.fill(`input[name=${JSON.stringify(input.name)}]`, values[input.name] ?? '');
  const answered: Record<string, string> = {};
  for (const input of weights.inputs) answered[input.name] = values[input.name] ?? '';
  await page.waitForFunction((expected) => document.querySelector('[data-test="answer"]')?.getAttribute('data-case') === expected, JSON.stringify(answered));
}

const text = async (page: Page, selector: string) => (await page.locator(selector).innerText()).replace(/\s+/g, ' ').trim();

function rowOf(weights: WeightsFile, values: Record<string, string>): RawRow {
  return weights.inputs.map((input) => values[input.name] ?? '');
}

function facts(weights: WeightsFile, background: RawRow[], more: Partial<CalculatorFacts> = {}): CalculatorFacts {
  return { title: 'Diabetes risk', background, limits: ['It learned from 614 of the 768 rows of diabetes.csv.', 'It is a decision aid only.'], madeOn: '2 December 2026', ...more };
}

function pimaTable(): Dataset {
  const parsed = parseCsv(readFileSync(path.join(ROOT, 'datasets', 'diabetes.csv')), 'diabetes.csv');
  if (!('columns' in parsed)) throw new Error(`diabetes.csv did not import: ${JSON.stringify(parsed)}`);
  return parsed;
}

const PIMA_CASE = { Pregnancies: '2', Glucose: '160', BloodPressure: '72', SkinThickness: '35', Insulin: '', BMI: '33.6', DiabetesPedigreeFunction: '0.627', Age: '50' };

describe('the calculator page, from disk and offline', () => {
  const weights = diabetesModel();
  const background = backgroundOfTable(pimaTable(), weights);
  const pimaFields: CalculatorFacts['fields'] = {
    Glucose: { hint: 'usually 90 to 152 (seen 0 to 199)', typical: '121' },
    Age: { hint: 'usually 21 to 45 (seen 21 to 81)', typical: '33' },
  };
  const pima = () => calculatorPage(weights, facts(weights, background, { answerNames: PIMA_NAMES, fields: pimaFields, about: '768 women of Pima heritage, aged 21 and over.' }));

  it('answers the Pima case as the app does, with no request at all', async () => {
    expect(background).toHaveLength(100);
    const opened = await openPage(pima(), 'pima');
    try {
      const { page } = opened;
      await typeCase(page, weights, PIMA_CASE);
      const row = rowOf(weights, PIMA_CASE);
      const prediction = predict(weights, [row]).predictions[0] as { label: string; probability: number };
      expect(await text(page, '[data-test="probability"]')).toBe(percent(prediction.probability, 1));
      expect(await text(page, '[data-test="chance-of"]')).toBe(`chance of ${chanceOf('Outcome', '1', PIMA_NAMES)}`);
      expect(await text(page, '[data-test="answer-class"]')).toBe(`At the threshold of ${(weights.output.threshold ?? 0.5).toFixed(2)}, the model answers ${answerName(prediction.label, PIMA_NAMES)}.`);
      expect(await text(page, '[data-test="why"]')).toBe(caseSentence(explainCase(weights, row, background), PIMA_CASE));
      expect(await text(page, '[data-test="why"]')).toMatch(/^Glucose 160 raised the chance most/);
      expect(await text(page, '[data-test="answer"]')).toContain('Empty fields count as missing and are filled in: Insulin.');
      expect(await text(page, '.limits')).toContain('It is a decision aid only.');
      expect(opened.requests).toEqual([]);
      expect(opened.problems).toEqual([]);
      await page.screenshot({ path: path.join(SCREENS_DIR, 'calculator-pima-desktop.png'), fullPage: true });
      const result = await audit(page);
      expect(result.critical.length + result.serious.length, auditLine(result)).toBe(0);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(SCREENS_DIR, 'calculator-pima-print.png'), fullPage: true });
    } finally {
      await opened.close();
    }
  });

  it('counts an emptied field as missing, as Use does, and fits a phone', async () => {
    const opened = await openPage(pima(), 'pima-phone', 390);
    try {
      const { page } = opened;
      const values = { ...PIMA_CASE, Glucose: '', BMI: 'abc' };
      await typeCase(page, weights, values);
      const row = rowOf(weights, values);
      const prediction = predict(weights, [row]).predictions[0] as { probability: number };
      expect(await text(page, '[data-test="probability"]')).toBe(percent(prediction.probability, 1));
      expect(await text(page, '[data-test="answer"]')).toContain('Empty fields count as missing and are filled in: Glucose, Insulin.');
      expect(await text(page, '[data-test="answer"]')).toContain('"BMI": "abc" is not a number; it counts as missing.');
      expect(await text(page, '[data-test="why"]')).toBe(caseSentence(explainCase(weights, row, background), values));
      // nothing wider than the phone: no sideways scrolling
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: path.join(SCREENS_DIR, 'calculator-pima-phone.png'), fullPage: true });
      // Clear empties every field: all of them count as missing, and the page still answers
      await page.click('button[data-action="clear"]');
      const cleared = Object.fromEntries(weights.inputs.map((i) => [i.name, '']));
      await page.waitForFunction((expected) => document.querySelector('[data-test="answer"]')?.getAttribute('data-case') === expected, JSON.stringify(cleared));
      expect(await text(page, '[data-test="answer"]')).toContain(`Empty fields count as missing and are filled in: ${weights.inputs.map((i) => i.name).join(', ')}.`);
      expect(await text(page, '[data-test="probability"]')).toBe(percent((predict(weights, [rowOf(weights, {})]).predictions[0] as { probability: number }).probability, 1));
      expect(opened.requests).toEqual([]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('answers a multi-class and a regression model as Use shows them', async () => {
    const models = exportModels();
    for (const name of ['multiclass, two hidden layers', 'regression with an output scale']) {
      const model = models.find((m) => m.name === name)!.weights;
      const bg = rawRowsFor(model, 100);
      const names: Record<string, string> = model.task === 'multiclass' ? { cat: 'a cat', fox: 'a fox' } : {};
      const opened = await openPage(calculatorPage(model, facts(model, bg, { title: name, answerNames: names })), model.task);
      try {
        const { page } = opened;
        const values = { Glucose: '140', 'Body mass index': '-1', 'Dose (g)': '0.8', Smoker: 'former', Region: 'south' };
        await typeCase(page, model, values);
        const row = rowOf(model, values);
        const prediction = predict(model, [row]).predictions[0]!;
        const explanation = explainCase(model, row, bg);
        if ('probabilities' in prediction) {
          expect(await text(page, '[data-test="answer-class"]')).toBe(answerName(prediction.label, names));
          const bars = await page.locator('.class-bars li').allInnerTexts();
          expect(bars.map((b) => b.replace(/\s+/g, ' ').trim())).toEqual(model.output.classes!.map((c) => `${answerName(c, names)} ${percent(prediction.probabilities[c], 1)}`));
          expect(await text(page, '[data-test="why"]')).toBe(caseSentence(explanation, values, { className: answerName(explanation.className!, names) }));
        } else if ('value' in prediction) {
          expect(await text(page, '[data-test="answer-value"]')).toBe(decimal(prediction.value, 4));
          expect(await text(page, '[data-test="why"]')).toBe(caseSentence(explanation, values));
        }
        await page.screenshot({ path: path.join(SCREENS_DIR, `calculator-${model.task}-desktop.png`), fullPage: true });
        expect(opened.requests).toEqual([]);
        expect(opened.problems).toEqual([]);
      } finally {
        await opened.close();
      }
    }
  });

  it('keeps a hostile column name as text: no script of its own runs', async () => {
    const raw = JSON.parse(JSON.stringify(diabetesModel())) as WeightsFile;
    const hostile = '</script><script>alert(1)</script>';
    const quoted = `Glucose "mg/dL" 'fasting' <b>`;
    raw.inputs[0]!.name = hostile;
    raw.inputs[1]!.name = quoted;
    const model = parseWeightsFile(raw);
    const values = { [hostile]: '1', [quoted]: '150' };
    const opened = await openPage(calculatorPage(model, facts(model, rawRowsFor(model, 30), { title: `<img src=x onerror=alert(2)> ${hostile}` })), 'hostile');
    try {
      const { page } = opened;
      await typeCase(page, model, values);
      expect(await page.locator('label').first().innerText()).toBe(hostile);
      expect(await page.locator('h1').innerText()).toBe(`<img src=x onerror=alert(2)> ${hostile}`);
      const prediction = predict(model, [rowOf(model, values)]).predictions[0] as { probability: number };
      expect(await text(page, '[data-test="probability"]')).toBe(percent(prediction.probability, 1));
      expect(opened.dialogs).toEqual([]);
      expect(opened.requests).toEqual([]);
      expect(opened.problems).toEqual([]);
    } finally {
      await opened.close();
    }
  });
});
