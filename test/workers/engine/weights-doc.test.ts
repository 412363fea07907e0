// docs/weights-format.md and docs/weights.schema.json: the doc's reference implementation gives the engine's
// predictions, and example files pass the schema (checked by a small validator of the keywords the schema uses).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Network } from '../../../workers/engine/network';
import { parseWeightsFile, predict, type Prediction } from '../../../workers/engine/predict';
import { Rng } from '../../../workers/engine/rng';
import { ACTIVATIONS, type LayerSpec } from '../../../workers/engine/spec';
import { featureWidth, WEIGHTS_FORMAT, type InputSpec, type OutputSpec, type Task, type WeightsFile } from '../../../workers/engine/weights-file';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const doc = read('docs/weights-format.md');
const schema = JSON.parse(read('docs/weights.schema.json'));
const fixtureDir = new URL('fixtures/', import.meta.url);
const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.weights.json'))
  .map((f) => ({ file: f, json: JSON.parse(readFileSync(new URL(f, fixtureDir), 'utf8')) }));

/** The first code block of the given language after a heading. */
function codeBlock(heading: string, language: string): string {
  const section = doc.slice(doc.indexOf(heading));
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(heading ? section : doc);
  if (!match) throw new Error(`no ${language} block after ${heading}`);
  return match[1];
}

type Row = (string | number | null)[];
const predictRow = new Function(`${codeBlock('## Reference implementation', 'js')}\nreturn predictRow;`)() as
  (model: WeightsFile, row: Row) => Prediction;

/** A model with seeded random weights (and biases) for the given inputs and layers. */
function model(task: Task, inputs: InputSpec[], layers: LayerSpec[], output: OutputSpec, seed: number): WeightsFile {
  const rng = new Rng(seed);
  const network = new Network({ inputs: featureWidth(inputs), layers }, rng);
  for (const l of network.layers) if (l.bias) for (let j = 0; j < l.units; j++) l.bias[j] = rng.normal() * 0.5;
  return parseWeightsFile({ format: WEIGHTS_FORMAT, version: 1, task, inputs, layers: network.toLayers(), output });
}

const diabetes = parseWeightsFile(fixtures.find((f) => f.file === 'diabetes-binary.weights.json')!.json);
const sex: InputSpec = { name: 'Sex', kind: 'categorical', categories: ['F', 'M', 'X'], missing: { values: ['?'], fill: 'F' } };
const age: InputSpec = { name: 'Age', kind: 'numeric', missing: { values: [-1], fill: 40 }, scale: { kind: 'minmax', min: 20, max: 80 } };
const size: InputSpec = { name: 'Size', kind: 'numeric', scale: { kind: 'standard', mean: 10, std: 4 } };

const cases: { name: string; model: WeightsFile; rows: Row[] }[] = [
  {
    name: 'binary Pima model with missing markers and standard scaling',
    model: diabetes,
    rows: [
      [6, 148, 72, 35, 0, 33.6, 0.627, 50],
      [1, 0, 66, 29, 0, 26.6, 0.351, 31], // Glucose 0 = not measured
      ['8', '183', '64', '', null, '23.3', '0.672', '32'], // text, empty and null cells
      [0, 197, 70, 45, 543, 30.5, 0.158, 53],
    ],
  },
  {
    name: 'categorical one-hot input with a missing marker (binary, threshold 0.45)',
    model: model('binary', [sex, age], [{ units: 5, activation: 'tanh' }, { units: 1, activation: 'sigmoid' }],
      { name: 'y', classes: ['no', 'yes'], threshold: 0.45 }, 1),
    rows: [['F', 30], ['M', 70], ['X', -1], ['?', 50], ['unseen', 20], [null, 25]],
  },
  {
    name: 'multiclass softmax',
    model: model('multiclass', [size, age, sex], [{ units: 6, activation: 'relu' }, { units: 4, activation: 'softmax' }],
      { name: 'kind', classes: ['a', 'b', 'c', 'd'] }, 2),
    rows: [[10, 40, 'M'], [2, 75, 'F'], [18, -1, 'X'], [-5, 20, '?']],
  },
  {
    name: 'regression with an output scale and minmax input',
    model: model('regression', [age, size], [{ units: 4, activation: 'elu' }, { units: 1, activation: 'linear', useBias: false }],
      { name: 'price', scale: { kind: 'standard', mean: 250, std: 40 } }, 3),
    rows: [[30, 12], [-1, 3], [80, 20]],
  },
  {
    name: 'every activation in one chain',
    model: model('regression', [size], [
      ...ACTIVATIONS.filter((a) => a !== 'softmax').map((activation) => ({ units: 3, activation })),
      { units: 1, activation: 'linear' },
    ] as LayerSpec[], { name: 'y' }, 4),
    rows: [[0], [7], [13], [30]],
  },
];

describe('the reference implementation in docs/weights-format.md', () => {
  it.each(cases)('gives the engine\'s predictions: $name', ({ model, rows }) => {
    const engine = predict(model, rows).predictions;
    rows.forEach((row, r) => {
      const ours = engine[r] as Record<string, unknown>, theirs = predictRow(model, row) as Record<string, unknown>;
      expect(Object.keys(theirs).sort()).toEqual(Object.keys(ours).sort());
      if ('label' in ours) expect(theirs.label).toBe(ours.label);
      if ('value' in ours) expect(theirs.value).toBeCloseTo(ours.value as number, 10);
      if ('probability' in ours) expect(theirs.probability).toBeCloseTo(ours.probability as number, 12);
      if ('probabilities' in ours) {
        for (const [c, p] of Object.entries(ours.probabilities as Record<string, number>)) {
          expect((theirs.probabilities as Record<string, number>)[c]).toBeCloseTo(p, 12);
        }
      }
    });
  });

  it('the cases are not trivial: binary answers differ between rows', () => {
    const labels = predict(cases[1].model, cases[1].rows).predictions.map((p) => (p as { label: string }).label);
    expect(new Set(labels).size).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------- schema

type Schema = Record<string, unknown>;
const KNOWN = new Set(['$schema', '$id', 'title', 'description', 'type', 'required', 'properties', 'const', 'enum', 'items',
  'minItems', 'minimum', 'maximum', 'oneOf', '$ref', '$defs']);

/** Problems of `value` against `node` (only the keywords our schema uses; any other keyword is itself a problem). */
function validate(value: unknown, node: Schema, path = '$'): string[] {
  const unknownKeys = Object.keys(node).filter((k) => !KNOWN.has(k));
  if (unknownKeys.length) return [`${path}: validator does not know ${unknownKeys.join(', ')}`];
  if (typeof node.$ref === 'string') return validate(value, schema.$defs[node.$ref.replace('#/$defs/', '')], path);
  const problems: string[] = [];
  const type = node.type as string | undefined;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'object' && !isObject) return [`${path}: not an object`];
  if (type === 'array' && !Array.isArray(value)) return [`${path}: not an array`];
  if ((type === 'number' && typeof value !== 'number') || (type === 'string' && typeof value !== 'string')) return [`${path}: not a ${type}`];
  if (type === 'integer' && !Number.isInteger(value)) return [`${path}: not an integer`];
  if ('const' in node && value !== node.const) problems.push(`${path}: must be ${JSON.stringify(node.const)}`);
  if (Array.isArray(node.enum) && !node.enum.includes(value)) problems.push(`${path}: not one of ${node.enum.join(', ')}`);
  if (typeof node.minimum === 'number' && (value as number) < node.minimum) problems.push(`${path}: below ${node.minimum}`);
  if (typeof node.maximum === 'number' && (value as number) > node.maximum) problems.push(`${path}: above ${node.maximum}`);
  if (Array.isArray(value)) {
    if (typeof node.minItems === 'number' && value.length < node.minItems) problems.push(`${path}: too few items`);
    if (node.items) value.forEach((v, i) => problems.push(...validate(v, node.items as Schema, `${path}[${i}]`)));
  }
  if (isObject) {
    for (const key of (node.required as string[] | undefined) ?? []) if (!(key in value)) problems.push(`${path}: needs "${key}"`);
    for (const [key, sub] of Object.entries((node.properties as Record<string, Schema> | undefined) ?? {})) {
      if (key in value) problems.push(...validate((value as Record<string, unknown>)[key], sub, `${path}.${key}`));
    }
  }
  if (Array.isArray(node.oneOf) && node.oneOf.filter((s) => validate(value, s, path).length === 0).length !== 1) {
    problems.push(`${path}: must match exactly one of ${node.oneOf.length} forms`);
  }
  return problems;
}

const docExample = JSON.parse(codeBlock('', 'json'));

describe('docs/weights.schema.json', () => {
  it('names the same format, tasks and activations as the engine', () => {
    expect(schema.properties.format.const).toBe(WEIGHTS_FORMAT);
    expect(schema.properties.task.enum).toEqual(['binary', 'multiclass', 'regression']);
    expect(schema.$defs.layer.properties.activation.enum).toEqual([...ACTIVATIONS]);
    expect(schema.required).toEqual(['format', 'version', 'task', 'inputs', 'layers', 'output']);
  });

  it.each([...fixtures, { file: 'the example in weights-format.md', json: docExample }])('$file passes the schema and the engine\'s reader', ({ json }) => {
    expect(validate(json, schema)).toEqual([]);
    expect(() => parseWeightsFile(json)).not.toThrow();
  });

  it.each(cases)('the generated model passes: $name', ({ model }) => {
    expect(validate(JSON.parse(JSON.stringify(model)), schema)).toEqual([]);
  });

  const good = fixtures[0].json;
  it.each([
    { why: 'no format', file: { ...good, format: undefined }, problem: /needs "format"/ },
    { why: 'version 2', file: { ...good, version: 2 }, problem: /\$\.version: must be 1/ },
    { why: 'an unknown task', file: { ...good, task: 'ranking' }, problem: /\$\.task: not one of/ },
    { why: 'an unknown activation', file: { ...good, layers: [{ ...good.layers[0], activation: 'swish' }] }, problem: /activation: not one of/ },
    { why: 'a kernel of text', file: { ...good, layers: [{ ...good.layers[0], kernel: [['1']] }] }, problem: /kernel\[0\]\[0\]: not a number/ },
    { why: 'a layer without units', file: { ...good, layers: [{ activation: 'relu', kernel: [[1]] }] }, problem: /layers\[0\]: needs "units"/ },
    { why: 'an input of an unknown kind', file: { ...good, inputs: [{ name: 'a', kind: 'date' }] }, problem: /inputs\[0\]: must match exactly one/ },
  ])('rejects $why', ({ file, problem }) => {
    const clean = JSON.parse(JSON.stringify(file));
    expect(validate(clean, schema).join('\n')).toMatch(problem);
  });
});
