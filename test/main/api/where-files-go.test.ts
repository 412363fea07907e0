// The "may we write here" rule through the services every face uses: weights, predictions and projects go only to
// names with our extensions, never over a file of another kind, a folder or a pipe; a table is read only from a file.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type PayloadOf } from '../../../main/contract';
import { DIABETES, startHarness, type Harness } from './harness';

let h: Harness;
let runId = '';
beforeAll(async () => {
  h = startHarness();
  await h.api.dataset.import({ path: DIABETES });
  const plan = (await h.api.project.state()).plan!;
  const finished = new Promise<PayloadOf<'training.finished'>>((resolve) => h.api.onTrainingFinished(resolve));
  await h.api.project.setPlan({ plan: { ...plan, training: { ...plan.training, epochs: 1 } } });
  runId = (await h.api.training.start()).runId;
  expect((await finished).run.status).toBe('completed');
});
afterAll(async () => {
  await h.close();
  expect(h.logged).toEqual([]);
});

const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: ApiError) => e);

describe('where the app writes', () => {
  // Regression: with the token, an exported weights file could be written where a shell would run it.
  it('refuses a name with another extension, and leaves the file there untouched', async () => {
    const script = path.join(h.dir, 'run.sh');
    fs.writeFileSync(script, '#!/bin/sh\necho mine\n');
    const weights = await refusal(h.api.export.model({ runId, format: 'weights', path: script }));
    expect(weights).toMatchObject({
      code: 'wrong_extension',
      file: script,
      message: 'Neuron Studio writes weights only to a file whose name ends in .json, and run.sh does not. Nothing was written.',
      hint: 'Choose a name ending in .json.',
    });
    const predictions = await refusal(h.api.predict.csv({ runId, inputPath: DIABETES, outputPath: script }));
    expect(predictions).toMatchObject({ code: 'wrong_extension', hint: 'Choose a name ending in .csv.' });
    const project = await refusal(h.api.project.save({ path: script }));
    expect(project).toMatchObject({ code: 'wrong_extension', hint: 'Choose a name ending in .neuron.' });
    expect(fs.readFileSync(script, 'utf8')).toBe('#!/bin/sh\necho mine\n');
    expect(fs.readdirSync(h.dir).filter((f) => f.startsWith('run.sh'))).toEqual(['run.sh']);
    expect((await h.api.project.state()).dirty).toBe(true);
  });

  it('gives a name without extension its own, so a file without extension is never replaced', async () => {
    const bare = path.join(h.dir, 'model');
    fs.writeFileSync(bare, 'not ours');
    expect(await h.api.export.model({ runId, format: 'weights', path: bare })).toMatchObject({ path: `${bare}.json` });
    expect(fs.readFileSync(bare, 'utf8')).toBe('not ours');
    expect(JSON.parse(fs.readFileSync(`${bare}.json`, 'utf8')).format).toBe('neuron-studio.weights');
  });

  it('follows a link only to a file of the same kind', async () => {
    const profile = path.join(h.dir, 'profile.sh');
    fs.writeFileSync(profile, 'export PATH=/usr/bin\n');
    const link = path.join(h.dir, 'innocent.json');
    fs.symlinkSync(profile, link);
    const error = await refusal(h.api.export.model({ runId, format: 'weights', path: link }));
    expect(error).toMatchObject({ code: 'wrong_extension', file: link });
    expect(error.message).toBe('Neuron Studio writes weights only to a file whose name ends in .json, and profile.sh does not (innocent.json points to it). Nothing was written.');
    expect(fs.readFileSync(profile, 'utf8')).toBe('export PATH=/usr/bin\n');
  });

  it.skipIf(process.platform !== 'linux')('never writes over a folder or a pipe that has our extension', async () => {
    const folder = path.join(h.dir, 'folder.json');
    fs.mkdirSync(folder);
    expect(await refusal(h.api.export.model({ runId, format: 'weights', path: folder }))).toMatchObject({
      code: 'other_kind',
      message: `${folder} is a folder, not a file, so Neuron Studio does not write over it. Nothing was written.`,
    });
    const pipe = path.join(h.dir, 'pipe.csv');
    execFileSync('mkfifo', [pipe]);
    expect(await refusal(h.api.predict.csv({ runId, inputPath: DIABETES, outputPath: pipe }))).toMatchObject({
      code: 'other_kind',
      message: `${pipe} is a pipe, not a file, so Neuron Studio does not write over it. Nothing was written.`,
    });
    // and a pipe is not read as the table to predict either
    const out = path.join(h.dir, 'answers.csv');
    expect(await refusal(h.api.predict.csv({ runId, inputPath: pipe, outputPath: out }))).toMatchObject({
      code: 'not_a_file',
      message: `${pipe} is a pipe, not a file on disk, so it was not read.`,
    });
    expect(fs.existsSync(out)).toBe(false);
  });

  it('writes where the rule allows', async () => {
    const out = path.join(h.dir, 'answers.csv');
    expect(await h.api.predict.csv({ runId, inputPath: DIABETES, outputPath: out })).toMatchObject({ rows: 768, outputPath: out });
    expect(fs.readdirSync(h.dir).filter((f) => f.startsWith('answers'))).toEqual(['answers.csv']);
  });
});
