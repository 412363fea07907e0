// The corpus of broken project files: each is refused with the right code and a plain message, and left untouched.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject, decodeDataset } from '../../../main/project/open';
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
  { file: 'binary.neuron', code: 'not_json', says: ['binary.neuron is not a Neuron Studio project', 'binary data', 'It was not changed.'] },
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
  {
    file: 'bad-weights-tag.neuron',
    code: 'invalid',
    says: ['In run 1 ("First try"), the trained weights, the field "format" should be "neuron-studio.weights" but is the text "keras-weights"'],
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
