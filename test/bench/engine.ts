// Engine benchmark: the Keras recipe on Pima and raw training throughput, ours against TensorFlow.js (pure-JS cpu
// backend) measured in the same run. Run alone: `npx tsx test/bench/engine.ts` (BENCH_NO_PEER=1 skips TensorFlow.js).
// Ours is timed on both engines, the default (WebAssembly SIMD kernels) and plain JavaScript, so the rows show the
// ratio; NEURON_ENGINE=js or =wasm times only that one (and makes it the main row).
import { Rng } from '../../workers/engine/rng';
import type { NetworkSpec, TrainSettings } from '../../workers/engine/spec';
import { train, type EngineName, type TrainData } from '../../workers/engine/train';
import { readPima, recipe, recipeSettings } from '../fixtures/keras-recipe';

export interface BenchRow { name: string; ours: number; peer?: number; unit: string; note?: string }

/** TensorFlow.js takes ~14 s for the full recipe here: time this many epochs and scale to 150. */
const PEER_RECIPE_EPOCHS = 10;
const THROUGHPUT_ROWS = 200_000, PEER_THROUGHPUT_ROWS = 10_240;



/** 32 standard-normal features; the label is whether a fixed random linear score is positive. */
function wideData(rows: number): TrainData {
  const rng = new Rng(99);
  const w = Array.from({ length: 32 }, () => rng.normal());
  const x = new Float64Array(rows * 32), y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let s = 0;
    for (let c = 0; c < 32; c++) s += (x[r * 32 + c] = rng.normal()) * w[c];
    y[r] = s > 0 ? 1 : 0;
  }
  return { x, y, rows, cols: 32, outputs: 1 };
}
const wide: NetworkSpec = {
  inputs: 32,
  layers: [{ units: 64, activation: 'relu' }, { units: 32, activation: 'relu' }, { units: 1, activation: 'sigmoid' }],
};
const wideSettings: TrainSettings = { loss: 'binary_crossentropy', optimizer: { name: 'adam' }, epochs: 1, batchSize: 256, seed: 1 };

/** The fastest of a few timed runs after a warm-up (the JIT needs one run to compile the hot loop; the fastest run is
 * the one least disturbed by other processes on a shared machine). */
function timeOurs(spec: NetworkSpec, settings: TrainSettings, data: TrainData, runs: number, engine?: EngineName): { seconds: number; accuracy: number; engine: EngineName } {
  const options = engine ? { engine } : {};
  const ran = train(spec, settings, data, {}, options).engine;
  const times: number[] = [];
  let accuracy = 0;
  for (let i = 0; i < runs; i++) {
    const result = train(spec, settings, data, {}, options);
    times.push(result.trainSeconds);
    accuracy = result.history.at(-1)?.accuracy ?? NaN;
  }
  return { seconds: Math.min(...times), accuracy, engine: ran };
}

const ENGINE_NAMES: Record<EngineName, string> = { wasm: 'WebAssembly SIMD', js: 'plain JavaScript' };

/** NEURON_ENGINE=js|wasm: time only that engine; otherwise the default one, then plain JavaScript beside it. */
function enginesToTime(): (EngineName | undefined)[] {
  const forced = process.env.NEURON_ENGINE;
  if (forced === 'js' || forced === 'wasm') return [forced];
  if (forced) throw new Error(`NEURON_ENGINE must be js or wasm (got "${forced}").`);
  return [undefined, 'js'];
}

type Tf = typeof import('@tensorflow/tfjs');

async function loadTf(): Promise<Tf> {
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  await tf.ready();
  return tf;
}

/** Seconds per epoch of the same model in TensorFlow.js, fit with verbose 0, after a one-epoch warm-up. */
async function timeTf(tf: Tf, spec: NetworkSpec, data: TrainData, batchSize: number, epochs: number, lr: number): Promise<{ perEpoch: number; accuracy: number }> {
  const model = tf.sequential();
  spec.layers.forEach((l, i) => model.add(tf.layers.dense({
    units: l.units, activation: l.activation as 'relu', kernelInitializer: l.initializer === 'random_uniform'
      ? tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05 }) : 'glorotUniform',
    ...(i === 0 ? { inputShape: [spec.inputs] } : {}),
  })));
  model.compile({ optimizer: tf.train.adam(lr, 0.9, 0.999, 1e-7), loss: 'binaryCrossentropy', metrics: ['accuracy'] });
  const x = tf.tensor2d(Float32Array.from(data.x.subarray(0, data.rows * data.cols)), [data.rows, data.cols]);
  const y = tf.tensor2d(Float32Array.from(data.y.subarray(0, data.rows)), [data.rows, 1]);
  await model.fit(x, y, { epochs: 1, batchSize, verbose: 0, shuffle: true });
  const start = performance.now();
  const history = await model.fit(x, y, { epochs, batchSize, verbose: 0, shuffle: true });
  const seconds = (performance.now() - start) / 1000;
  const acc = history.history.acc ?? history.history.accuracy;
  tf.dispose([x, y]);
  model.dispose();
  return { perEpoch: seconds / epochs, accuracy: Number(acc?.at(-1) ?? NaN) };
}

export async function benchEngine(): Promise<BenchRow[]> {
  // ours first, before TensorFlow.js is loaded, so its memory and threads cannot slow our figures
  const pima = readPima();
  const data = wideData(THROUGHPUT_ROWS);
  const [timed, ...others] = enginesToTime().map((engine) => ({
    recipe: timeOurs(recipe, recipeSettings, pima, 5, engine),
    wide: timeOurs(wide, wideSettings, data, 3, engine),
  }));
  const ours = timed.recipe, wideOurs = timed.wide;
  const engineNote = ` (${ENGINE_NAMES[ours.engine]} engine)`;

  const tf = process.env.BENCH_NO_PEER ? null : await loadTf();
  const peer = tf ? await timeTf(tf, recipe, pima, 10, PEER_RECIPE_EPOCHS, 0.001) : null;
  const widePeer = tf ? await timeTf(tf, wide, { ...data, rows: PEER_THROUGHPUT_ROWS }, 256, 1, 0.001) : null;
  const rows: BenchRow[] = [
    {
      name: 'Keras recipe, Pima 768 rows, 8-16-8-1, Adam, batch 10, 150 epochs',
      ours: ours.seconds,
      ...(peer ? { peer: peer.perEpoch * 150 } : {}),
      unit: 's',
      note: `ours${engineNote}: fastest of 5 after a warm-up, training accuracy ${ours.accuracy.toFixed(3)}` +
        (peer ? `; TensorFlow.js cpu: ${PEER_RECIPE_EPOCHS} epochs timed and scaled to 150` : ''),
    },
    {
      name: 'Throughput, 200,000 x 32, 32-64-32-1, Adam, batch 256, one epoch',
      ours: THROUGHPUT_ROWS / wideOurs.seconds,
      ...(widePeer ? { peer: PEER_THROUGHPUT_ROWS / widePeer.perEpoch } : {}),
      unit: 'rows/s',
      note: `ours${engineNote}: fastest of 3 after a warm-up, float64, one thread` +
        (widePeer ? `; TensorFlow.js cpu: one epoch on the first ${PEER_THROUGHPUT_ROWS} rows` : ''),
    },
  ];
  // the other engine as its own rows, its "peer" being the default engine, so the ratio column compares the two
  for (const other of others) {
    const name = ENGINE_NAMES[other.recipe.engine];
    rows.push(
      {
        name: `Keras recipe on Pima, ${name} engine`,
        ours: other.recipe.seconds,
        peer: ours.seconds,
        unit: 's',
        note: `peer here: the ${ENGINE_NAMES[ours.engine]} engine; training accuracy ${other.recipe.accuracy.toFixed(3)}`,
      },
      {
        name: `Throughput 32-64-32-1, ${name} engine`,
        ours: THROUGHPUT_ROWS / other.wide.seconds,
        peer: THROUGHPUT_ROWS / wideOurs.seconds,
        unit: 'rows/s',
        note: `peer here: the ${ENGINE_NAMES[ours.engine]} engine`,
      },
    );
  }
  return rows;
}

if (typeof require !== 'undefined' && require.main === module) {
  benchEngine().then((rows) => {
    for (const r of rows) {
      const faster = r.peer === undefined ? 0 : r.unit === 's' ? r.peer / r.ours : r.ours / r.peer;
      const ratio = r.peer === undefined ? '' : `  (${faster.toFixed(faster >= 10 ? 0 : 2)}x)`;
      const fmt = (v: number) => (r.unit === 's' ? `${v.toFixed(3)} s` : `${Math.round(v).toLocaleString('en')} ${r.unit}`);
      console.log(`${r.name}\n  ours ${fmt(r.ours)}${r.peer === undefined ? '' : `, peer ${fmt(r.peer)}`}${ratio}\n  ${r.note ?? ''}`);
    }
  });
}
