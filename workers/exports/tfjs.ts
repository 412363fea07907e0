// The TensorFlow.js Layers export (docs/export-tfjs.md): model.json (a Keras-style Sequential model, as
// tf.loadLayersModel reads it), weights.bin (its float32 weights) and preparation.json (what tfjs has no place for).

import type { ActivationName } from '../engine/spec';
import { featureWidth, type WeightsFile, type WeightsLayer } from '../engine/weights-file';
import { ExportRefusal, refuseBeyondFloat32, type ExportedFile } from './formats';
import { preparationFile } from './preparation-file';
import { TFJS_ACTIVATIONS, type TfjsActivation, type TfjsLayerEntry } from './tfjs-activations';

export const TFJS_WEIGHTS_FILE = 'weights.bin';

interface ManifestEntry {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/**
 * The three files of the export; throws ExportRefusal, returning nothing, when tfjs cannot carry the model as it is.
 * `activations` is TFJS_ACTIVATIONS but for tests, which give one a refusal to see it said.
 */
export function tfjsFiles(weights: WeightsFile, activations: Record<ActivationName, TfjsActivation> = TFJS_ACTIVATIONS): ExportedFile[] {
  refuseBeyondFloat32(weights, 'tfjs');
  const layers: TfjsLayerEntry[] = [];
  const manifest: ManifestEntry[] = [];
  const values: number[][] = [];
  weights.layers.forEach((layer, i) => {
    const mapped = activations[layer.activation];
    if ('refuse' in mapped) {
      throw new ExportRefusal('tfjs', `TensorFlow.js cannot compute layer ${i + 1}'s activation "${layer.activation}" as Neuron Studio does: ${mapped.refuse}. Nothing was written.`,
        'Export the weights as JSON, or retrain with another activation for this layer.');
    }
    const name = `dense_${i + 1}`;
    layers.push(denseEntry(name, layer, mapped.dense, i === 0 ? featureWidth(weights.inputs) : undefined));
    if (mapped.after) layers.push({ class_name: mapped.after.class_name, config: { ...mapped.after.config, name: `${name}_${mapped.after.class_name.toLowerCase()}`, trainable: true } });
    manifest.push({ name: `${name}/kernel`, shape: [layer.kernel.length, layer.units], dtype: 'float32' });
    values.push(layer.kernel.flat());
    if (layer.bias) {
      manifest.push({ name: `${name}/bias`, shape: [layer.units], dtype: 'float32' });
      values.push(layer.bias);
    }
  });
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'Neuron Studio',
    convertedBy: null,
    modelTopology: { class_name: 'Sequential', config: { name: 'neuron_studio_model', layers }, backend: 'tensor_flow.js' },
    weightsManifest: [{ paths: [TFJS_WEIGHTS_FILE], weights: manifest }],
  };
  return [
    { name: 'model.json', bytes: jsonBytes(modelJson) },
    { name: TFJS_WEIGHTS_FILE, bytes: float32LittleEndian(values.flat()) },
    { name: 'preparation.json', bytes: jsonBytes(preparationFile(weights)) },
  ];
}

function denseEntry(name: string, layer: WeightsLayer, activation: string, inputWidth?: number): TfjsLayerEntry {
  return {
    class_name: 'Dense',
    config: {
      name,
      units: layer.units,
      activation,
      use_bias: layer.bias !== undefined,
      trainable: true,
      dtype: 'float32',
      ...(inputWidth !== undefined ? { batch_input_shape: [null, inputWidth] } : {}),
    },
  };
}

function jsonBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
}

/** tfjs reads weights.bin as float32 little-endian whatever machine wrote it; kernels row by row ([fan_in][units]). */
function float32LittleEndian(values: number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  return bytes;
}
