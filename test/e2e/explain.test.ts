// "Why this answer", what matters and what-if on the Use screen, in Chromium, on the example: a patient typed, the
// sentence read and its table adding up to the answer − the average answer, the maths behind its disclosure, the
// importance sentence, a what-if on another input, and the explanations following the run shown.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually } from './app-page';
import { appForSuite } from './suite-app';

const PATIENT = { Pregnancies: '2', Glucose: '160', BloodPressure: '70', SkinThickness: '30', Insulin: '', BMI: '33', DiabetesPedigreeFunction: '0.5', Age: '25' };

/** "+18.3 points" → 18.3, "−6.1 points" → −6.1, "68.2 %" → 68.2 */
function figure(text: string): number {
  return Number(text.replace('\u2212', '-').replace(/[^\d.+-]/g, ''));
}

describe('explanations on the Use screen, in browser mode', () => {
  const suite = appForSuite();

  it("says what moved the patient's answer, and its figures add up to the answer − the average answer", async () => {
    const { ui } = suite;
    await ui.trainExample();
    await ui.goTo('use');
    // the explanation of this case, not of the typical row the screen started from
    const { why } = await ui.askAbout(PATIENT);
    expect(why.sentence).toMatch(
      /^Glucose 160 raised the chance most \(\+\d+ points\); .+ (raised|lowered) it \([+\u2212]\d+ points?\)(; .+)?, compared with the average answer of \d+ % over the training rows\.$/,
    );
    expect(why.inputs).toHaveLength(8);
    expect(why.inputs[0]).toBe('Glucose 160');
    const sum = why.shares.map(figure).reduce((a, b) => a + b, 0);
    // each share is rounded to a tenth of a point
    expect(Math.abs(sum - figure(why.difference))).toBeLessThanOrEqual(8 * 0.05 + 0.05);
    expect(Math.abs(figure(why.average) + figure(why.difference) - figure(why.value))).toBeLessThanOrEqual(0.1);
    await ui.screenshot('explain-01-why');
    await ui.screenshotOf('explain-01-why-card', 'why-answer');
  });

  it('keeps the arithmetic behind "Show the maths"', async () => {
    const { ui } = suite;
    const pass = await ui.forwardPass();
    expect(pass.flow).toMatch(/^8 inputs → .* → sigmoid: [\d.]+$/);
    expect(Number(pass.outputs.at(-1)) * 100).toBeCloseTo(figure(await ui.probabilityText()), 0);
  });

  it('says which inputs matter overall, from shuffling them among the test rows', async () => {
    const { ui } = suite;
    const sentence = await ui.importanceSentence();
    expect(sentence).toMatch(/^\w+ matters most: shuffling it costs \d+ points? of accuracy(; then .+)?(; .+ hardly matters? \(under 1 point( each)?\))?\.$/);
    await ui.screenshotOf('explain-03-importance', 'what-matters');
  });

  it('draws the what-if of the input that moved the answer most, then of another one chosen', async () => {
    const { ui } = suite;
    expect(await ui.whatIfInput()).toBe('Glucose');
    const glucose = await eventually(() => ui.whatIfSentence(), (s) => s.includes('Glucose'), 30_000, 'the Glucose what-if');
    expect(glucose).toMatch(/^For this case, the chance goes from \d+ % at Glucose \d+ to \d+ % at Glucose \d+ \(on average over the test rows, from \d+ % to \d+ %\)\.$/);
    await ui.chooseWhatIf('BMI');
    const bmi = await eventually(() => ui.whatIfSentence(), (s) => s.includes('BMI'), 30_000, 'the BMI what-if');
    expect(bmi).toMatch(/^For this case, the chance (goes from \d+ % at BMI [\d.]+ to \d+ % at BMI [\d.]+|stays at about \d+ % from BMI [\d.]+ to BMI [\d.]+) \(on average over the test rows, from \d+ % to \d+ %\)\.$/);
    expect(await ui.whatIfPoints()).toBe(25);
    await ui.screenshotOf('explain-02-what-if', 'what-if');
  });

  it('follows the run shown: another run, its own answer explained', async () => {
    const { ui, app } = suite;
    await ui.goTo('model');
    await ui.setNumber('epochs', 2);
    await ui.goTo('train');
    await ui.startTraining('Run 2');
    await ui.waitForRunStatus('Run 2', /stopped early|finished/);
    await ui.goTo('use');
    await ui.pickRun('Run 2');
    const second = await eventually(() => ui.probabilityText(), (p) => p !== '', 10_000, 'the answer of Run 2');
    const why = await eventually(() => ui.whyThisAnswer(), (w) => w.value === second, 30_000, "Run 2's explanation");
    expect(why.inputs).toHaveLength(8);
    await ui.pickRun('Run 1');
    const first = await eventually(() => ui.probabilityText(), (p) => p !== second, 10_000, 'the answer of Run 1');
    await eventually(() => ui.whyThisAnswer(), (w) => w.value === first, 30_000, "Run 1's explanation again");
    expect(app.pageErrors).toEqual([]);
  });

  it('counts a categorical input as one input, and draws its what-if as bars per category', async () => {
    const { ui, app } = suite;
    // red shoppers buy from a size of 30, the others only from 80
    const lines = ['colour,size,buys'];
    for (let i = 0; i < 300; i++) {
      const colour = ['red', 'green', 'blue'][i % 3]!;
      const size = (i * 37) % 100;
      lines.push(`${colour},${size},${(colour === 'red' && size > 30) || size > 80 ? 'yes' : 'no'}`);
    }
    await ui.importTable(path.join(app.tmp, 'shop.csv'), `${lines.join('\n')}\n`);
    await ui.setRole('buys', 'label');
    await ui.goTo('train');
    await ui.startTraining('Shop');
    await ui.waitForRunStatus('Shop', /stopped early|finished/);
    await ui.goTo('use');
    await ui.chooseInCase('colour', 'red');
    await ui.enterCase({ size: '50' });
    const why = await eventually(() => ui.whyThisAnswer(), (w) => w.inputs.includes('colour red') && w.inputs.includes('size 50'), 30_000, 'the explanation of the red shopper');
    // one row per input, not one per category column
    expect(why.inputs).toHaveLength(2);
    await ui.chooseWhatIf('colour');
    const sentence = await eventually(() => ui.whatIfSentence(), (s) => s.includes('colour'), 30_000, 'the colour what-if');
    expect(sentence).toMatch(/^For this case, the chance is highest with colour red \(\d+ %\) and lowest with colour (green|blue) \(\d+ %\)\.$/);
    await ui.screenshotOf('explain-04-what-if-categories', 'what-if');
    expect(app.pageErrors).toEqual([]);
  });
});
