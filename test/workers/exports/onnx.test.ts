// The ONNX export, loaded and run by onnxruntime-node on raw rows: its answers equal predict()'s for every model
// and both precisions, a missing value answers as its fill, and a number 32 bits cannot hold is refused by name.
import type * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportRefusal } from '../../../workers/exports/formats';
import { onnxModel } from '../../../workers/exports/onnx';
import { predict, type Prediction } from '../../../workers/engine/predict';
import type { RawRow } from '../../../workers/engine/explain';
import type { WeightsFile } from '../../../workers/engine/weights-file';
import { diabetesModel, exportModels, rawRowsFor } from './models';
import { runExported } from './onnx-feeds';

const TOLERANCE = { 32: 1e-5, 64: 1e-6 } as const;
const cases = exportModels().flatMap(({ name, weights }) => ([32, 64] as const).map((precision) => ({ name, weights, precision })));
const largest: string[] = [];

/**
 * The largest difference between the exported model's numbers and predict()'s: probabilities as they are, a
 * regression's value relative to its output scale's std (the network's own units, where float32's rounding lives).
 */
function largestDifference(weights: WeightsFile, ours: Prediction[], theirs: Record<string, ort.Tensor>): number {
  const unit = weights.output.scale?.std ?? 1;
  let worst = 0;
  ours.forEach((p, r) => {
    const differences = 'value' in p ? [(p.value - Number(theirs.value.data[r])) / unit]
      : 'probability' in p ? [p.probability - Number(theirs.probability.data[r])]
        : Object.values(p.probabilities).map((q, j, all) => q - Number(theirs.probabilities.data[r * all.length + j]));
    for (const d of differences) worst = Math.max(worst, Number.isNaN(d) ? Infinity : Math.abs(d));
  });
  return worst;
}

/** Rows whose label rounding could flip (a probability within the tolerance of the threshold, or of the runner-up). */
function tooCloseToCall(weights: WeightsFile, p: Prediction, tolerance: number): boolean {
  if ('probability' in p) return Math.abs(p.probability - (weights.output.threshold ?? 0.5)) <= tolerance;
  if (!('probabilities' in p)) return false;
  const [first, second] = Object.values(p.probabilities).sort((a, b) => b - a);
  return first - second <= tolerance;
}

describe('the ONNX export answers as predict() does, in onnxruntime', () => {
  it.each(cases)('$name, $precision bits', async ({ name, weights, precision }) => {
    const rows = rawRowsFor(weights, 500, 13);
    const { predictions } = predict(weights, rows);
    const theirs = await runExported(onnxModel(weights, { precision }), weights, rows, precision);
    const difference = largestDifference(weights, predictions, theirs);
    largest.push(`${name}, ${precision} bits: ${difference.toExponential(2)}`);
    expect(difference).toBeLessThanOrEqual(TOLERANCE[precision]);
    if (weights.task === 'regression') return;
    const compared = predictions.filter((p) => !tooCloseToCall(weights, p, TOLERANCE[precision]));
    expect(compared.length).toBeGreaterThan(490);
    predictions.forEach((p, r) => {
      if (!tooCloseToCall(weights, p, TOLERANCE[precision])) expect([r, theirs.label.data[r]]).toEqual([r, (p as { label: string }).label]);
    });
  });

  // the example models mostly answer one class (hidden sigmoid always "1", the multi-class one never "dog"); these
  // variants make every class the answer of many rows, so each label the graph can give is compared
  it.each(exportModels().filter((m) => m.weights.task !== 'regression'))('every class of $name is answered and named as predict() names it', async ({ weights }) => {
    const rows = rawRowsFor(weights, 500, 13);
    const answered = new Set<string>();
    for (const variant of everyClassAnswered(weights, rows)) {
      const { predictions } = predict(variant, rows);
      const theirs = await runExported(onnxModel(variant, { precision: 32 }), variant, rows, 32);
      predictions.forEach((p, r) => {
        if (tooCloseToCall(variant, p, TOLERANCE[32])) return;
        const label = (p as { label: string }).label;
        expect([r, theirs.label.data[r]]).toEqual([r, label]);
        answered.add(label);
      });
    }
    expect([...answered].sort()).toEqual([...weights.output.classes!].sort());
  });

  afterAll(() => {
    console.log(`Largest difference from predict() (probabilities; a value relative to its output std):\n  ${largest.join('\n  ')}`);
  });
});

/** Variants of a classifier between which every class is the answer for some rows: a yes/no model at the threshold
 * of its median probability; a multi-class model with its output units rotated, so each class takes each role. */
function everyClassAnswered(weights: WeightsFile, rows: RawRow[]): WeightsFile[] {
  if (weights.task === 'binary') {
    const chances = predict(weights, rows).predictions.map((p) => (p as { probability: number }).probability).sort((a, b) => a - b);
    return [{ ...weights, output: { ...weights.output, threshold: chances[rows.length >> 1] } }];
  }
  const last = weights.layers.length - 1, units = weights.layers[last].units;
  const rotate = <T>(list: T[], by: number) => list.map((_, j) => list[(j + by) % units]);
  return Array.from({ length: units }, (_, by) => {
    const { kernel, bias } = weights.layers[last];
    const layer = { ...weights.layers[last], kernel: kernel.map((row) => rotate(row, by)), ...(bias ? { bias: rotate(bias, by) } : {}) };
    return { ...weights, layers: [...weights.layers.slice(0, last), layer] };
  });
}

describe('the missing values in the graph', () => {
  const row = (glucose: number | null) => [6, glucose, 72, 35, 0, 33.6, 0.627, 50];

  // regression: a Glucose of 0 ("not measured" in Pima) must answer as the fill 117, not as a glucose of 0
  it.each([32, 64] as const)('Glucose 0, empty and infinite answer as 117 does (%i bits)', async (precision) => {
    const weights = diabetesModel();
    const glucose = [117, 0, null, Infinity, -Infinity, ...(precision === 64 ? [1e200] : [])];
    const out = await runExported(onnxModel(weights, { precision }), weights, glucose.map(row), precision);
    const answers = [...out.probability.data as Float32Array | Float64Array];
    expect(answers).toEqual(glucose.map(() => answers[0]));
    const filled = predict(weights, [row(117)]).predictions[0] as { probability: number };
    expect(Math.abs(answers[0] - filled.probability)).toBeLessThanOrEqual(TOLERANCE[precision]);
    // the fill matters for this row: unfilled, a glucose of 0 answers otherwise
    const withoutFill = { ...weights, inputs: weights.inputs.map((i) => (i.name === 'Glucose' ? { ...i, missing: undefined } : i)) };
    expect(Math.abs((predict(withoutFill, [row(0)]).predictions[0] as { probability: number }).probability - filled.probability)).toBeGreaterThan(0.01);
  });
});

describe('numbers beyond 32 bits', () => {
  const huge = (change: (w: WeightsFile) => void) => {
    const weights = diabetesModel();
    change(weights);
    return weights;
  };

  it('refuses a weight of 1e39 at 32 bits, naming the layer and the weight, and says to export in 64 bits', () => {
    const weights = huge((w) => { w.layers[0].kernel[2][1] = 1e39; });
    const refusal = (() => { try { onnxModel(weights, { precision: 32 }); } catch (e) { return e; } })();
    expect(refusal).toBeInstanceOf(ExportRefusal);
    expect((refusal as ExportRefusal).message).toBe(
      'ONNX stores numbers in 32 bits, and layer 1\'s weight from input 3 to unit 2 (1e+39) is beyond the largest such number (about 3.4e38): it would become infinite and the exported model would answer differently. Nothing was written.');
    expect((refusal as ExportRefusal).hint).toMatch(/export the ONNX model in 64-bit precision/);
  });

  it('refuses a fill of 1e39 at 32 bits, naming the input', () => {
    const weights = huge((w) => { const g = w.inputs[1]; if (g.kind === 'numeric') g.missing = { values: [0], fill: 1e39 }; });
    expect(() => onnxModel(weights, { precision: 32 })).toThrow(/input "Glucose"'s fill for missing values \(1e\+39\) is beyond the largest such number/);
  });

  it('exports the weight of 1e39 at 64 bits, answering as predict() does', async () => {
    const weights = huge((w) => { w.layers[0].kernel[2][1] = 1e39; });
    const rows = rawRowsFor(weights, 100, 5);
    const out = await runExported(onnxModel(weights, { precision: 64 }), weights, rows, 64);
    expect(largestDifference(weights, predict(weights, rows).predictions, out)).toBeLessThanOrEqual(TOLERANCE[64]);
  });
});

describe('the names of the graph', () => {
  const renamed = (from: string, to: string) => {
    const weights = diabetesModel();
    weights.inputs = weights.inputs.map((i) => (i.name === from ? { ...i, name: to } : i));
    return weights;
  };

  // regression: a column named as a tensor the graph makes for an earlier column ("Glucose filled") took its name
  it.each([32, 64] as const)('a column named "Glucose filled" is its own input (%i bits)', async (precision) => {
    const weights = renamed('BMI', 'Glucose filled');
    const rows = rawRowsFor(weights, 100, 3);
    const out = await runExported(onnxModel(weights, { precision }), weights, rows, precision);
    expect(largestDifference(weights, predict(weights, rows).predictions, out)).toBeLessThanOrEqual(TOLERANCE[precision]);
  });

  it('refuses a column named as an output, saying what to rename', () => {
    const refusal = (() => { try { onnxModel(renamed('Age', 'label'), { precision: 32 }); } catch (e) { return e as ExportRefusal; } })();
    expect(refusal).toBeInstanceOf(ExportRefusal);
    expect(refusal!.message).toBe('The ONNX model\'s answers are named "probability" and "label", and the input column "label" has one of these names: a model cannot have an input and an output of the same name. Nothing was written.');
    expect(refusal!.hint).toBe('Rename the column "label" in the table and train again, or export the weights as JSON.');
  });
});
