// Small helpers others need: an empty project, and the name a project file is shown by.

import path from 'node:path';
import { PROJECT_FORMAT, PROJECT_VERSION, type ProjectFile } from './schema';

export const PROJECT_EXTENSION = '.neuron';

/** An empty project: no dataset, no plan, no runs. */
export function newProject(name: string, now: Date = new Date()): ProjectFile {
  const time = now.toISOString();
  return {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    name,
    createdAt: time,
    savedAt: time,
    dataset: null,
    plan: null,
    runs: [],
    ui: {},
  };
}

/** '/home/ana/diabetes.neuron' -> 'diabetes' (any other extension is kept: 'notes.txt' stays 'notes.txt'). */
export function projectName(file: string): string {
  const base = path.basename(file);
  return base.toLowerCase().endsWith(PROJECT_EXTENSION) && base.length > PROJECT_EXTENSION.length
    ? base.slice(0, -PROJECT_EXTENSION.length)
    : base;
}
