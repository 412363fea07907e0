// The one writer under a disk that fails at chosen bytes: it never reports a short file as written, never leaves a
// temp file behind, and leaves the target (and a project's .bak) exactly as they were.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileError } from '../../../main/files/file-error';
import { mustParseAsJson, writeFileVerified } from '../../../main/files/write-file';
import { openProject } from '../../../main/project/open';
import { saveProject } from '../../../main/project/save';
import { makeCsv, makeProject } from '../project/make-project';
import { failingFs, type Failure } from './failing-fs';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-writer-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const weights = `${JSON.stringify({ format: 'neuron-studio.weights', layers: Array.from({ length: 3000 }, (_, i) => i) })}\n`;
const size = Buffer.byteLength(weights);
const offsets = [0, 1, 4095, 4096, Math.floor(size / 2), size - 1];

async function refusal(work: Promise<unknown>): Promise<FileError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error, 'the write should have been refused').toBeInstanceOf(FileError);
  return error as FileError;
}

describe('a write that the disk cuts short', () => {
  // Regression: write-file-atomic made one write, ignored how many bytes it took, and renamed a cut-off file into place.
  it.each((['short', 'enospc', 'zero'] as Failure[]).flatMap((f) => offsets.map((o) => [f, o] as const)))(
    '%s at byte %i: "the disk is full", the old file unchanged, no temp file left',
    async (failure, offset) => {
      const file = path.join(dir, 'model.json');
      fs.writeFileSync(file, 'the previous weights');
      const error = await refusal(writeFileVerified(file, weights, { what: 'weights file', fs: failingFs(failure, offset) }));
      expect(error.code).toBe('disk_full');
      expect(error.message).toBe(`The disk is full, so ${file} could not be saved. Your weights file was not changed.`);
      expect(error.hint).toBe('Free some space or choose another folder.');
      expect(fs.readFileSync(file, 'utf8')).toBe('the previous weights');
      expect(fs.readdirSync(dir)).toEqual(['model.json']);
    },
  );

  it('says "No file was written" when there was no file before, and leaves none', async () => {
    const file = path.join(dir, 'new.json');
    const error = await refusal(writeFileVerified(file, weights, { what: 'weights file', fs: failingFs('short', 100) }));
    expect(error.message).toBe(`The disk is full, so ${file} could not be saved. No file was written.`);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it.each(offsets)('a write that claims bytes it did not take (at byte %i) is caught by the size check', async (offset) => {
    const file = path.join(dir, 'model.json');
    fs.writeFileSync(file, 'before');
    const error = await refusal(writeFileVerified(file, weights, { fs: failingFs('lie', offset) }));
    expect(error.code).toBe('not_verified');
    expect(error.message).toBe(`What was written did not read back the same, so ${file} could not be saved. Your file was not changed.`);
    expect(fs.readFileSync(file, 'utf8')).toBe('before');
    expect(fs.readdirSync(dir)).toEqual(['model.json']);
  });

  it.each(offsets)('a byte changed on the way (at byte %i) is caught by reading back', async (offset) => {
    const file = path.join(dir, 'model.json');
    const error = await refusal(writeFileVerified(file, weights, { fs: failingFs('corrupt', offset), verify: mustParseAsJson }));
    expect(error.code).toBe('not_verified');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('writes every byte when each write takes only part of what it is given', async () => {
    const file = path.join(dir, 'model.json');
    await writeFileVerified(file, weights, { fs: failingFs('dribble', 1000), verify: mustParseAsJson });
    expect(fs.readFileSync(file, 'utf8')).toBe(weights);
    expect(fs.readdirSync(dir)).toEqual(['model.json']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const file = path.join(dir, 'model.json');
    fs.writeFileSync(file, 'before');
    fs.chmodSync(file, 0o600);
    await writeFileVerified(file, weights);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('a project save on a disk that fills up', () => {
  const nameIn = async (file: string) => (await openProject(file)).name;

  async function previousAndBak(): Promise<{ file: string; bytes: Buffer; bak: Buffer }> {
    const file = path.join(dir, 'p.neuron');
    await saveProject(file, makeProject('Oldest'));
    await saveProject(file, makeProject('Previous'));
    return { file, bytes: fs.readFileSync(file), bak: fs.readFileSync(`${file}.bak`) };
  }

  const bigger = makeProject('Next', makeCsv(400));
  const projectSize = Buffer.byteLength(JSON.stringify(bigger));

  it.each((['short', 'enospc', 'zero'] as Failure[]).flatMap((f) => [0, 1, 4096, Math.floor(projectSize / 2), projectSize - 1].map((o) => [f, o] as const)))(
    '%s at byte %i: says so, and the file and its .bak are exactly as before',
    async (failure, offset) => {
      const before = await previousAndBak();
      const error = await refusal(saveProject(before.file, bigger, { fs: failingFs(failure, offset) }));
      expect(error.code).toBe('disk_full');
      expect(error.message).toBe(`The disk is full, so ${before.file} could not be saved. Your project file was not changed.`);
      expect(fs.readFileSync(before.file).equals(before.bytes)).toBe(true);
      expect(fs.readFileSync(`${before.file}.bak`).equals(before.bak)).toBe(true);
      expect([await nameIn(before.file), await nameIn(`${before.file}.bak`)]).toEqual(['Previous', 'Oldest']);
      expect(fs.readdirSync(dir).sort()).toEqual(['p.neuron', 'p.neuron.bak']);
    },
  );

  it('a half-written project that claims to be complete never replaces the file', async () => {
    const before = await previousAndBak();
    const error = await refusal(saveProject(before.file, bigger, { fs: failingFs('lie', Math.floor(projectSize / 2)) }));
    expect(error.code).toBe('not_verified');
    expect([await nameIn(before.file), await nameIn(`${before.file}.bak`)]).toEqual(['Previous', 'Oldest']);
  });

  // Regression: the .bak was rewritten in place of the last good one before the new file was known to fit.
  it('where hard links are refused, the .bak is a checked copy; a copy that does not fit keeps the last good .bak', async () => {
    const before = await previousAndBak();
    const copyFails = failingFs('enospc', 10, { linkFails: true, applies: (f) => path.basename(f).startsWith('p.neuron.bak.') });
    const error = await refusal(saveProject(before.file, bigger, { fs: copyFails }));
    expect(error.code).toBe('disk_full');
    expect(copyFails.opened.map((f) => path.basename(f).replace(/\d+$/, 'N'))).toEqual(['p.neuron.N', 'p.neuron.bak.N']);
    expect([await nameIn(before.file), await nameIn(`${before.file}.bak`)]).toEqual(['Previous', 'Oldest']);
    expect(fs.readdirSync(dir).sort()).toEqual(['p.neuron', 'p.neuron.bak']);

    await saveProject(before.file, bigger, { fs: failingFs('enospc', 0, { linkFails: true, applies: () => false }) });
    expect([await nameIn(before.file), await nameIn(`${before.file}.bak`)]).toEqual(['Next', 'Previous']);
    expect(fs.readdirSync(dir).sort()).toEqual(['p.neuron', 'p.neuron.bak']);
  });
});
