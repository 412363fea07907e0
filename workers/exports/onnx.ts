// The ONNX export (docs/export-onnx.md): one model that takes the raw values of the inputs, prepares them, runs the
// network and answers by name, in float32 or float64, as bytes (pure: the caller writes the file).

import { onnx } from 'onnx-proto';
import { ExportRefusal, FLOAT32_MAX, refuseBeyondFloat32, tooBig } from './formats';
import { OnnxGraph, type Precision } from './onnx-graph';
import { preparedFeatures } from './onnx-inputs';
import { denseLayers } from './onnx-layers';
import { namedOutputs, outputNames } from './onnx-outputs';
import type { WeightsFile } from '../engine/weights-file';

/** Opset 19 is the first whose Equal compares texts (the one-hot and the missing markers of categories). */
const OPSET = 19;
const IR_VERSION = 9;

const RETRY_IN_64_BITS = 'Retrain with a smaller learning rate or some L2 regularisation, or export the ONNX model in 64-bit precision.';

export interface OnnxOptions {
  /** 32: float inputs, what most tools and phones expect; 64: double inputs, the app's answers to the last digit */
  precision: Precision;
}

/** The .onnx file's bytes for a model; throws ExportRefusal when 32 bits cannot hold one of its numbers. */
export function onnxModel(weights: WeightsFile, options: OnnxOptions): Uint8Array {
  if (options.precision === 32) {
    refuseBeyondFloat32(weights, 'onnx', RETRY_IN_64_BITS);
    refusePreparationBeyondFloat32(weights);
  }
  refuseInputNamedAsOutput(weights);
  const g = new OnnxGraph(options.precision);
  g.reserve([...weights.inputs.map((i) => i.name), ...outputNames(weights.task)]);
  const { features, width } = preparedFeatures(g, weights.inputs);
  namedOutputs(g, denseLayers(g, features, width, weights.layers), weights);
  const model: onnx.IModelProto = {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'Neuron Studio',
    docString: whatItAnswers(weights),
    graph: { name: weights.output.name, node: g.nodes, initializer: g.constants, input: g.inputs, output: g.outputs },
    metadataProps: Object.entries(modelFacts(weights, options.precision)).map(([key, value]) => ({ key, value })),
  };
  return onnx.ModelProto.encode(model).finish();
}

/** The model's facts a program can read from the file (metadata_props); docs/export-onnx.md lists them. */
export function modelFacts(weights: WeightsFile, precision: Precision): Record<string, string> {
  const { name, classes, threshold = 0.5 } = weights.output;
  return {
    task: weights.task,
    label_name: name,
    precision: String(precision),
    ...(classes ? { classes: JSON.stringify(classes) } : {}),
    ...(weights.task === 'binary' ? { threshold: String(threshold) } : {}),
  };
}

/** The doc_string: what the model answers, from which inputs, in which outputs. */
export function whatItAnswers(weights: WeightsFile): string {
  const { name, classes = [], threshold = 0.5 } = weights.output;
  const from = `from ${weights.inputs.map((i) => i.name).join(', ')}`;
  if (weights.task === 'regression') return `Neuron Studio model: predicts ${name} ${from}; output "value" is in ${name}'s units.`;
  if (weights.task === 'binary') {
    return `Neuron Studio model: answers ${name} (${classes[0]} or ${classes[1]}) ${from}; output "probability" is the chance of ${classes[1]}, "label" is ${classes[1]} when it is at least ${threshold}.`;
  }
  return `Neuron Studio model: answers ${name} (${classes.join(', ')}) ${from}; output "probabilities" has one column per class in that order, "label" is the most probable.`;
}

/** A graph's inputs and outputs share one namespace: a column named as an output cannot be fed by its name. */
function refuseInputNamedAsOutput(weights: WeightsFile): void {
  const outputs = outputNames(weights.task);
  const clash = weights.inputs.find((i) => outputs.includes(i.name));
  if (!clash) return;
  throw new ExportRefusal(
    'onnx',
    `The ONNX model's answers are named ${outputs.map((o) => `"${o}"`).join(' and ')}, and the input column "${clash.name}" has one of these names: a model cannot have an input and an output of the same name. Nothing was written.`,
    `Rename the column "${clash.name}" in the table and train again, or export the weights as JSON.`,
  );
}

/** The preparation's numbers go into the graph in 32 bits too; one beyond it would become infinite. */
function refusePreparationBeyondFloat32(weights: WeightsFile): void {
  for (const [what, value] of preparationNumbers(weights)) {
    if (Math.abs(value) > FLOAT32_MAX) throw tooBig('onnx', `${what} (${value})`, RETRY_IN_64_BITS);
  }
}

/** Every number of the preparation and the output's scaling, each with what it is, for the refusal. */
function preparationNumbers(weights: WeightsFile): [string, number][] {
  const found: [string, number][] = [];
  for (const input of weights.inputs) {
    if (input.kind !== 'numeric') continue;
    const of = `input "${input.name}"'s`, s = input.scale;
    if (input.missing) found.push([`${of} fill for missing values`, input.missing.fill], ...input.missing.values.map((v): [string, number] => [`${of} missing marker`, v]));
    if (s?.kind === 'standard') found.push([`${of} scaling mean`, s.mean], [`${of} scaling spread`, s.std]);
    if (s?.kind === 'minmax') found.push([`${of} scaling minimum`, s.min], [`${of} scaling maximum`, s.max], [`${of} scaling range`, s.max - s.min]);
  }
  const out = weights.output.scale;
  if (out) found.push([`the output's scaling mean`, out.mean], [`the output's scaling spread`, out.std]);
  return found;
}
