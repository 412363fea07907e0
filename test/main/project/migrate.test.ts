// Older project files are lifted to the current version: version 0 (no `ui`, plans with `layers`) opens as version 1.

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/project/migrate';
import { openProject } from '../../../main/project/open';
import { PROJECT_VERSION } from '../../../main/project/schema';
import { newProject, projectName } from '../../../main/project/new-project';

const corpus = path.resolve(__dirname, '../../fixtures/projects');

describe('migration', () => {
  it('opens a version-0 file as the same project as its version-1 twin (except the screen state it never had)', async () => {
    const fromV0 = await openProject(path.join(corpus, 'version-0.neuron'));
    const v1 = await openProject(path.join(corpus, 'valid.neuron'));
    expect(fromV0.version).toBe(PROJECT_VERSION);
    expect(fromV0.ui).toEqual({});
    expect(fromV0.plan?.hidden).toEqual([{ units: 3, activation: 'relu' }]);
    expect(fromV0.runs.map((r) => r.plan.hidden)).toEqual([[{ units: 3, activation: 'relu' }], [{ units: 3, activation: 'relu' }]]);
    expect(fromV0.plan).not.toHaveProperty('layers');
    expect({ ...fromV0, ui: v1.ui }).toEqual(v1);
  });

  it('does not change the object it is given, and leaves the current version as it is', () => {
    const v0 = JSON.parse(fs.readFileSync(path.join(corpus, 'version-0.neuron'), 'utf8'));
    const before = structuredClone(v0);
    const lifted = migrate(v0);
    expect(v0).toEqual(before);
    expect(lifted.version).toBe(1);
    const current = { version: PROJECT_VERSION, name: 'x' };
    expect(migrate(current)).toBe(current);
  });

  it('a version-0 plan that already says `hidden` keeps it; a null plan stays null', () => {
    const lifted = migrate({ version: 0, plan: { hidden: [{ units: 4, activation: 'tanh' }], layers: [{ units: 9 }] }, runs: [] });
    expect(lifted.plan).toEqual({ hidden: [{ units: 4, activation: 'tanh' }] });
    expect(migrate({ version: 0, plan: null, runs: [] })).toEqual({ version: 1, plan: null, runs: [], ui: {} });
  });

  it('refuses versions it has no step for', () => {
    expect(() => migrate({ version: 7 })).toThrow('No way to read a project file of version 7.');
    expect(() => migrate({ version: '1' })).toThrow('version 1');
  });
});

describe('new projects and their names', () => {
  it('newProject is empty, valid, and stamped with the given time', () => {
    expect(newProject('Untitled', new Date('2025-03-04T05:06:07.000Z'))).toEqual({
      format: 'neuron-studio.project',
      version: 1,
      name: 'Untitled',
      createdAt: '2025-03-04T05:06:07.000Z',
      savedAt: '2025-03-04T05:06:07.000Z',
      dataset: null,
      plan: null,
      runs: [],
      ui: {},
    });
  });

  it('projectName drops the .neuron extension only', () => {
    expect(projectName('/home/ana/Diabetes study.neuron')).toBe('Diabetes study');
    expect(projectName('/home/ana/OLD.NEURON')).toBe('OLD');
    expect(projectName('/home/ana/notes.txt')).toBe('notes.txt');
    expect(projectName('/home/ana/.neuron')).toBe('.neuron');
  });
});
