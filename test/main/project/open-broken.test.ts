// The corpus of broken project files: each is refused with the right code and a plain message, and left untouched.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { datasetBytesOrProblem, decodeDataset, MAX_STORED_CSV_BYTES, openProject } from '../../../main/project/open';
import { ProjectFileError } from '../../../main/project/errors';

const corpus = path.resolve(__dirname, '../../fixtures/projects');

interface Case {
  file: string;
  code: ProjectFileError['code'];
  /** fragments the message must contain, in words a person can act on */
  says: (string | RegExp)[];
}

const cases: Case[] = [
  { file: 'empty.neuron', code: 'truncated', says: ['empty.neuron is empty (0 bytes)', 'It was not changed.'] },
  {
    file: 'truncated.neuron',
    code: 'truncated',
    says: ['truncated.neuron is cut off', '3628 bytes', 'It was not changed.', 'The previous save is kept in truncated.neuron.bak: open that instead.'],
  },
  { file: 'not-json.neuron', code: 'not_json', says: ['not-json.neuron is not a Neuron Studio project (it is not JSON). It was not changed.'] },
  { file: 'broken-json.neuron', code: 'not_json', says: ['broken-json.neuron is not a Neuron Studio project (it is not JSON)'] },
  { file: 'binary.neuron', code: 'not_json', says: ['binary.neuron is not a Neuron Studio project', 'not a text file', 'It was not changed.'] },
  { file: 'json-array.neuron', code: 'wrong_format', says: ['json-array.neuron is not a Neuron Studio project (it is JSON, but a list'] },
  { file: 'wrong-format.neuron', code: 'wrong_format', says: ['its format is "spreadsheet-app.document"', 'It was not changed.'] },
  { file: 'weights-file.neuron', code: 'wrong_format', says: ['weights-file.neuron is a Neuron Studio weights file', 'not a project'] },
  {
    file: 'newer-version.neuron',
    code: 'newer_version',
    says: ['newer-version.neuron was saved by a newer Neuron Studio (version 3); update the app to open it.', 'It was not changed.'],
  },
  { file: 'missing-field.neuron', code: 'invalid', says: ['The field "savedAt" is missing', 'It was not changed.'] },
  {
    file: 'wrong-type-in-run.neuron',
    code: 'invalid',
    says: ['In run 2 ("Second try"), history row 3, the field "loss" should be a number but is the text "0.41"'],
  },
  // Regression: a run's stopReason, rows and warnings rode along unchecked and opened as whatever the file held.
  ...(
    [
      ['run-stop-reason-unknown.neuron', 'In run 1 ("First try"), the field "stopReason" should be one of "completed", "early_stopping", "stopped", "diverged" but is the text "whenever"'],
      ['run-warnings-not-text.neuron', 'In run 1 ("First try"), item of "warnings" 1: it should be text but is the number 42'],
      ['run-rows-a-list.neuron', 'In run 1 ("First try"), the field "rows" should be a group of fields but is a list'],
    ] as const
  ).map(([file, says]): Case => ({ file, code: 'invalid', says: [says, 'It was not changed.'] })),
  {
    file: 'bad-weights-tag.neuron',
    code: 'invalid',
    says: ['In run 1 ("First try"), the trained weights, the field "format" should be "neuron-studio.weights" but is the text "keras-weights"'],
  },
  // Regression: broken weights opened without complaint and failed later on the Use screen with code "error".
  ...(
    [
      ['weights-kernel-shape.neuron', 'Layer 2: the kernel must have 3 rows (one per input of the layer), not 2.'],
      ['weights-null.neuron', 'Layer 1: kernel row 2, weight 3, is empty (null) where a weight belongs.'],
      ['weights-1e400.neuron', 'Layer 1: bias 2 is a number too big to calculate with.'],
      ['weights-3-inputs.neuron', 'Layer 1: the kernel must have 2 rows (one per input of the layer), not 3.'],
      ['weights-two-outputs.neuron', 'A binary model needs exactly 2 classes and an output layer of 1 unit'],
    ] as const
  ).map(([file, layer]): Case => ({
    file,
    code: 'invalid',
    says: [`${file} could not be opened: the trained weights of run 1 ("First try") cannot be used. ${layer}`, 'It was not changed.', 'train a new model'],
  })),
  {
    file: 'weights-for-other-inputs.neuron',
    code: 'invalid',
    says: ['the trained weights of run 1 ("First try") take 3 inputs (Glucose, BMI, Age), but the run learned from 2 (Glucose, BMI).'],
  },
  {
    file: 'damaged-dataset.neuron',
    code: 'invalid',
    says: ['the copy of tiny.csv inside it is damaged (its checksum does not match)', 'It was not changed.'],
  },
];

function snapshot(file: string) {
  const stat = fs.statSync(file);
  return { sha: createHash('sha256').update(fs.readFileSync(file)).digest('hex'), size: stat.size, mtimeMs: stat.mtimeMs };
}

async function refusal(file: string): Promise<ProjectFileError> {
  try {
    await openProject(file);
  } catch (error) {
    if (error instanceof ProjectFileError) return error;
    throw new Error(`expected a ProjectFileError, got ${String(error)}`);
  }
  throw new Error(`${file} opened, but it should have been refused`);
}

describe('opening broken project files', () => {
  it.each(cases)('$file is refused as $code, in words, and left unchanged', async ({ file, code, says }) => {
    const full = path.join(corpus, file);
    const before = snapshot(full);
    const folderBefore = fs.readdirSync(corpus).sort();

    const error = await refusal(full);

    expect(error.code).toBe(code);
    expect(error.file).toBe(full);
    for (const fragment of says) expect(error.message).toContain(fragment);
    // plain words: no stack trace, no zod jargon, no JS type names
    expect(error.message).not.toMatch(/\bat .*\(.*:\d+:\d+\)|Invalid input|ZodError|undefined|\[object/);
    expect(snapshot(full)).toEqual(before);
    expect(fs.readdirSync(corpus).sort()).toEqual(folderBefore);
  });

  it('names the .bak only where one exists', async () => {
    expect((await refusal(path.join(corpus, 'empty.neuron'))).message).not.toContain('.bak');
  });

  it('says "not found" for a missing file, and "could not be read" for a folder', async () => {
    const missing = await refusal(path.join(corpus, 'no-such-project.neuron'));
    expect(missing.code).toBe('not_found');
    expect(missing.message).toBe(`There is no file at ${path.join(corpus, 'no-such-project.neuron')}. It may have been moved, renamed or deleted.`);

    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-folder-'));
    const folder = path.join(parent, 'looks-like-a.neuron');
    fs.mkdirSync(folder);
    try {
      const unreadable = await refusal(folder);
      expect(unreadable.code).toBe('unreadable');
      expect(unreadable.message).toBe(`${folder} is a folder, not a file. It was not changed.`);
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  // Regression: a `ui` nested 100,000 levels deep opened, and browser mode crashed writing the answer as JSON.
  it('refuses a project nested 100,000 levels deep, in its screen state or in a run, in words', async () => {
    const valid = JSON.parse(fs.readFileSync(path.join(corpus, 'valid.neuron'), 'utf8'));
    const deep = '{"more":'.repeat(100_000) + '1' + '}'.repeat(100_000);
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'neuron-deep-'));
    try {
      const inUi = path.join(parent, 'deep-ui.neuron');
      fs.writeFileSync(inUi, JSON.stringify({ ...valid, ui: { screen: 'data', extra: 0 } }).replace('"extra":0', `"extra":${deep}`));
      const ui = await refusal(inUi);
      expect(ui.code).toBe('invalid');
      expect(ui.message).toBe(
        'deep-ui.neuron could not be opened. In the screen state, the field "extra" is nested more than 64 levels deep ' +
          '(lists or groups inside each other), deeper than any file Neuron Studio writes. ' +
          'The file may have been edited by hand or by another program. It was not changed.',
      );
      const inRun = path.join(parent, 'deep-run.neuron');
      valid.runs[1].notes = 0;
      fs.writeFileSync(inRun, JSON.stringify(valid).replace('"notes":0', `"notes":${deep}`));
      expect((await refusal(inRun)).message).toContain('In run 2 ("Second try"): it is nested more than 64 levels deep');
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });

  // Regression: the gzip'd copy of the CSV was unpacked without a limit (a 14 MB file peaked at 4.4 GB).
  it("unpacks a gzip'd CSV no further than the size it says it holds, and no further than a project holds without one", () => {
    const project = JSON.parse(fs.readFileSync(path.join(corpus, 'valid.neuron'), 'utf8'));
    const zeros = Buffer.alloc(4 * 1024 * 1024);
    const packed = gzipSync(zeros).toString('base64');
    const sha256 = createHash('sha256').update(zeros).digest('hex');
    const content = (extra: object) => ({ ...project.dataset, content: { encoding: 'gzip-base64', data: packed, sha256, ...extra } });
    expect(datasetBytesOrProblem(content({ bytes: 61 }))).toBe(
      'the copy of tiny.csv inside it is damaged (its compressed data unpacks to more than the 61 bytes it says it holds)',
    );
    expect(datasetBytesOrProblem(content({ bytes: zeros.length + 1 }))).toBe(
      `the copy of tiny.csv inside it is damaged (it holds ${zeros.length} bytes but says it holds ${zeros.length + 1})`,
    );
    expect(datasetBytesOrProblem(content({ bytes: 10 * 1024 ** 3 }))).toBe(
      'the copy of tiny.csv inside it says it is 10240 MB, more than the 512 MB a project can hold',
    );
    // files saved before the size was written still open: up to the largest table a project holds
    expect((datasetBytesOrProblem(content({})) as Uint8Array).length).toBe(zeros.length);
    expect(MAX_STORED_CSV_BYTES).toBe(512 * 1024 * 1024);
  });

  it('opens the good file of the corpus with every part intact', async () => {
    const project = await openProject(path.join(corpus, 'valid.neuron'));
    expect(project.name).toBe('Diabetes (tiny)');
    expect(project.runs.map((r) => [r.name, r.status, r.history.length])).toEqual([
      ['First try', 'completed', 3],
      ['Second try', 'stopped', 3],
    ]);
    expect(project.runs[0].weights?.layers[1].kernel).toEqual([[1.2], [-0.7], [0.4]]);
    expect(project.runs[1].history[2].loss).toBe(0.41);
    expect(Buffer.from(decodeDataset(project)).toString('utf8')).toBe(
      'Glucose,BMI,Outcome\n148,33.6,1\n85,26.6,0\n183,23.3,1\n89,28.1,0\n',
    );
    expect(project.ui).toEqual({ screen: 'evaluate', selectedRunId: 'run-1', compareRunIds: ['run-1', 'run-2'], threshold: 0.5 });
  });
});
