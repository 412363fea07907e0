// The forward pass as the Use screen shows it, on the tutorial's hand-worked networks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAnswer, traceForward, unscaledOutput } from '../../renderer/src/lib/forward-trace';
import { predict } from '../../workers/engine/predict';
import type { WeightsFile } from '../../workers/engine/weights-file';

function tutorialNetwork(activation: 'linear' | 'relu', hidden: number[][], out: number[][]): WeightsFile {
  return {
    format: 'neuron-studio.weights',
    version: 1,
    task: 'regression',
    inputs: [{ name: 'a', kind: 'numeric' }, { name: 'b', kind: 'numeric' }],
    layers: [
      { units: 2, activation, kernel: hidden },
      { units: 1, activation: 'linear', kernel: out },
    ],
    output: { name: 'y' },
  };
}

describe('forward trace', () => {
  // hidden node weights [1, 1] and [-1, 1]; kernel is [fan_in][units]
  const linear = tutorialNetwork('linear', [[1, -1], [1, 1]], [[2], [-1]]);

  it('inputs 2, 3 give hidden sums 5 and 1 and output 9', () => {
    const t = traceForward(linear, { a: 2, b: 3 });
    expect(t.layers[0]!.units.map((u) => u.sum)).toEqual([5, 1]);
    expect(t.layers[0]!.units[0]!.products).toEqual([2, 3]);
    expect(t.layers[0]!.units[1]!.products).toEqual([-2, 3]);
    expect(t.layers[0]!.units[1]!.weights).toEqual([-1, 1]);
    expect(t.outputs).toEqual([9]);
  });

  it('inputs 3, 4 give 13', () => {
    expect(traceForward(linear, { a: '3', b: '4' }).outputs).toEqual([13]);
  });

  it('the ReLU network (weights [2, 4], [4, -5], output [2, 7]) gives 44 on 3, 4', () => {
    const relu = tutorialNetwork('relu', [[2, 4], [4, -5]], [[2], [7]]);
    const t = traceForward(relu, { a: 3, b: 4 });
    expect(t.layers[0]!.units.map((u) => u.sum)).toEqual([22, -8]);
    expect(t.layers[0]!.units.map((u) => u.output)).toEqual([22, 0]);
    expect(t.outputs).toEqual([44]);
  });

  it('fills a missing value, scales, and one-hot encodes categories as the weights file says', () => {
    const w: WeightsFile = {
      format: 'neuron-studio.weights',
      version: 1,
      task: 'binary',
      inputs: [
        { name: 'Insulin', kind: 'numeric', missing: { values: [0], fill: 100 }, scale: { kind: 'standard', mean: 80, std: 10 } },
        { name: 'Sex', kind: 'categorical', categories: ['F', 'M'] },
      ],
      layers: [{ units: 1, activation: 'sigmoid', kernel: [[1], [0], [0]], bias: [-2] }],
      output: { name: 'Outcome', classes: ['no', 'yes'], threshold: 0.5 },
    };
    const t = traceForward(w, { Insulin: 0, Sex: 'M' });
    // 0 means missing → 100 → (100 - 80) / 10 = 2; sum 2 - 2 = 0; sigmoid(0) = 0.5
    expect(t.inputs.map((i) => i.value)).toEqual([2, 0, 1]);
    expect(t.inputs.map((i) => i.label)).toEqual(['Insulin', 'Sex = F', 'Sex = M']);
    expect(t.inputs[0]!.filled).toBe(true);
    expect(traceForward(w, { Insulin: 90, Sex: 'F' }).inputs[0]!.filled).toBeUndefined();
    expect(t.outputs[0]).toBe(0.5);
    expect(readAnswer(w, t.outputs)).toEqual({ probability: 0.5, label: 'yes' });
    expect(readAnswer(w, t.outputs, 0.6).label).toBe('no');
    const unseen = traceForward(w, { Insulin: 90, Sex: 'X' });
    expect(unseen.warnings).toHaveLength(1);
    expect(unseen.inputs.slice(1).map((i) => i.value)).toEqual([0, 0]);
  });

  it('turns a regression output back into the target units', () => {
    const w = { ...linear, output: { name: 'y', scale: { kind: 'standard' as const, mean: 10, std: 2 } } };
    expect(readAnswer(w, [1.5]).value).toBe(13);
  });

  // regression: the trace read "3,5" as 3.5 where predictions treat it as missing, so the Use screen's two answers differed
  it.each(['3,5', '', 'NA', '7', 7, null])('gives the same answer as the engine\'s predictions for %j', (cell) => {
    const w: WeightsFile = {
      format: 'neuron-studio.weights',
      version: 1,
      task: 'binary',
      inputs: [{ name: 'x', kind: 'numeric', missing: { values: [], fill: 1 }, scale: { kind: 'standard', mean: 2, std: 0.5 } }],
      layers: [{ units: 1, activation: 'sigmoid', kernel: [[0.8]], bias: [-0.3] }],
      output: { name: 'y', classes: ['no', 'yes'] },
    };
    const trace = traceForward(w, { x: cell });
    const engine = predict(w, [[cell]]);
    expect(trace.outputs[0]).toBe((engine.predictions[0] as { probability: number }).probability);
    expect(trace.warnings).toEqual(engine.warnings.map((warning) => warning.replace(/^Row 1: /, '')));
  });
});

describe("the maths ends in the target's units", () => {
  it('turns a standardised regression output back: × the spread + the mean, the answer predictions give', () => {
    // bug guarded: the forward pass ended at "linear: 6.5" while the answer shown was 165
    const w = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/weights/scaled-regression.json'), 'utf8')) as WeightsFile;
    // size 12 → (12 − 10) / 2 = 1; green → 5; + 0.5 = 6.5 → 6.5 × 10 + 100 = 165
    const trace = traceForward(w, { size: 12, color: 'green' });
    expect(trace.outputs).toEqual([6.5]);
    expect(unscaledOutput(w, trace.outputs)).toEqual({ raw: 6.5, std: 10, mean: 100, value: 165, name: 'price' });
    expect(unscaledOutput(w, trace.outputs)!.value).toBe((predict(w, [[12, 'green']]).predictions[0] as { value: number }).value);
  });

  it('has no such step for a yes/no model, or a regression learned in its own units', () => {
    const w = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/weights/scaled-regression.json'), 'utf8')) as WeightsFile;
    const { scale: _scale, ...unscaledTarget } = w.output;
    expect(unscaledOutput({ ...w, output: unscaledTarget }, [6.5])).toBeNull();
    expect(unscaledOutput({ ...w, task: 'binary' }, [0.4])).toBeNull();
  });
});
