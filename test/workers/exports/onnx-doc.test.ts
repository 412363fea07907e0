// docs/export-onnx.md holds: its JavaScript example, run as a real Node process on an exported file, answers as
// predict() does; the inputs, outputs and metadata it lists are what onnxruntime and the file's protobuf report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { onnx } from 'onnx-proto';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../workers/exports/formats';
import { onnxModel } from '../../../workers/exports/onnx';
import { predict } from '../../../workers/engine/predict';
import { diabetesModel, exportModels } from './models';

const ROOT = path.resolve(__dirname, '../../..');
const doc = readFileSync(path.join(ROOT, EXPORT_FORMATS.onnx.doc), 'utf8');

function codeBlock(heading: string, language: string): string {
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(doc.slice(doc.indexOf(heading)));
  if (!match) throw new Error(`no ${language} block after ${heading}`);
  return match[1];
}

/** The rows of a markdown table whose header starts with `| first |`, as cells. */
function tableRows(first: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`| ${first} |`));
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i].split('|').slice(1, -1).map((c) => c.trim()));
  return rows;
}

/** The doc's outputs of a task, in order: the `name`: entries of its row in the outputs table. */
const documentedOutputs = (task: string) => [...tableRows('task').find((r) => r[0].startsWith(`\`${task}\``))![1].matchAll(/`(\w+)`:/g)].map((m) => m[1]);
const documentedKeys = tableRows('key').map((r) => r[0].replaceAll('`', ''));

const models = exportModels();
const byTask = (['binary', 'multiclass', 'regression'] as const).map((task) => models.find((m) => m.weights.task === task)!);

describe('docs/export-onnx.md', () => {
  it('opens with the format\'s one sentence', () => {
    expect(doc.split('\n')[2]).toBe(EXPORT_FORMATS.onnx.purpose);
  });

  it.each(byTask.flatMap((m) => ([32, 64] as const).map((precision) => ({ ...m, precision }))))(
    'lists the inputs and outputs onnxruntime reports: $name, $precision bits', async ({ weights, precision }) => {
      const session = await ort.InferenceSession.create(onnxModel(weights, { precision }));
      const number = precision === 32 ? 'float32' : 'float64';
      expect(session.inputNames).toEqual(weights.inputs.map((i) => i.name));
      expect(session.inputMetadata.map((m) => m.isTensor && [m.type, m.shape])).toEqual(
        weights.inputs.map((i) => [i.kind === 'numeric' ? number : 'string', ['N', 1]]));
      expect(session.outputNames).toEqual(documentedOutputs(weights.task));
      expect(session.outputMetadata.map((m) => m.isTensor && m.type)).toEqual(session.outputNames.map((n) => (n === 'label' ? 'string' : number)));
    });

  it.each(byTask)('lists the metadata the file holds: $name', ({ weights }) => {
    const file = onnx.ModelProto.decode(onnxModel(weights, { precision: 32 }));
    expect(file.producerName).toBe('Neuron Studio');
    expect(file.docString).toContain(weights.output.name);
    const facts = Object.fromEntries(file.metadataProps.map((p) => [p.key, p.value]));
    const expected = documentedKeys.filter((k) => (k === 'classes' ? weights.task !== 'regression' : k === 'threshold' ? weights.task === 'binary' : true));
    expect(Object.keys(facts).sort()).toEqual(expected.sort());
    expect(facts.label_name).toBe(weights.output.name);
    if (facts.classes) expect(JSON.parse(facts.classes)).toEqual(weights.output.classes);
  });

  describe('the JavaScript example', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'onnx-doc-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('runs in Node on the exported diabetes model and prints predict()\'s answers', () => {
      const weights = diabetesModel();
      const example = codeBlock('## Loading it in JavaScript', 'js');
      writeFileSync(path.join(folder, 'diabetes.onnx'), onnxModel(weights, { precision: 32 }));
      writeFileSync(path.join(folder, 'example.js'), example);
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
      const printed = execFileSync(process.execPath, ['example.js'], { cwd: folder, encoding: 'utf8', timeout: 60_000 });

      const columns = new Function(`return ${/const rows = (\{[\s\S]*?\});/.exec(example)![1]}`)() as Record<string, number[]>;
      const rows = columns[weights.inputs[0].name].map((_, r) => weights.inputs.map((i) => columns[i.name][r]));
      const answers = [...printed.matchAll(/^row (\d+): (\S+) \(probability ([\d.]+)\)$/gm)];
      expect(answers).toHaveLength(rows.length);
      predict(weights, rows).predictions.forEach((p, r) => {
        const { label, probability } = p as { label: string; probability: number };
        expect(answers[r][2]).toBe(label);
        expect(Math.abs(Number(answers[r][3]) - probability)).toBeLessThanOrEqual(5e-5 + 1e-5); // printed to 4 decimals
      });
    });
  });
});
