// What `train` says about a run in a real process: a diverged run (Adam at learning rate 100) exits 2 and its --json
// line says "stopReason": "diverged"; a memorising run is told where it began; --class-weights is carried and checked.
import { access, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastJsonLine, runCli } from './cli-process';
import { looseAnswersCsv } from '../e2e/made-up-tables';

interface TrainJson {
  epochs: number;
  stopReason: string;
  verdict: string;
  memorisingFrom?: number;
  metrics: Record<string, number>;
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'neuron-diagnose-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exists = (file: string) => access(file).then(() => true, () => false);

describe('train: runs that diagnose themselves', () => {
  it('Adam at learning rate 100 on the Pima table: diverged, exit 2, nothing written, and the JSON says so', async () => {
    // regression: this run read "completed" after 150 epochs, and its JSON said "stopReason": "completed"
    const out = path.join(dir, 'fast.json');
    const r = await runCli(['train', '--lr', '100', '--out', out, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Training went wrong in epochs 1–3: the loss swung far above where it started \([\d.]+ in epoch 3, against 0\.\d+ before training\)\. No epoch went well, so the weights are the starting ones: it has learned nothing\. Try a learning rate of 0\.001 \(Adam's usual rate\) instead of 100\.\nNo file was written\.\n$/);
    const json = lastJsonLine<TrainJson>(r.stdout);
    expect(json).toMatchObject({ epochs: 3, stopReason: 'diverged', verdict: 'diverged' });
    expect(await exists(out)).toBe(false);
  });

  it('a big network trained long on a small loose table: memorising, where it began, and what to do', async () => {
    const csv = path.join(dir, 'loose.csv');
    await writeFile(csv, looseAnswersCsv());
    const r = await runCli(['train', '--csv', csv, '--label', 'answer', '--layers', '128:relu,128:relu', '--epochs', '300', '--validation', '0.15', '--test', '0.2', '--json']);
    expect(r.code).toBe(0);
    const json = lastJsonLine<TrainJson>(r.stdout);
    expect(json).toMatchObject({ stopReason: 'completed', verdict: 'memorising' });
    const from = json.memorisingFrom!;
    expect(from).toBeGreaterThanOrEqual(1);
    expect(from).toBeLessThan(100);
    expect(r.stdout).toContain(`It began memorising the training rows after epoch ${from}: from there the validation loss rose while the training loss kept falling.`);
    expect(r.stdout).toContain(`Train for about ${from} epochs (--epochs ${from}), or use fewer units (--layers).`);
  });

  it('--class-weights balanced changes the loss trained on; refused for numbers; unknown values refused', async () => {
    const loss = async (weights: string) => {
      const r = await runCli(['train', '--class-weights', weights, '--epochs', '2', '--json']);
      expect(r.code).toBe(0);
      return lastJsonLine<TrainJson>(r.stdout).metrics.loss;
    };
    const [none, balanced] = await Promise.all([loss('none'), loss('balanced')]);
    expect(Math.abs(none - balanced)).toBeGreaterThan(1e-3);

    const numbers = await runCli(['train', '--csv', 'datasets/diabetes.csv', '--label', 'BMI', '--task', 'regression', '--class-weights', 'balanced', '--epochs', '2']);
    expect(numbers.code).toBe(2);
    expect(numbers.stderr).toBe('Class weights give each class of answers the same say, but "BMI" holds numbers to predict, not classes.\n' +
      'Set Class weights to none (on the command line: --class-weights none).\n');

    const unknown = await runCli(['train', '--class-weights', 'fair']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--class-weights "fair" is not known. Use one of: none, balanced.');
  });

  it('--help lists --class-weights and says what each exit code means', async () => {
    const r = await runCli(['train', '--help']);
    expect(r.stdout).toContain('--class-weights none|balanced');
    expect(r.stdout).toMatch(/Exit codes: 0 trained.*2 a problem with the input or the settings, a run that\ndiverged included/s);
  });
});
