// Where a new file is first offered to be saved: the rule as a plain function, and as the app's files.savePath
// answers it for a project made from the example in datasets/.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultSaveFolder, defaultSavePath, safeFileName, type SaveKind } from '../../main/services/save-paths';
import { DIABETES, startHarness, tempDir, type Harness } from './api/harness';

const HOME = path.join(path.sep, 'home', 'ada');
const PROJECT = path.join(HOME, 'clinic', 'pima.neuron');

describe('the folder a save is first offered in', () => {
  it.each([
    { case: 'beside the project once it has a file', projectPath: PROJECT, hasDocuments: true, folder: path.dirname(PROJECT) },
    { case: 'beside the project, Documents or not', projectPath: PROJECT, hasDocuments: false, folder: path.dirname(PROJECT) },
    { case: "the person's Documents before the first save", projectPath: null, hasDocuments: true, folder: path.join(HOME, 'Documents') },
    { case: 'the home folder when there is no Documents', projectPath: null, hasDocuments: false, folder: HOME },
  ])('$case', ({ projectPath, hasDocuments, folder }) => {
    expect(defaultSaveFolder({ projectPath, home: HOME, hasDocuments })).toBe(folder);
  });
});

describe('the path a save dialog starts with', () => {
  const unsaved = { projectPath: null, projectName: 'Diabetes (Pima)', home: HOME, hasDocuments: true };
  it.each<{ kind: SaveKind; file: string }>([
    { kind: 'project', file: 'Diabetes (Pima).neuron' },
    { kind: 'predictions', file: 'Diabetes (Pima) predictions.csv' },
    { kind: 'weights', file: 'Diabetes (Pima) weights.json' },
    { kind: 'report', file: 'Diabetes (Pima) report.pdf' },
  ])('$kind: named after the project, in Documents', ({ kind, file }) => {
    expect(defaultSavePath(kind, unsaved)).toBe(path.join(HOME, 'Documents', file));
  });

  it('saving a project that has a file starts from that file; its other files go beside it', () => {
    const saved = { ...unsaved, projectPath: PROJECT, projectName: 'pima' };
    expect(defaultSavePath('project', saved)).toBe(PROJECT);
    expect(defaultSavePath('predictions', saved)).toBe(path.join(HOME, 'clinic', 'pima predictions.csv'));
    expect(defaultSavePath('weights', saved)).toBe(path.join(HOME, 'clinic', 'pima weights.json'));
    expect(defaultSavePath('report', saved)).toBe(path.join(HOME, 'clinic', 'pima report.pdf'));
  });

  it('a name with characters a file name cannot hold', () => {
    expect(safeFileName('a/b: c?')).toBe('a b  c');
    expect(safeFileName(' /// ')).toBe('Untitled');
  });
});

describe('files.savePath, for the example opened from datasets/', () => {
  const dir = tempDir('ns-save-paths-');
  const home = path.join(dir, 'home');
  let h: Harness;

  afterAll(async () => {
    await h?.close();
  });

  it("offers the person's folders, never the app's own datasets/ (read-only once installed)", async () => {
    mkdirSync(home);
    h = startHarness({ homeDir: home }, dir);
    await h.api.dataset.import({ path: DIABETES });
    // bug guarded: the predictions, weights and project of an unsaved example were offered in datasets/
    expect(await h.api.files.savePath({ kind: 'predictions' })).toBe(path.join(home, 'diabetes predictions.csv'));
    mkdirSync(path.join(home, 'Documents'));
    expect(await h.api.files.savePath({ kind: 'weights' })).toBe(path.join(home, 'Documents', 'diabetes weights.json'));
    expect(await h.api.files.savePath({ kind: 'project' })).toBe(path.join(home, 'Documents', 'diabetes.neuron'));

    const projectDir = path.join(dir, 'work');
    mkdirSync(projectDir);
    await h.api.project.save({ path: path.join(projectDir, 'pima.neuron') });
    expect(await h.api.files.savePath({ kind: 'predictions' })).toBe(path.join(projectDir, 'pima predictions.csv'));
    expect(await h.api.files.savePath({ kind: 'project' })).toBe(path.join(projectDir, 'pima.neuron'));
  });

  it('a file named Documents is not a folder to offer', async () => {
    const other = path.join(dir, 'other-home');
    mkdirSync(other);
    writeFileSync(path.join(other, 'Documents'), 'not a folder');
    const h2 = startHarness({ homeDir: other }, tempDir());
    try {
      await h2.api.dataset.import({ path: DIABETES });
      expect(await h2.api.files.savePath({ kind: 'weights' })).toBe(path.join(other, 'diabetes weights.json'));
    } finally {
      await h2.close();
    }
  });
});
