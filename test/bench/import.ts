// Import benchmark (issue 3 §5): a generated 1,000,000-row × 9-column numeric CSV (~40 MB) read into typed columns
// and profiled; time and peak resident memory above the baseline, beside a peer in the same run (papaparse to row
// arrays, what a plain papaparse import does before any typing). Each side runs in its own child process so its
// baseline is clean; a worker thread samples the process's RSS while the (synchronous) import runs.
// Run alone: npx tsx test/bench/import.ts   (BENCH_NO_PEER=1 skips the peer)

import { spawn } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import Papa from 'papaparse';
import { parseCsv, profileDataset } from '../../workers/data';
import { Rng } from '../../workers/engine/rng';

interface BenchRow {
  name: string;
  ours: number;
  peer?: number;
  unit: string;
  note?: string;
}

interface ChildResult {
  /** first (cold) run, seconds */
  seconds: number;
  /** best of the warm runs, seconds */
  warmSeconds: number;
  peakAboveBaselineMB: number;
  rows: number;
  fileMB: number;
}

const ROWS = 1_000_000;
const COLUMNS = 9;
const NUMERIC_MB = (ROWS * COLUMNS * 8) / 1e6; // 72 MB as Float64

/** A Pima-like table: whole numbers and decimals with 2-4 places, a 0/1 label; seeded, so every run reads the same bytes. */
export function generateCsv(rows = ROWS): Uint8Array {
  const rng = new Rng(42);
  const parts: string[] = ['Pregnancies,Glucose,BloodPressure,SkinThickness,Insulin,BMI,DiabetesPedigreeFunction,Age,Outcome\n'];
  for (let i = 0; i < rows; i++) {
    parts.push(
      `${rng.int(18)},${(40 + rng.next() * 160).toFixed(2)},${(24 + rng.next() * 98).toFixed(1)},${rng.int(100)},${rng.int(847)},` +
        `${(18 + rng.next() * 49).toFixed(2)},${(0.078 + rng.next() * 2.3).toFixed(4)},${21 + rng.int(61)},${rng.next() < 0.35 ? 1 : 0}\n`,
    );
  }
  return new TextEncoder().encode(parts.join(''));
}

/** Samples this process's resident memory every 2 ms from a worker thread (the import blocks the main thread). */
function startRssSampler(): { stop(): Promise<number> } {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = 0, running = true;
     parentPort.on('message', () => { running = false; parentPort.postMessage(peak); });
     (function sample() { if (!running) return; peak = Math.max(peak, process.memoryUsage.rss()); setTimeout(sample, 2); })();`,
    { eval: true },
  );
  return {
    stop: () =>
      new Promise<number>((resolve) => {
        worker.once('message', (peak: number) => {
          void worker.terminate();
          resolve(peak);
        });
        worker.postMessage('stop');
      }),
  };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Runs in the child: generate, settle, then import once while sampling RSS, then a few warm runs for time. */
async function child(which: 'ours' | 'papaparse'): Promise<ChildResult> {
  const bytes = generateCsv();
  const run =
    which === 'ours'
      ? () => {
          const dataset = parseCsv(bytes, 'generated.csv');
          profileDataset(dataset);
          return dataset.rowCount;
        }
      : () => {
          const text = new TextDecoder().decode(bytes);
          const result = Papa.parse<string[]>(text, { skipEmptyLines: true });
          return result.data.length - 1;
        };
  const sampler = startRssSampler();
  await settle();
  await new Promise((r) => setTimeout(r, 50)); // let the sampler see the baseline
  const baseline = process.memoryUsage.rss();
  const started = performance.now();
  let rows = run();
  const seconds = (performance.now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 10));
  const peak = await sampler.stop();
  let warmSeconds = Infinity;
  for (let k = 0; k < 2; k++) {
    await settle();
    const t = performance.now();
    rows = run();
    warmSeconds = Math.min(warmSeconds, (performance.now() - t) / 1000);
  }
  return { seconds, warmSeconds, peakAboveBaselineMB: (peak - baseline) / 1e6, rows, fileMB: bytes.length / 1e6 };
}

function runChild(which: 'ours' | 'papaparse'): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', __filename, '--child', which], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`import bench child (${which}) exited ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1) as string) as ChildResult);
    });
  });
}

export async function benchImport(): Promise<BenchRow[]> {
  const ours = await runChild('ours');
  const peer = process.env.BENCH_NO_PEER ? undefined : await runChild('papaparse');
  const size = `${ours.rows.toLocaleString('en')} rows × ${COLUMNS} columns, ${ours.fileMB.toFixed(1)} MB`;
  return [
    {
      name: 'import: parse + profile a 1M × 9 numeric CSV (first run)',
      ours: ours.seconds,
      peer: peer?.seconds,
      unit: 's',
      note:
        `${size}; target ≤ 1.5 s. Warm runs: ours ${ours.warmSeconds.toFixed(3)} s` +
        (peer ? `, papaparse ${peer.warmSeconds.toFixed(3)} s` : '') +
        '. Peer: papaparse to row arrays of strings (no numbers, no profile).',
    },
    {
      name: 'import: peak memory above baseline',
      ours: ours.peakAboveBaselineMB,
      peer: peer?.peakAboveBaselineMB,
      unit: 'MB',
      note: `target ≤ ${4 * NUMERIC_MB} MB (4 × the ${NUMERIC_MB} MB of numbers as Float64); lower is better.`,
    },
  ];
}

if (require.main === module) {
  const at = process.argv.indexOf('--child');
  if (at !== -1) {
    child(process.argv[at + 1] as 'ours' | 'papaparse').then(
      (result) => console.log(JSON.stringify(result)),
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  } else {
    benchImport().then(
      (rows) => {
        for (const r of rows) {
          const peer = r.peer === undefined ? '' : `  (papaparse: ${r.peer.toFixed(3)} ${r.unit})`;
          console.log(`${r.name}: ${r.ours.toFixed(3)} ${r.unit}${peer}${r.note ? `\n  ${r.note}` : ''}`);
        }
      },
      (error: unknown) => {
        console.error(error);
        process.exitCode = 1;
      },
    );
  }
}
