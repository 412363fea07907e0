// A trained model written out in one of the export formats (workers/exports/formats.ts) where the person chose, for
// the app and the CLI alike: every file built first (a format that cannot carry the model refuses before anything
// is written), each one checked on disk, and only then put in place.

import path from 'node:path';
import { onnx } from 'onnx-proto';
import { EXPORT_FORMATS, ExportRefusal, type ExportedFile, type ExportFormat } from '../../workers/exports/formats';
import { calculatorPage, type CalculatorFacts } from '../../workers/exports/calculator';
import { onnxModel } from '../../workers/exports/onnx';
import type { Precision } from '../../workers/exports/onnx-graph';
import { tfjsFiles } from '../../workers/exports/tfjs';
import type { WeightsFile } from '../../workers/engine/weights-file';
import { writeFolderVerified } from '../files/write-folder';
import { mustParseAsJson, writeFileVerified } from '../files/write-file';
import { writeTarget, type WriteKind } from '../files/write-target';
import { userError } from '../errors';

export interface ExportChoices {
  /** ONNX only: 32-bit numbers (the default: every runtime, phones included) or 64-bit */
  precision?: Precision;
  /** the calculator page's words and background rows, made only when that page is asked for */
  calculator?: () => Promise<CalculatorFacts>;
}

export interface ExportDone {
  format: ExportFormat;
  /** the file, or the folder (TensorFlow.js) */
  path: string;
  /** the names written (a folder's files) */
  files: string[];
  bytes: number;
}

const FILE_KINDS: Record<Exclude<ExportFormat, 'tfjs'>, WriteKind> = { weights: 'weights', onnx: 'onnx', calculator: 'page' };

/** The words of what is written, for the messages ("Your ONNX model was not changed."). */
function what(format: ExportFormat): string {
  return format === 'calculator' ? 'calculator page' : format === 'weights' ? 'weights file' : `${EXPORT_FORMATS[format].title} model`;
}

/** Checks that the bytes on disk read back as the format: JSON parses, ONNX decodes as a model. */
function verifierFor(name: string): ((bytes: Uint8Array) => void) | undefined {
  if (name.endsWith('.json')) return mustParseAsJson;
  if (name.endsWith('.onnx')) return (bytes) => void onnx.ModelProto.decode(bytes);
  return undefined;
}

async function build(weights: WeightsFile, raw: unknown, format: ExportFormat, choices: ExportChoices): Promise<ExportedFile[]> {
  const text = (name: string, content: string): ExportedFile => ({ name, bytes: Buffer.from(content, 'utf8') });
  try {
    if (format === 'weights') return [text('weights.json', `${JSON.stringify(raw, null, 2)}\n`)];
    if (format === 'tfjs') return tfjsFiles(weights);
    if (format === 'onnx') return [{ name: 'model.onnx', bytes: onnxModel(weights, { precision: choices.precision ?? 32 }) }];
    if (!choices.calculator) throw new Error('the calculator page needs its facts');
    return [text('calculator.html', calculatorPage(weights, await choices.calculator()))];
  } catch (error) {
    if (error instanceof ExportRefusal) throw userError('cannot_export', error.message, error.hint ? { hint: error.hint } : {});
    throw error;
  }
}

/**
 * Writes `weights` as `format` to `target` (a file; for TensorFlow.js a folder, made if missing). `raw` is the
 * weights as stored (the weights format writes them as they are).
 */
export async function exportModel(weights: WeightsFile, format: ExportFormat, target: string, choices: ExportChoices = {}, raw: unknown = weights): Promise<ExportDone> {
  // where first: a name the rules refuse is said before any work
  const place = format === 'tfjs' ? null : await writeTarget(target, FILE_KINDS[format]);
  const files = await build(weights, raw, format, choices);
  const bytes = files.reduce((sum, f) => sum + f.bytes.byteLength, 0);
  if (place === null) {
    const folder = await writeFolderVerified(target, files, `the ${what(format)}`, (name) => ({ what: `${what(format)}'s ${name}`, verify: verifierFor(name) }));
    return { format, path: folder, files: files.map((f) => f.name), bytes };
  }
  await writeFileVerified(place, files[0]!.bytes, { what: what(format), verify: verifierFor(place) });
  return { format, path: place, files: [path.basename(place)], bytes };
}
