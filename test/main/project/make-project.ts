// Test helpers: a project with a dataset, a plan and runs of every kind, and a deterministic CSV of any size.

import { TrainingPlanSchema } from '../../../workers/plan';
import { encodeDataset } from '../../../main/project/save';
import { newProject } from '../../../main/project/new-project';
import type { ProjectFile } from '../../../main/project/schema';

/** A Pima-like CSV of `rows` rows from a fixed linear congruential sequence (same bytes on every machine). */
export function makeCsv(rows: number, seed = 1): Uint8Array {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const lines = ['Pregnancies,Glucose,BloodPressure,SkinThickness,Insulin,BMI,DiabetesPedigreeFunction,Age,Outcome'];
  for (let i = 0; i < rows; i++) {
    lines.push(
      [
        Math.floor(next() * 17),
        Math.floor(next() * 200),
        Math.floor(next() * 122),
        Math.floor(next() * 99),
        Math.floor(next() * 846),
        (next() * 67).toFixed(1),
        (next() * 2.4).toFixed(3),
        21 + Math.floor(next() * 60),
        next() < 0.35 ? 1 : 0,
      ].join(','),
    );
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

/** A full project: dataset, plan, a completed run with weights and evaluation, a stopped one, a diverged one. */
export function makeProject(name: string, csv: Uint8Array = makeCsv(20)): ProjectFile {
  const project = newProject(name, new Date('2025-02-01T10:00:00.000Z'));
  project.dataset = encodeDataset(csv, 'diabetes.csv', '/home/ana/diabetes.csv', { header: 'auto', skipBadRows: true });
  const plan = TrainingPlanSchema.parse({
    features: ['Glucose', 'BMI', 'Age'],
    label: 'Outcome',
    hidden: [{ units: 12, activation: 'relu' }, { units: 8, activation: 'relu', dropout: 0.1 }],
    split: { test: 0.2 },
    training: { epochs: 3, batchSize: 10 },
  });
  project.plan = plan;
  const history = [
    { epoch: 1, loss: 0.69, accuracy: 0.6, val_loss: 0.7, elapsed: 0.1 },
    { epoch: 2, loss: 0.61, accuracy: 0.66, val_loss: 0.64, elapsed: 0.2 },
    { epoch: 3, loss: 0.55, accuracy: 0.71, val_loss: 0.6, elapsed: 0.3 },
  ];
  project.runs = [
    {
      id: 'r1',
      name: 'Run 1',
      createdAt: '2025-02-01T10:01:00.000Z',
      finishedAt: '2025-02-01T10:01:02.000Z',
      status: 'completed',
      plan,
      history,
      totalEpochs: 3,
      trainSeconds: 0.31,
      weights: {
        format: 'neuron-studio.weights',
        version: 1,
        task: 'binary',
        inputs: [
          { name: 'Glucose', kind: 'numeric', missing: { values: [0], fill: 117 }, scale: { kind: 'standard', mean: 120.9, std: 31.97 } },
          { name: 'BMI', kind: 'numeric', scale: { kind: 'standard', mean: 31.99, std: 7.88 } },
          { name: 'Age', kind: 'numeric', scale: { kind: 'minmax', min: 21, max: 81 } },
        ],
        layers: [
          { units: 2, activation: 'relu', kernel: [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.6]], bias: [0.01, -0.02] },
          { units: 1, activation: 'sigmoid', kernel: [[0.7], [-0.8]], bias: [0.05] },
        ],
        output: { name: 'Outcome', classes: ['0', '1'], threshold: 0.5 },
      },
      evaluation: {
        on: 'test',
        task: 'binary',
        actual: [1, 0, 0, 1],
        probabilities: [0.81, 0.22, 0.47, 0.35],
        predicted: [1, 0, 0, 0],
        classes: ['0', '1'],
        baseline: { accuracy: 0.5, answer: '0' },
      },
      rows: { train: 16, validation: 0, test: 4 },
    },
    { id: 'r2', name: 'Run 2', createdAt: '2025-02-01T10:02:00.000Z', status: 'stopped', message: 'Stopped by you after 2 epochs.', plan, history: history.slice(0, 2), totalEpochs: 3 },
    {
      id: 'r3',
      name: 'Too fast',
      createdAt: '2025-02-01T10:03:00.000Z',
      status: 'diverged',
      message: 'The loss became NaN at epoch 2: try a smaller learning rate.',
      plan,
      history: [history[0], { epoch: 2, loss: Number.NaN, accuracy: 0.35, elapsed: 0.2 }],
      totalEpochs: 3,
    },
  ];
  project.ui = { screen: 'evaluate', selectedRunId: 'r1', compareRunIds: ['r1', 'r2'], threshold: 0.42, lastPatient: { Glucose: '148', BMI: '33.6', Age: '50' } };
  return project;
}
