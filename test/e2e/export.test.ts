// The Export menu on the Use screen, in Chromium, on the example: each format written where the person chose and
// loaded by its own runtime, answering the patient as the screen does: the ONNX model by onnxruntime, the TensorFlow.js
// folder by TensorFlow.js, the calculator page opened from file:// with the network off (its why-sentence too); and a
// folder of other files refused.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { encodeRow } from '../../workers/engine/predict';
import { serveFolder } from '../workers/exports/served-folder';
import { describe, expect, it } from 'vitest';
import { eventually } from './app-page';
import { SCREENS_DIR } from './browser-mode';
import { appForSuite } from './suite-app';

const PATIENT = { Pregnancies: '2', Glucose: '160', BloodPressure: '70', SkinThickness: '30', Insulin: '', BMI: '33', DiabetesPedigreeFunction: '0.5', Age: '25' };

describe('Export on the Use screen, in browser mode', () => {
  const suite = appForSuite();
  let shown = '';
  let why = '';

  it('offers each format with what it is for', async () => {
    const { ui } = suite;
    await ui.trainExample();
    await ui.goTo('use');
    const asked = await ui.askAbout(PATIENT);
    shown = asked.shown;
    why = asked.why.sentence;
    const items = await ui.page.locator('[data-test="export-menu"] li').allInnerTexts();
    expect(items.map((i) => i.split('\n')[0]!.trim())).toEqual(['Weights (JSON)…', 'TensorFlow.js…', 'ONNX…', 'Calculator page…']);
    for (const item of items) expect(item.split('\n').slice(1).join(' ').length).toBeGreaterThan(40);
    await ui.screenshotOf('export-01-menu', 'export-menu');
  });

  it('writes an ONNX model that onnxruntime answers the patient with as the screen does', async () => {
    const { ui, app } = suite;
    const file = path.join(app.tmp, 'diabetes.onnx');
    await ui.exportAs('onnx', file);
    const session = await ort.InferenceSession.create(readFileSync(file));
    const feeds: Record<string, ort.Tensor> = {};
    // an empty field goes in as NaN: the model fills it as the app does
    for (const [name, value] of Object.entries(PATIENT)) feeds[name] = new ort.Tensor('float32', Float32Array.of(value === '' ? Number.NaN : Number(value)), [1, 1]);
    const out = await session.run(feeds);
    expect(`${(Number(out.probability!.data[0]) * 100).toFixed(1)} %`).toBe(shown);
  });

  it('writes a calculator page that, offline from disk, gives the screen\'s answer and why', async () => {
    const { ui, app } = suite;
    const file = path.join(app.tmp, 'calculator.html');
    await ui.exportAs('calculator', file);
    const context = await ui.page.context().browser()!.newContext({ viewport: { width: 1100, height: 900 } });
    await context.setOffline(true);
    const requests: string[] = [];
    const url = pathToFileURL(file).href;
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : (requests.push(route.request().url()), route.abort())));
    try {
      const page = await context.newPage();
      await page.goto(url);
      for (const [name, value] of Object.entries(PATIENT)) await page.fill(`input[name="${name}"]`, value);
      await page.waitForFunction((expected) => document.querySelector('[data-test="answer"]')?.getAttribute('data-case') === expected, JSON.stringify(PATIENT));
      expect((await page.locator('[data-test="probability"]').innerText()).trim()).toBe(shown);
      expect((await page.locator('[data-test="why"]').innerText()).replace(/\s+/g, ' ').trim()).toBe(why);
      // the page names the answers as the project does
      expect(await page.locator('[data-test="chance-of"]').innerText()).toMatch(/chance of diabetes/);
      await page.screenshot({ path: path.join(SCREENS_DIR, 'export-02-calculator-from-app.png'), fullPage: true });
      // a value beyond the table it learned from is said to be a guess, on the page as on the screen
      const beyond = 'Glucose 400 is beyond the values in the table it learned from (0 to 199), so this answer is a guess.';
      await page.fill('input[name="Glucose"]', '400');
      await page.waitForFunction(() => JSON.parse(document.querySelector('[data-test="answer"]')?.getAttribute('data-case') ?? '{}').Glucose === '400');
      expect(await page.locator('[data-test="answer"] .warnings li').allInnerTexts()).toContain(beyond);
      await ui.enterCase({ Glucose: '400' });
      await ui.page.locator('[data-test="answer-warnings"] li', { hasText: beyond }).waitFor();
      await ui.screenshotOf('export-03-use-beyond', 'answer');
      await ui.enterCase({ Glucose: PATIENT.Glucose });
      expect(requests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('writes the TensorFlow.js folder and the weights, and refuses a folder of other files', async () => {
    const { ui, app } = suite;
    const folder = path.join(app.tmp, 'tfjs model');
    await ui.exportAs('tfjs', folder);
    expect(readdirSync(folder).sort()).toEqual(['model.json', 'preparation.json', 'weights.bin']);
    // TensorFlow.js itself loads the folder; the patient prepared by preparation.json gets the screen's answer
    const served = await serveFolder(readdirSync(folder).map((name) => ({ name, bytes: readFileSync(path.join(folder, name)) })));
    try {
      tf.env().set('IS_TEST', true);
      const model = await tf.loadLayersModel(`${served.url}model.json`);
      const preparation = JSON.parse(readFileSync(path.join(folder, 'preparation.json'), 'utf8'));
      const row = preparation.inputs.map((input: { name: string }) => PATIENT[input.name as keyof typeof PATIENT] || null);
      const features = encodeRow(preparation.inputs, row).features;
      const y = model.predict(tf.tensor2d(Array.from(features), [1, features.length])) as tf.Tensor;
      expect(`${((await y.data())[0]! * 100).toFixed(1)} %`).toBe(shown);
    } finally {
      await served.close();
    }
    expect(await ui.page.locator('[data-test="export-done"]').innerText()).toBe(`TensorFlow.js model saved in the folder ${folder} (model.json, weights.bin, preparation.json).`);
    const weights = path.join(app.tmp, 'weights.json');
    await ui.exportAs('weights', weights);
    expect(JSON.parse(readFileSync(weights, 'utf8')).format).toBe('neuron-studio.weights');

    const photos = path.join(app.tmp, 'photos');
    mkdirSync(photos);
    writeFileSync(path.join(photos, 'holiday.jpg'), 'jpeg');
    await ui.page.click('[data-test="export-tfjs"]');
    await ui.answerFilePrompt(photos, 'Export as TensorFlow.js');
    const problem = (await eventually(() => ui.problem(), (p) => p !== null, 30_000, 'the refusal'))!;
    expect(problem).toContain(`The folder ${photos} already holds other files (holiday.jpg), so the TensorFlow.js model was not written there`);
    expect(readdirSync(photos)).toEqual(['holiday.jpg']);
  });
});
