// Files the app offers: the example datasets, the CSVs in datasets/, recent CSVs and projects (browser mode's path
// field), and where a new file is first offered to be saved.

import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRecentList, type RecentList } from '../project';
import type { FileSuggestion } from '../contract';
import { defaultSavePath, isFolder, type SaveKind } from './save-paths';

export interface Example {
  title: string;
  path: string;
  label?: string;
  classWords?: { positive: string; negative: string };
  answerNames?: Record<string, string>;
  about?: string;
}

/** The examples shipped in datasets/ that the Start screen offers (only those present). */
export async function examplesIn(datasetsDir: string): Promise<Example[]> {
  const known = [
    {
      title: 'diabetes (Pima)',
      file: 'diabetes.csv',
      label: 'Outcome',
      // the example's classes, named as a doctor would say them
      classWords: { positive: 'people with diabetes', negative: 'people without diabetes' },
      answerNames: { '1': 'diabetes', '0': 'no diabetes' },
      // who the rows are (datasets/README.md), for the report's "About this data"
      about:
        'Women of Pima Indian heritage, aged 21 or older, from a study of the US National Institute of Diabetes and ' +
        'Digestive and Kidney Diseases; Outcome says whether diabetes followed within five years.',
    },
  ];
  const found: Example[] = [];
  for (const { file: name, ...example } of known) {
    const file = path.join(datasetsDir, name);
    if (await fs.stat(file).catch(() => null)) found.push({ ...example, path: file });
  }
  return found;
}

export class Files {
  readonly recentCsvs: RecentList;

  constructor(
    private readonly datasetsDir: string,
    dataDir: string,
    private readonly recentProjects: RecentList,
    /** the person's home folder (tests give one of their own) */
    private readonly homeDir = os.homedir(),
  ) {
    this.recentCsvs = createRecentList(path.join(dataDir, 'recent-csvs.json'));
  }

  /** The path a save dialog starts with, for the project as it is now. */
  async savePath(kind: SaveKind, project: { path: string | null; name: string }): Promise<string> {
    const hasDocuments = await isFolder(path.join(this.homeDir, 'Documents'));
    return defaultSavePath(kind, { projectPath: project.path, projectName: project.name, home: this.homeDir, hasDocuments });
  }

  async suggestions(kind: 'csv' | 'project'): Promise<FileSuggestion[]> {
    const out: FileSuggestion[] = [];
    const seen = new Set<string>();
    const add = (s: FileSuggestion) => {
      if (seen.has(s.path)) return;
      seen.add(s.path);
      out.push(s);
    };
    const entries = (await fs.readdir(this.datasetsDir).catch(() => [] as string[])).sort();
    if (kind === 'project') {
      for (const p of await this.recentProjects.list()) if (p.exists) add({ path: p.path, label: p.name, group: 'recent-project' });
      // example projects shipped beside the example data
      for (const name of entries) {
        if (name.toLowerCase().endsWith('.neuron')) add({ path: path.join(this.datasetsDir, name), label: name, group: 'datasets' });
      }
      return out;
    }
    for (const c of await this.recentCsvs.list()) {
      if (c.exists) add({ path: c.path, label: path.basename(c.path), group: 'recent-csv' });
    }
    for (const e of await examplesIn(this.datasetsDir)) add({ path: e.path, label: path.basename(e.path), group: 'example' });
    for (const name of entries) {
      if (name.toLowerCase().endsWith('.csv')) add({ path: path.join(this.datasetsDir, name), label: name, group: 'datasets' });
    }
    return out;
  }
}
