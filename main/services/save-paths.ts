// Where a new file is first offered to be saved: beside the project's file, else in the person's documents folder.

import { promises as fs } from 'node:fs';
import path from 'node:path';

/** What the app saves besides data it is given: the project, a CSV with predictions, a run's report as PDF, and the
 * exports (the weights, a TensorFlow.js folder, an ONNX file, a calculator page). */
export type SaveKind = 'project' | 'predictions' | 'weights' | 'report' | 'tfjs' | 'onnx' | 'calculator';

export interface SavePlace {
  /** the project's own file, null until it is first saved */
  projectPath: string | null;
  projectName: string;
  home: string;
  /** whether `home`/Documents is a folder */
  hasDocuments: boolean;
}

/**
 * The folder a save is first offered in. Never the folder the data came from: for the examples that is the app's
 * own datasets/, which an installed app cannot write to.
 */
export function defaultSaveFolder(place: Pick<SavePlace, 'projectPath' | 'home' | 'hasDocuments'>): string {
  if (place.projectPath) return path.dirname(place.projectPath);
  return place.hasDocuments ? path.join(place.home, 'Documents') : place.home;
}

/** A project name as a file name on every system (the characters Windows refuses become spaces). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Untitled';
}

/** The path a save dialog starts with; saving a project that has a file starts from that file. */
export function defaultSavePath(kind: SaveKind, place: SavePlace): string {
  if (kind === 'project' && place.projectPath) return place.projectPath;
  const name = safeFileName(place.projectName);
  const file = {
    project: `${name}.neuron`,
    predictions: `${name} predictions.csv`,
    weights: `${name} weights.json`,
    report: `${name} report.pdf`,
    tfjs: `${name} TensorFlow.js`,
    onnx: `${name}.onnx`,
    calculator: `${name} calculator.html`,
  }[kind];
  return path.join(defaultSaveFolder(place), file);
}

/** True when `folder` is a folder (a missing one, or a file of that name, is not). */
export async function isFolder(folder: string): Promise<boolean> {
  return (await fs.stat(folder).catch(() => null))?.isDirectory() ?? false;
}
