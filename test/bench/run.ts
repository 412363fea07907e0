// `npm run bench`: every figure of the engine and import benchmarks (ours, the peer's, the ratio) in one table,
// plus the time of the CLI's default run (`npm run train` with no options) from start to exit, then the quality
// section (cross-validated scores against scikit-learn's, the folds' speed-up on two threads) in a table of its own.
// Set BENCH_NO_PEER=1 to skip the peers (TensorFlow.js, papaparse) when only our own figures are wanted.

import { spawn } from 'node:child_process';
import path from 'node:path';

interface BenchRow {
  name: string;
  ours: number;
  peer?: number;
  unit: string;
  note?: string;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** A bench module that may not exist yet: its rows, or a note saying why it was skipped. */
async function runBench(file: string, exportName: string): Promise<{ rows: BenchRow[]; skipped?: string }> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(file)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') return { rows: [], skipped: `${file}.ts does not exist yet` };
    throw error;
  }
  const bench = mod[exportName];
  if (typeof bench !== 'function') return { rows: [], skipped: `${file}.ts has no ${exportName}()` };
  return { rows: (await (bench as () => Promise<BenchRow[]>)()) ?? [] };
}

/** The CLI's default run as a user starts it: node + tsx start-up, import, pool start, 150 epochs, exit. */
function timeDefaultCliRun(): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli.ts', 'train', '--json'], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`npm run train exited ${code}: ${stderr}`));
      const json = JSON.parse(stdout.trim().split('\n').at(-1) as string) as {
        importSeconds: number;
        trainSeconds: number;
        evaluation: { accuracy: number };
      };
      resolve([
        {
          name: 'CLI default run (npm run train, no options), start to exit',
          ours: wall,
          unit: 's',
          note: `import ${json.importSeconds.toFixed(3)} s, training loop ${json.trainSeconds.toFixed(3)} s in a pool worker, ` +
            `accuracy ${(json.evaluation.accuracy * 100).toFixed(2)}%; the rest is Node, tsx and worker start-up`,
        },
        { name: 'CLI default run: training loop in the worker', ours: json.trainSeconds, unit: 's' },
      ]);
    });
  });
}

// Times and memory: less is better; rates (rows/s, MB/s): more is better.
const lowerIsBetter = (unit: string) => ['s', 'ms', 'MB', 'KB', 'bytes'].includes(unit);

function format(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '-';
  if (unit === 'accuracy') return value.toFixed(3);
  if (unit === 's') return `${value.toFixed(3)} s`;
  if (unit === 'ms') return `${value.toFixed(1)} ms`;
  if (unit === '%' || unit === 'points') return `${value.toFixed(1)} ${unit}`;
  return `${Math.round(value).toLocaleString('en')} ${unit}`;
}

function ratio(row: BenchRow): string {
  if (row.peer === undefined || !(row.ours > 0) || !(row.peer > 0)) return '-';
  const r = lowerIsBetter(row.unit) ? row.peer / row.ours : row.ours / row.peer;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}x ${r >= 1 ? 'better' : 'worse'}`;
}

function printTable(rows: BenchRow[]): void {
  const cells = rows.map((r) => [r.name, format(r.ours, r.unit), format(r.peer, r.unit), ratio(r)]);
  const header = ['figure', 'ours', 'peer', 'ratio (ours vs peer)'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of cells) console.log(line(c));
  const notes = rows.filter((r) => r.note);
  if (notes.length > 0) {
    console.log('');
    for (const r of notes) console.log(`- ${r.name}: ${r.note}`);
  }
}

async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  const skipped: string[] = [];
  for (const [file, name] of [['./engine', 'benchEngine'], ['./import', 'benchImport'], ['./search', 'benchSearch']] as const) {
    console.error(`running ${name}()...`);
    const result = await runBench(file, name);
    rows.push(...result.rows);
    if (result.skipped) skipped.push(result.skipped);
  }
  console.error('timing the CLI default run...');
  rows.push(...(await timeDefaultCliRun()));
  const quality: BenchRow[] = [];
  for (const [file, name] of [['./quality', 'benchQuality']] as const) {
    console.error(`running ${name}()...`);
    const result = await runBench(file, name);
    quality.push(...result.rows);
    if (result.skipped) skipped.push(result.skipped);
  }
  console.log('');
  printTable(rows);
  if (quality.length > 0) {
    console.log('\nquality');
    printTable(quality);
  }
  for (const note of skipped) console.log(`(skipped: ${note})`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 1;
});
