// Runs the real CLI in a child process, as a user would: `node --import tsx main/cli.ts ...` from the repository root.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** with `peakMemory`: the child's peak resident memory (maxRSS), in MB */
  peakMB?: number;
}

export function runCli(args: string[], options: { timeoutMs?: number; peakMemory?: boolean; env?: Record<string, string> } = {}): Promise<CliResult> {
  const memoryDir = options.peakMemory ? mkdtempSync(path.join(os.tmpdir(), 'neuron-peak-')) : null;
  const memoryFile = memoryDir ? path.join(memoryDir, 'max-rss-kb') : '';
  const preload = memoryDir ? ['--require', path.join(ROOT, 'test/main/report-peak-memory.cjs')] : [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...preload, 'main/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, NEURON_DEBUG: '', NEURON_PEAK_MEMORY_FILE: memoryFile, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const result: CliResult = { code, stdout, stderr };
      if (memoryDir) {
        try {
          result.peakMB = Math.round(Number(readFileSync(memoryFile, 'utf8')) / 1024);
        } catch {
          // killed before it could say: peakMB stays unknown, and a test asking for it fails
        }
        rmSync(memoryDir, { recursive: true, force: true });
      }
      resolve(result);
    });
  });
}

/**
 * The CLI's entry, runCli (all that main/cli.ts calls besides setting the exit code), in this process with its words
 * captured: the same code, exit code and messages as a child process, without node's and tsx's start-up.
 */
export async function runCliHere(args: string[]): Promise<CliResult> {
  const { runCli: entry } = await import('../../main/cli/run');
  const out: string[] = [];
  const err: string[] = [];
  const code = await entry(args, { out: (line) => out.push(`${line}\n`), err: (line) => err.push(`${line}\n`) });
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** The last non-empty line of the output, parsed as JSON (the --json line). */
export function lastJsonLine<T = Record<string, unknown>>(stdout: string): T {
  const lines = stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}
