// The ways a trained model leaves the app, each with the one sentence the Export menu, the CLI's help and the docs
// say about it, and the refusal every exporter throws when its format cannot carry the model as it is.

import type { WeightsFile } from '../engine/weights-file';

export type ExportFormat = 'weights' | 'tfjs' | 'onnx' | 'calculator';

export interface ExportFormatInfo {
  /** the menu's name for it */
  title: string;
  /** what it is for, in one sentence */
  purpose: string;
  /** a file, or a folder of files (TensorFlow.js: model.json, weights.bin, preparation.json) */
  writes: 'file' | 'folder';
  /** the page in docs/ that says what is in it and how to load it */
  doc: string;
}

export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatInfo> = {
  weights: {
    title: 'Weights (JSON)',
    purpose: 'Every weight and how each input is prepared, in one readable file: to keep, to share, or to answer with Neuron Studio\'s own predict command.',
    writes: 'file',
    doc: 'docs/weights-format.md',
  },
  tfjs: {
    title: 'TensorFlow.js',
    purpose: 'A folder that a web page or a Node program loads with TensorFlow.js (tf.loadLayersModel), with the input preparation beside it.',
    writes: 'folder',
    doc: 'docs/export-tfjs.md',
  },
  onnx: {
    title: 'ONNX',
    purpose: 'One .onnx file that takes the raw values of the inputs, for Python (onnxruntime), phones and most other tools that run models.',
    writes: 'file',
    doc: 'docs/export-onnx.md',
  },
  calculator: {
    title: 'Calculator page',
    purpose: 'One web page that answers a case in any browser, from disk and without a network, with why and the model\'s limits.',
    writes: 'file',
    doc: 'docs/export-calculator.md',
  },
};

export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** A file an export makes: its name (inside the chosen folder, for a folder export) and its bytes. */
export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
}

/** The format cannot carry this model as it is: the message names what and why, and what to do. Nothing is written. */
export class ExportRefusal extends Error {
  constructor(
    readonly format: ExportFormat,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'ExportRefusal';
  }
}

/** The largest magnitude a 32-bit float holds; a weight beyond it would become Infinity. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * Refuses a model whose numbers a 32-bit format cannot hold (they would become Infinity and the answers change);
 * `where` names the first such number for the message.
 */
export function refuseBeyondFloat32(weights: WeightsFile, format: ExportFormat, retry?: string): void {
  const beyond = (v: number) => Math.abs(v) > FLOAT32_MAX;
  for (const [l, layer] of weights.layers.entries()) {
    for (const [k, row] of layer.kernel.entries()) {
      const j = row.findIndex(beyond);
      if (j >= 0) throw tooBig(format, `layer ${l + 1}'s weight from input ${k + 1} to unit ${j + 1} (${row[j]})`, retry);
    }
    const j = layer.bias?.findIndex(beyond) ?? -1;
    if (j >= 0) throw tooBig(format, `layer ${l + 1}'s bias ${j + 1} (${layer.bias![j]})`, retry);
  }
}

/** The refusal for one number a 32-bit format cannot hold; `what` names it ("input \"Glucose\"'s fill (1e39)"). */
export function tooBig(format: ExportFormat, what: string, retry?: string): ExportRefusal {
  return new ExportRefusal(
    format,
    `${EXPORT_FORMATS[format].title} stores numbers in 32 bits, and ${what} is beyond the largest such number (about 3.4e38): it would become infinite and the exported model would answer differently. Nothing was written.`,
    retry ?? 'Retrain with a smaller learning rate or some L2 regularisation, or export the weights as JSON.',
  );
}

/** What was written, in one sentence, for the app's notice and the CLI. */
export function exportedSentence(format: ExportFormat, where: string, files: readonly string[]): string {
  if (format === 'tfjs') return `TensorFlow.js model saved in the folder ${where} (${files.join(', ')}).`;
  if (format === 'calculator') return `Calculator page saved to ${where}: open it in any browser, no network needed.`;
  if (format === 'onnx') return `ONNX model saved to ${where}.`;
  return `Weights saved to ${where}.`;
}
