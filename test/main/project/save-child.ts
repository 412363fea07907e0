// Crash-test child: saves two projects alternately over one file, forever, until the parent kills it (SIGKILL).
// Usage: node --require tsx/cjs test/main/project/save-child.ts TARGET A.neuron B.neuron (or --import tsx)
// Prints "ready" once both projects are loaded, waits for "go" on stdin, then prints "saved N" after each save.

import fs from 'node:fs';
import { saveProject } from '../../../main/project/save';
import type { ProjectFile } from '../../../main/project/schema';

async function main(): Promise<void> {
  const [target, fileA, fileB] = process.argv.slice(2);
  if (!target || !fileA || !fileB) throw new Error('usage: save-child.ts TARGET A.neuron B.neuron');
  // Plain JSON.parse, not openProject: the parent has checked both, saveProject validates again, and 200 children
  // each saving ~40 ms of start-up keeps the test short. (A diverged loss reads back as null; the schema takes it.)
  const versions = [fileA, fileB].map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as ProjectFile);

  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));

  for (let n = 0; ; n++) {
    await saveProject(target, versions[n % 2]);
    process.stdout.write(`saved ${n + 1}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
