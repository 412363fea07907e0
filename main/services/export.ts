// Writing a run's weights file (JSON) where the user chose, atomically.

import { writeAtomic } from '../project/atomic-write';
import type { Run } from '../contract';
import { userError } from '../transport/errors';
import path from 'node:path';
import { promises as fs } from 'node:fs';

export function weightsOf(run: Run) {
  if (!run.weights) {
    throw userError('no_weights', `"${run.name}" has no trained weights (${run.status === 'failed' ? 'it failed' : 'it has not finished'}).`, {
      hint: 'Choose a run that has finished training.',
    });
  }
  return run.weights;
}

/** Checks that the folder exists, so the message names the folder rather than a temp file. */
export async function checkFolder(file: string): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  const stat = await fs.stat(folder).catch(() => null);
  if (!stat?.isDirectory()) {
    throw userError('io', `The folder ${folder} does not exist.`, { file, hint: 'Choose a folder that exists.' });
  }
}

export async function exportWeights(run: Run, file: string): Promise<{ path: string; bytes: number }> {
  const weights = weightsOf(run);
  const full = path.resolve(file);
  await checkFolder(full);
  const text = `${JSON.stringify(weights, null, 2)}\n`;
  await writeAtomic(full, text);
  return { path: full, bytes: Buffer.byteLength(text) };
}
