// Crash-test child: saves two projects alternately over one file, forever, until the parent kills it (SIGKILL).
// Usage: node --require tsx/cjs test/main/project/save-child.ts TARGET A.neuron B.neuron (or --import tsx)
// Prints "ready" once both projects are loaded, waits for "go" on stdin, then prints "saved N" after each save.

import { openProject } from '../../../main/project/open';
import { saveProject } from '../../../main/project/save';

async function main(): Promise<void> {
  const [target, fileA, fileB] = process.argv.slice(2);
  if (!target || !fileA || !fileB) throw new Error('usage: save-child.ts TARGET A.neuron B.neuron');
  const versions = [await openProject(fileA), await openProject(fileB)];

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
