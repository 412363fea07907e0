// `predict` through the real CLI on hand-written weights files whose answers are worked out by hand.
import { mkdtemp, readFile, rm, writeFile, access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './cli-process';

const W = 'test/fixtures/weights';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-predict-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}

describe('predict: the tutorial forward passes', () => {
  // hidden: node1 = 1*x1 + 1*x2, node2 = -1*x1 + 1*x2; output = 2*node1 - 1*node2 (no bias, linear)
  it.each([
    ['2,3', 9], // node1 5, node2 1: 10 - 1
    ['3,4', 13], // node1 7, node2 1: 14 - 1
  ])('linear network: %s -> %d', async (input, expected) => {
    const r = await runCli(['predict', '--weights', `${W}/linear.json`, '--input', input, '--json']);
    expect(r.code).toBe(0);
    expect(lastJsonLine<unknown[]>(r.stdout)).toEqual([{ value: expected }]);
  });

  it('ReLU network: 3,4 -> 44 (node1 relu(6+16)=22, node2 relu(12-20)=0, output 2*22 + 7*0)', async () => {
    const r = await runCli(['predict', '--weights', `${W}/relu.json`, '--input', '3,4']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('44');
  });
});

describe('predict: preparation travels with the weights', () => {
  it('fills a missing marker, scales, one-hot encodes and unscales the output, from a CSV in any column order', async () => {
    // size: 0 means missing (fill 10); scaled (size-10)/2. color one-hot [red, green]; blue unseen = all zeros.
    // net = 1*size' + 3*red + 5*green + 0.5, price = 100 + 10*net
    //   size 12 green: 1 + 5 + 0.5 = 6.5 -> 165;  size 0 red: 0 + 3 + 0.5 = 3.5 -> 135;  size 14 blue: 2 + 0.5 -> 125
    const csv = path.join(dir, 'houses.csv');
    await writeFile(csv, 'id,color,size\n1,green,12\n2,red,0\n3,blue,14\n');
    const out = path.join(dir, 'houses-out.csv');
    const r = await runCli(['predict', '--weights', `${W}/scaled-regression.json`, '--csv', csv, '--json', '--out', out]);
    expect(r.code).toBe(0);
    expect(lastJsonLine<unknown[]>(r.stdout)).toEqual([{ value: 165 }, { value: 135 }, { value: 125 }]);
    expect(r.stderr).toMatch(/Row 3: "color": "blue" was not seen in training/);
    expect(await readFile(out, 'utf8')).toBe('id,color,size,predicted_price\n1,green,12,165\n2,red,0,135\n3,blue,14,125\n');
  });

  it('binary: the label is classes[1] from the threshold on; the probability is sigmoid(x)', async () => {
    const zero = await runCli(['predict', '--weights', `${W}/binary.json`, '--input', '0', '--json']);
    expect(lastJsonLine(zero.stdout)).toEqual([{ label: 'yes', probability: 0.5 }]);
    const minusTwo = await runCli(['predict', '--weights', `${W}/binary.json`, '--input=-2', '--json']);
    const [p] = lastJsonLine<{ label: string; probability: number }[]>(minusTwo.stdout);
    expect(p.label).toBe('no');
    expect(p.probability).toBeCloseTo(1 / (1 + Math.exp(2)), 12);
  });

  it('multiclass: softmax over [a, b, 0]; a = ln 2, b = 0 gives 2:1:1', async () => {
    const r = await runCli(['predict', '--weights', `${W}/multiclass.json`, '--input', `${Math.LN2},0`, '--json']);
    const [p] = lastJsonLine<{ label: string; probabilities: Record<string, number> }[]>(r.stdout);
    expect(p.label).toBe('cat');
    expect(p.probabilities.cat).toBeCloseTo(0.5, 12);
    expect(p.probabilities.dog).toBeCloseTo(0.25, 12);
    expect(p.probabilities.fox).toBeCloseTo(0.25, 12);
  });
});

describe('predict: bad input exits 2 with a plain message and writes nothing', () => {
  it.each([
    ['too many values', ['--weights', `${W}/linear.json`, '--input', '1,2,3'], /--input has 3 values but the model takes 2: x1, x2/],
    ['a word for a number', ['--weights', `${W}/linear.json`, '--input', '1,abc'], /"abc" for x2 \(value 2\) is not a number/],
    // Regression: 1e309 was taken as Infinity and answered NaN.
    ['a number too big', ['--weights', `${W}/linear.json`, '--input', '1,1e309'], /"1e309" for x2 \(value 2\) is a number too big to calculate with/],
    ['no weights file', ['--weights', 'nope.json', '--input', '1,2'], /--weights: There is no file at .*nope\.json\./],
    ['a CSV as weights', ['--weights', 'datasets/diabetes.csv', '--input', '1,2'], /not valid JSON/],
    ['a CSV without the inputs', ['--weights', `${W}/linear.json`, '--csv', 'datasets/diabetes.csv'], /has no column "x1", "x2", which the model needs/],
    ['both --input and --csv', ['--weights', `${W}/linear.json`, '--input', '1,2', '--csv', 'x.csv'], /one of the two/],
    ['an unknown option', ['--weights', `${W}/linear.json`, '--inputs', '1,2'], /Unknown option '--inputs'/],
  ])('%s', async (_name, args, message) => {
    const out = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
    const r = await runCli(['predict', ...(args as string[]), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(await exists(out)).toBe(false);
  });

  it('a weights file with a wrong kernel shape is refused', async () => {
    const bad = path.join(dir, 'bad-weights.json');
    const good = JSON.parse(await readFile(`${W}/linear.json`, 'utf8'));
    good.layers[1].kernel = [[2]];
    await writeFile(bad, JSON.stringify(good));
    const r = await runCli(['predict', '--weights', bad, '--input', '1,2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--weights: .*bad-weights\.json/);
  });
});
