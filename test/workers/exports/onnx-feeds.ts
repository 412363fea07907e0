// Raw rows as onnxruntime tensors, the way a user of the exported model passes them: one [N, 1] tensor per input,
// numbers as float32 or float64 (missing: NaN), categories as text (missing: '').
import * as ort from 'onnxruntime-node';
import type { RawRow } from '../../../workers/engine/explain';
import { cellNumber, type WeightsFile } from '../../../workers/engine/weights-file';

export function rawFeeds(weights: WeightsFile, rows: RawRow[], precision: 32 | 64): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  weights.inputs.forEach((input, i) => {
    const column = rows.map((row) => row[i]);
    feeds[input.name] = input.kind === 'numeric'
      ? new ort.Tensor(precision === 32 ? 'float32' : 'float64', (precision === 32 ? Float32Array : Float64Array).from(column.map(cellNumber)), [rows.length, 1])
      : new ort.Tensor('string', column.map((v) => (v === null ? '' : String(v))), [rows.length, 1]);
  });
  return feeds;
}

/** The exported model's answers for raw rows, by output name. */
export async function runExported(bytes: Uint8Array, weights: WeightsFile, rows: RawRow[], precision: 32 | 64): Promise<Record<string, ort.Tensor>> {
  const session = await ort.InferenceSession.create(bytes);
  return session.run(rawFeeds(weights, rows, precision));
}
