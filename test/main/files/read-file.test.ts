// The one reader on what is not a table: /dev/zero, a pipe (FIFO), a folder, a file over the size limit. Through the
// reader, the real CLI (its peak memory measured) and the app's services: a sentence at once, never a hang or gigabytes.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../main/contract';
import { FileError } from '../../../main/files/file-error';
import { READ_LIMITS, readFileBounded } from '../../../main/files/read-file';
import { openProject } from '../../../main/project/open';
import { useHarness } from '../api/harness';
import { runCli } from '../cli-process';

const onLinux = process.platform === 'linux';
let dir = '';
let fifo = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-reader-'));
  fifo = path.join(dir, 'pipe.csv');
  if (onLinux) execFileSync('mkfifo', [fifo]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refusal(work: Promise<unknown>): Promise<FileError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error, 'the read should have been refused').toBeInstanceOf(FileError);
  return error as FileError;
}

describe.skipIf(!onLinux)('the reader', () => {
  it('refuses a device and a pipe at once, saying what they are', async () => {
    const zero = await refusal(readFileBounded('/dev/zero', 'table'));
    expect(zero.code).toBe('not_a_file');
    expect(zero.message).toBe('/dev/zero is a device, not a file on disk, so it was not read.');
    expect(zero.hint).toBe('Choose a file saved on disk.');
    const pipe = await refusal(readFileBounded(fifo, 'table'));
    expect(pipe.message).toBe(`${fifo} is a pipe, not a file on disk, so it was not read.`);
    expect((await refusal(readFileBounded(dir, 'table'))).message).toBe(`${dir} is a folder, not a file.`);
  });

  it('states the limit of each kind of file, without reading the file', async () => {
    const huge = path.join(dir, 'huge.csv');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, READ_LIMITS.table.bytes + 1); // sparse: no disk space used
    const table = await refusal(readFileBounded(huge, 'table'));
    expect(table.code).toBe('too_large');
    expect(table.message).toBe(`${huge} is larger than 2 GB, the most Neuron Studio reads for a table.`);
    expect(table.hint).toBe('Use a smaller file: a sample of the rows, or fewer columns.');

    const project = path.join(dir, 'huge.neuron');
    fs.writeFileSync(project, '');
    fs.truncateSync(project, READ_LIMITS.project.bytes + 1);
    await expect(openProject(project)).rejects.toMatchObject({
      code: 'unreadable',
      message: `${project} is larger than 500 MB, the most Neuron Studio reads for a project. It was not changed.`,
    });
  });

  it('reads a regular file whole, into bytes that own their buffer (they may go to a worker)', async () => {
    const file = path.join(dir, 'small.csv');
    fs.writeFileSync(file, 'a,b\n1,2\n');
    const bytes = await readFileBounded(file, 'table');
    expect(Buffer.from(bytes).toString()).toBe('a,b\n1,2\n');
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });
});

describe.skipIf(!onLinux)('the CLI on /dev/zero and a pipe', () => {
  // Regression: `train --csv /dev/zero` grew to 3.3 GB; a FIFO as --csv froze the CLI.
  it.each([
    ['train --csv /dev/zero', () => ['train', '--csv', '/dev/zero', '--label', 'y'], () => '--csv: /dev/zero is a device, not a file on disk, so it was not read.'],
    ['train --csv FIFO', () => ['train', '--csv', fifo, '--label', 'y'], () => `--csv: ${fifo} is a pipe, not a file on disk, so it was not read.`],
    ['predict --weights /dev/zero', () => ['predict', '--weights', '/dev/zero', '--input', '1'], () => '--weights: /dev/zero is a device, not a file on disk, so it was not read.'],
    ['predict --project FIFO', () => ['predict', '--project', fifo, '--input', '1'], () => `--project: ${fifo} is a pipe, not a file on disk, so it was not read. It was not changed.`],
  ])('%s: exit 2 and a sentence, in little memory', async (name, args, message) => {
    const memoryFile = path.join(dir, `${name.replace(/\W+/g, '-')}.rss`);
    const r = await runCli(args(), {
      timeoutMs: 30_000,
      env: { NODE_OPTIONS: `--require ${path.join(__dirname, 'peak-memory.cjs')}`, NEURON_PEAK_MEMORY_FILE: memoryFile },
    });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${message()}\nChoose a file saved on disk.`);
    const peakMb = Number(fs.readFileSync(memoryFile, 'utf8').trim()) / 1024;
    console.log(`${name}: exit ${r.code}, peak memory ${peakMb.toFixed(0)} MB`);
    expect(peakMb).toBeGreaterThan(10);
    expect(peakMb).toBeLessThan(300);
  });
});

describe.skipIf(!onLinux)('the services on /dev/zero and a pipe', () => {
  const harness = useHarness();

  const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: ApiError) => e);

  it('import and open say what the path is, at once', async () => {
    const zero = await fail(harness.h.api.dataset.import({ path: '/dev/zero' }));
    expect(zero).toBeInstanceOf(ApiError);
    expect(zero).toMatchObject({ code: 'not_a_file', file: '/dev/zero', message: '/dev/zero is a device, not a file on disk, so it was not read.' });
    expect(zero.hint).toBe('Choose a file saved on disk.');
    const pipe = await fail(harness.h.api.dataset.import({ path: fifo }));
    expect(pipe).toMatchObject({ code: 'not_a_file', message: `${fifo} is a pipe, not a file on disk, so it was not read.` });
    const project = await fail(harness.h.api.project.open({ path: fifo }));
    expect(project).toMatchObject({ code: 'unreadable', message: `${fifo} is a pipe, not a file on disk, so it was not read. It was not changed.` });
    expect((await harness.h.api.project.state()).dataset).toBeNull();
  });
});
