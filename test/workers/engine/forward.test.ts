// The tutorial's forward passes, worked by hand, through the network and through predict() on weights files.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Network } from '../../../workers/engine/network';
import { parseWeightsFile, predict } from '../../../workers/engine/predict';

const fixture = (name: string) => parseWeightsFile(JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8')));

// Kernel layout is [fan_in][units] (Keras): kernel[k][j] is the weight from input k to node j. The tutorial's
// node 1 has weights [1, 1] (one per input) and node 2 has [-1, 1], so kernel = [[1, -1], [1, 1]]; the output node
// weights [2, -1] become the column [[2], [-1]]. (The ReLU net's [[2, 4], [4, -5]] is symmetric, so only the linear
// net can tell the layout apart: read node by node instead, inputs 2,3 would give hidden -1, 5 and output -7.)
const linear = Network.fromLayers(2, [
  { units: 2, activation: 'linear', kernel: [[1, -1], [1, 1]] },
  { units: 1, activation: 'linear', kernel: [[2], [-1]] },
]);
const relu = Network.fromLayers(2, [
  { units: 2, activation: 'relu', kernel: [[2, 4], [4, -5]] },
  { units: 1, activation: 'linear', kernel: [[2], [7]] },
]);

describe('tutorial forward passes', () => {
  it.each([
    { net: 'linear', inputs: [2, 3], output: 9 },
    { net: 'linear', inputs: [3, 4], output: 13 },
    // node 1: 3*2 + 4*4 = 22; node 2: 3*4 + 4*(-5) = -8 -> relu 0; output 22*2 + 0*7 = 44
    { net: 'relu', inputs: [3, 4], output: 44 },
  ])('$net net on $inputs gives $output', ({ net, inputs, output }) => {
    const network = net === 'linear' ? linear : relu;
    const out = new Float64Array(1);
    network.predictInto(Float64Array.from(inputs), 1, out);
    expect(out[0]).toBe(output);
  });

  it('predictInto handles many rows across chunk boundaries', () => {
    const rows = 600;
    const x = new Float64Array(rows * 2);
    for (let r = 0; r < rows; r++) { x[2 * r] = r; x[2 * r + 1] = r + 1; }
    const out = new Float64Array(rows);
    linear.predictInto(x, rows, out);
    // hidden (2r+1, 1) -> 2(2r+1) - 1 = 4r + 1
    for (let r = 0; r < rows; r++) expect(out[r]).toBe(4 * r + 1);
  });

  it.each([
    { file: 'tutorial-linear.weights.json', rows: [[2, 3], [3, 4]], values: [9, 13] },
    { file: 'tutorial-relu.weights.json', rows: [[3, 4]], values: [44] },
  ])('predict() on $file', ({ file, rows, values }) => {
    const { predictions, warnings } = predict(fixture(file), rows);
    expect(predictions).toEqual(values.map((value) => ({ value })));
    expect(warnings).toEqual([]);
  });

  it('toLayers gives back the kernel layout it was given, bias absent when unused', () => {
    expect(linear.toLayers()).toEqual([
      { units: 2, activation: 'linear', kernel: [[1, -1], [1, 1]] },
      { units: 1, activation: 'linear', kernel: [[2], [-1]] },
    ]);
  });
});
