// train --save FILE.neuron and predict --project FILE.neuron: the project gives exactly the predictions of the
// weights file exported from the same run; broken project files are refused with exit 2 and left untouched.
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './cli-process';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-cli-project-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const exists = (file: string) => access(file).then(() => true, () => false);

describe('train --save and predict --project', () => {
  it('the saved project predicts exactly as the weights file of the same run', async () => {
    const project = path.join(dir, 'diabetes.neuron');
    const weights = path.join(dir, 'diabetes.json');
    const t = await runCli(['train', '--epochs', '15', '--test', '0.2', '--save', project, '--out', weights, '--json']);
    expect(t.code).toBe(0);
    const saved = JSON.parse(await readFile(project, 'utf8'));
    expect(saved.format).toBe('neuron-studio.project');
    expect(saved.runs).toHaveLength(1);
    expect(saved.runs[0].history).toHaveLength(15);
    expect(saved.runs[0].evaluation.on).toBe('test');
    expect(saved.dataset.fileName).toBe('diabetes.csv');

    const fromProject = await runCli(['predict', '--project', project, '--csv', 'datasets/diabetes.csv', '--json']);
    const fromWeights = await runCli(['predict', '--weights', weights, '--csv', 'datasets/diabetes.csv', '--json']);
    expect(fromProject.code).toBe(0);
    const a = lastJsonLine<unknown[]>(fromProject.stdout);
    expect(a).toHaveLength(768);
    expect(a).toEqual(lastJsonLine<unknown[]>(fromWeights.stdout));
  });

  const broken: [string, string | Buffer][] = [
    ['a truncated project', '{"format":"neuron-studio.project","version":1,"name":"x","runs":[{"id":'],
    ['a file that is not JSON', 'Pregnancies,Glucose\n1,2\n'],
    ['another JSON file', '{"format":"something-else","version":1}'],
    ['a newer version', '{"format":"neuron-studio.project","version":99}'],
    ['a binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])],
  ];

  it.each(broken)('predict --project refuses %s with exit 2 and leaves it untouched', async (name, content) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.neuron`);
    await writeFile(file, content);
    const out = path.join(dir, `${name.replace(/\W+/g, '-')}-out.csv`);
    const r = await runCli(['predict', '--project', file, '--input', '1,2,3,4,5,6,7,8', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--project: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(Buffer.compare(await readFile(file), Buffer.from(content))).toBe(0);
    expect(await exists(out)).toBe(false);
    expect(await exists(`${file}.bak`)).toBe(false);
  });

  it.each(broken)('train --save refuses to replace %s, before training, and leaves it untouched', async (name, content) => {
    const file = path.join(dir, `save-${name.replace(/\W+/g, '-')}.neuron`);
    await writeFile(file, content);
    const r = await runCli(['train', '--epochs', '2', '--save', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--save: .*Nothing was trained; give --save another file name/s);
    expect(r.stdout).not.toMatch(/Epoch 1/);
    expect(Buffer.compare(await readFile(file), Buffer.from(content))).toBe(0);
    expect(await exists(`${file}.bak`)).toBe(false);
  });
});
