// Saving and reopening: the same project comes back, large datasets are gzip'd, the .bak holds the previous save.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openProject, decodeDataset } from '../../../main/project/open';
import { saveProject, encodeDataset, GZIP_ABOVE_BYTES } from '../../../main/project/save';
import { ProjectFileError } from '../../../main/project/errors';
import type { FileError } from '../../../main/files/file-error';
import { tempFilesOf } from '../../../main/files/temp-files';
import { makeCsv, makeProject } from './make-project';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-save-'));
});

const nameIn = async (file: string) => (await openProject(file)).name;

describe('save then open', () => {
  it('gives back an equal project (runs, weights, evaluation, a diverged NaN loss, screen state)', async () => {
    const project = makeProject('Diabetes');
    const file = path.join(dir, 'diabetes.neuron');
    await saveProject(file, project);
    const reopened = await openProject(file);
    expect(reopened).toEqual(project);
    expect(reopened.runs[2].history[1].loss).toBeNaN();
    expect(reopened.dataset?.content.encoding).toBe('utf8');
    expect(decodeDataset(reopened)).toEqual(new Uint8Array(makeCsv(20)));
  });

  it("stores a large CSV gzip'd and gives back the same bytes", async () => {
    const csv = makeCsv(60_000); // about 2.2 MB
    expect(csv.byteLength).toBeGreaterThan(GZIP_ABOVE_BYTES);
    const project = makeProject('Large', csv);
    expect(project.dataset?.content.encoding).toBe('gzip-base64');
    const file = path.join(dir, 'large.neuron');
    await saveProject(file, project);
    const reopened = await openProject(file);
    expect(reopened).toEqual(project);
    expect(Buffer.from(decodeDataset(reopened)).equals(Buffer.from(csv))).toBe(true);
    // the size unpacking stops at
    expect(reopened.dataset?.content.bytes).toBe(csv.byteLength);
    // compressed: the project file is smaller than the CSV it carries
    expect(fs.statSync(file).size).toBeLessThan(csv.byteLength);
  });

  it('keeps the exact bytes of a Latin-1 CSV and of a CSV with a byte-order mark', () => {
    const latin1 = Buffer.from('name,city\nJos\xe9,M\xe1laga\n', 'latin1');
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]);
    const one = makeProject('Latin-1');
    one.dataset = encodeDataset(latin1, 'people.csv', null, { header: true });
    expect(one.dataset.content.encoding).toBe('gzip-base64');
    expect(Buffer.from(decodeDataset(one)).equals(latin1)).toBe(true);
    one.dataset = encodeDataset(withBom, 'bom.csv', null, { header: 'auto' });
    expect(one.dataset.content.encoding).toBe('utf8');
    expect(Buffer.from(decodeDataset(one)).equals(withBom)).toBe(true);
  });

  it('writes Infinity as null, which reads back as NaN (JSON has neither)', async () => {
    const project = makeProject('Inf');
    project.runs[2].history[1].loss = Number.POSITIVE_INFINITY;
    const file = path.join(dir, 'inf.neuron');
    await saveProject(file, project);
    expect(fs.readFileSync(file, 'utf8')).toContain('"loss":null');
    expect((await openProject(file)).runs[2].history[1].loss).toBeNaN();
  });
});

describe('the .bak copy', () => {
  it('holds the previous save, and is not overwritten by saving unchanged work again', async () => {
    const file = path.join(dir, 'p.neuron');
    await saveProject(file, makeProject('A'));
    expect(fs.existsSync(`${file}.bak`)).toBe(false);
    await saveProject(file, makeProject('B'));
    expect([await nameIn(file), await nameIn(`${file}.bak`)]).toEqual(['B', 'A']);
    await saveProject(file, makeProject('B'));
    expect([await nameIn(file), await nameIn(`${file}.bak`)]).toEqual(['B', 'A']);
    await saveProject(file, makeProject('C'));
    expect([await nameIn(file), await nameIn(`${file}.bak`)]).toEqual(['C', 'B']);
    expect(fs.readdirSync(dir).sort()).toEqual(['p.neuron', 'p.neuron.bak']);
  });

  it('queues saves to one file: five saves fired at once end with the last in the file and the fourth in .bak', async () => {
    const file = path.join(dir, 'q.neuron');
    await Promise.all(['1', '2', '3', '4', '5'].map((n) => saveProject(file, makeProject(n))));
    expect([await nameIn(file), await nameIn(`${file}.bak`)]).toEqual(['5', '4']);
  });

  it('saves the project as it was when Save was pressed, not as it was changed afterwards', async () => {
    const file = path.join(dir, 'snap.neuron');
    const project = makeProject('Before');
    const saving = saveProject(file, project);
    project.name = 'After';
    await saving;
    expect(await nameIn(file)).toBe('Before');
  });
});

describe('saving refuses and reports', () => {
  it('an invalid project: says which field, writes nothing', async () => {
    const file = path.join(dir, 'bad.neuron');
    await saveProject(file, makeProject('Good'));
    const before = fs.readFileSync(file);
    const broken = makeProject('Broken') as unknown as { runs: { status: string }[] };
    broken.runs[1].status = 'finished';
    const error = await saveProject(file, broken as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProjectFileError);
    expect((error as ProjectFileError).code).toBe('invalid');
    expect((error as ProjectFileError).message).toContain('bad.neuron was not saved: In run 2 ("Run 2"), the field "status"');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}.bak`)).toBe(false);
  });

  it('a folder that does not exist', async () => {
    const file = path.join(dir, 'no-such-folder', 'x.neuron');
    const error = (await saveProject(file, makeProject('X')).catch((e: unknown) => e)) as FileError;
    expect(error.code).toBe('no_folder');
    expect(error.message).toBe(`The folder ${path.dirname(file)} does not exist, so x.neuron was not written.`);
    expect(error.hint).toBe('Choose a folder that exists.');
  });
});

describe('temp files left by a killed save', () => {
  it('are removed by the next save once stale; fresh ones and look-alike names are left alone', async () => {
    const file = path.join(dir, 't.neuron');
    const stale = `${file}.1234567`;
    const staleBak = `${file}.bak.89`;
    const fresh = `${file}.7654321`;
    const userCopy = `${file}.old`;
    const tooBig = `${file}.99999999999`; // 11 digits: not a temp file's name
    for (const f of [stale, staleBak, fresh, userCopy, tooBig]) fs.writeFileSync(f, '{"format":"neuron-studio.pro');
    const old = new Date(Date.now() - 60_000);
    for (const f of [stale, staleBak, userCopy, tooBig]) fs.utimesSync(f, old, old);

    expect((await tempFilesOf(file)).sort()).toEqual([stale, fresh].sort());
    await saveProject(file, makeProject('A'));
    await saveProject(file, makeProject('B')); // writes the .bak, which clears the .bak's stale temps
    expect(fs.readdirSync(dir).sort()).toEqual(
      ['t.neuron', 't.neuron.7654321', 't.neuron.99999999999', 't.neuron.bak', 't.neuron.old'].sort(),
    );
  });
});

describe('a dataset whose bytes do not match their checksum', () => {
  it('is refused at save time, so no file is written that would refuse to open', async () => {
    const file = path.join(dir, 'sum.neuron');
    const project = makeProject('Checksum');
    project.dataset!.content = { ...project.dataset!.content, data: project.dataset!.content.data.replace('Glucose', 'glucose') };
    const error = (await saveProject(file, project).catch((e: unknown) => e)) as ProjectFileError;
    expect(error.code).toBe('invalid');
    expect(error.message).toBe(
      'sum.neuron was not saved: the copy of diabetes.csv inside it is damaged (its checksum does not match). The file on disk was not changed.',
    );
    expect(fs.existsSync(file)).toBe(false);
  });
});
