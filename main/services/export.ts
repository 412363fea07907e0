// Writing a run's weights file (JSON) where the user chose: a .json name only, every byte checked before it replaces
// anything.

import { mustParseAsJson, writeFileVerified } from '../files/write-file';
import { writeTarget } from '../files/write-target';
import type { Run } from '../contract';
import { userError } from '../errors';

export function weightsOf(run: Run) {
  if (!run.weights) {
    throw userError('no_weights', `"${run.name}" has no trained weights (${run.status === 'failed' ? 'it failed' : 'it has not finished'}).`, {
      hint: 'Choose a run that has finished training.',
    });
  }
  return run.weights;
}

export async function exportWeights(run: Run, file: string): Promise<{ path: string; bytes: number }> {
  const weights = weightsOf(run);
  const target = await writeTarget(file, 'weights');
  const text = `${JSON.stringify(weights, null, 2)}\n`;
  await writeFileVerified(target, text, { what: 'weights file', verify: mustParseAsJson });
  return { path: target, bytes: Buffer.byteLength(text) };
}
