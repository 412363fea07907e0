// The corpus of bad inputs (test/fixtures/bad-inputs/manifest.ts), one table run two ways: through the CLI (its entry
// in this process, or a process of its own where the case gives a peak memory to measure; several at once), and
// through the app's services over the in-memory transport (one core, as browser mode and the desktop use it).
// Every input ends in its stated exit code or answer and words, never a crash, a stack trace or a changed file.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeneratedInputs } from '../fixtures/bad-inputs/generated';
import {
  csvCases, projectCases, TEST_PROCESS_PEAK_MB, type AppOutcome, type CliOutcome,
} from '../fixtures/bad-inputs/manifest';
import { startHarness, tempDir, type Harness } from './api/harness';
import { ROOT, runCli, runCliHere, type CliResult } from './cli-process';

const generated = tempDir('ns-bad-inputs-');
const where = (file: string) =>
  file.startsWith('generated/') ? path.join(generated, file.slice('generated/'.length)) : path.join(ROOT, file);

beforeAll(async () => {
  await writeGeneratedInputs(generated);
}, 120_000);
/** command and file -> peak memory of its process, MB, printed at the end */
const peaks: string[] = [];

afterAll(() => {
  fs.rmSync(generated, { recursive: true, force: true });
  console.log(`peak memory of the CLI processes (maxRSS, MB):\n${peaks.sort().join('\n')}`);
  // The in-process cases (CLI and app) all ran here: the worst of them stayed within the stated limit.
  expect(Math.round(process.resourceUsage().maxRSS / 1024)).toBeLessThan(TEST_PROCESS_PEAK_MB);
});

function fingerprint(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** In its own process when a peak memory is stated (then measured), else the CLI's entry in this one. */
function cli(args: string[], peakMB: number | undefined): Promise<CliResult> {
  return peakMB === undefined ? runCliHere(args) : runCli(args, { peakMemory: true });
}

function expectCli(result: CliResult, given: string, expected: CliOutcome, peakMB: number | undefined, command: string): void {
  // The CLI names a file as it was given; the manifest's words name it alone, as the app does.
  const words = (result.code === 0 ? result.stdout : result.stderr).split(`${path.dirname(given)}/`).join('');
  expect(result.code, words).toBe(expected.exit);
  for (const fragment of expected.says) expect(words).toContain(fragment);
  expect(result.stderr).not.toMatch(/\n\s+at |Something went wrong inside|undefined|\[object/);
  if (peakMB !== undefined) {
    peaks.push(`${command} ${path.basename(given)}: ${result.peakMB} (limit ${peakMB})`);
    expect(result.peakMB, 'the process reported its peak memory').toBeGreaterThan(0);
    expect(result.peakMB!, 'peak memory, MB').toBeLessThan(peakMB);
  }
}

const numbered = <T>(cases: T[]) => cases.map((c, i) => ({ ...c, n: i + 1 }));
const withLabel = (cases: typeof csvCases) => numbered(cases.map((c) => ({ ...c, label: c.label ?? 'Outcome' })));

describe.concurrent('through the CLI', () => {
  it.each(withLabel(csvCases))('CSV $n: train --csv $file --label $label', async (c) => {
    const file = where(c.file);
    const before = fingerprint(file);
    const r = await cli(['train', '--csv', file, '--label', c.label, '--epochs', '1'], c.peakMB);
    expectCli(r, file, c.cli, c.peakMB, 'train --csv');
    expect(fingerprint(file)).toBe(before);
  });

  it.each(numbered(projectCases))('project $n: predict --project $file', async (c) => {
    const file = where(c.file);
    const before = fingerprint(file);
    const r = await cli(['predict', '--project', file, '--input', '148,33.6'], c.peakMB);
    expectCli(r, file, c.cli, c.peakMB, 'predict --project');
    expect(fingerprint(file)).toBe(before);
  });

  it.each(projectCases.filter((c) => c.saveOver))('train --save over a copy of $file: refused before training', async (c) => {
    const dir = tempDir('ns-save-over-');
    const copy = path.join(dir, path.basename(c.file));
    fs.copyFileSync(where(c.file), copy);
    const before = fingerprint(copy);
    try {
      const r = await runCli(['train', '--epochs', '1', '--save', copy], { peakMemory: true });
      expectCli(r, copy, c.saveOver!, c.saveOver!.peakMB, 'train --save over');
      expect(r.stdout).not.toContain('Epoch 1');
      expect(fingerprint(copy)).toBe(before);
      expect(fs.readdirSync(dir)).toEqual([path.basename(copy)]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('through the app', () => {
  let h: Harness;
  beforeAll(() => {
    h = startHarness();
  });
  afterAll(async () => {
    await h.close();
    expect(h.logged, 'no input made an internal error').toEqual([]);
  });

  async function expectAnswer(request: Promise<{ rows?: number; dataset?: { rows: number } | null }>, expected: AppOutcome) {
    const got = await request.then(
      (result) => ({ code: 'ok', message: '', rows: result.rows ?? result.dataset?.rows }),
      // what the person reads: the message, then "What to do:" and the hint
      (error: { code: string; message: string; hint?: string }) => ({
        code: error.code,
        message: [error.message, error.hint].filter(Boolean).join(' '),
        rows: undefined,
      }),
    );
    expect(got.code, got.message).toBe(expected.code);
    for (const fragment of expected.says) expect(got.message).toContain(fragment);
    if (expected.rows !== undefined) expect(got.rows).toBe(expected.rows);
    expect(got.message).not.toMatch(/\bat .*:\d+:\d+|undefined|\[object/);
  }

  it.each(numbered(csvCases))('CSV $n: dataset.import $file', async (c) => {
    const file = where(c.file);
    const before = fingerprint(file);
    await expectAnswer(h.api.dataset.import({ path: file }), c.app);
    expect(fingerprint(file)).toBe(before);
  });

  it.each(numbered(projectCases))('project $n: project.open $file', async (c) => {
    const file = where(c.file);
    const before = fingerprint(file);
    await expectAnswer(h.api.project.open({ path: file }), c.app);
    expect(fingerprint(file)).toBe(before);
  });
});
