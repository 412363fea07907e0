// Continue, replay and the threshold goal in Chromium, on the example: its run is over in a blink, so the Train
// screen offers to watch it again slowly; Continue goes on from its weights (and says plainly when the model changed
// since); Evaluate sets the threshold by a goal in words and says what it costs.
import { describe, expect, it } from 'vitest';
import { eventually } from './app-page';
import { appForSuite } from './suite-app';

describe('continue, replay and the threshold goal, in browser mode', () => {
  const suite = appForSuite();
  let epochs = 0;

  it('offers to replay the example run, which is over in a blink', async () => {
    const { ui } = suite;
    await ui.trainExample();
    await eventually(() => ui.replayWords(), (w) => w.length > 0, 10_000, 'the replay offer');
    expect(await ui.replayWords()).toMatch(/^That took 0\.\d\d s\.\s*Watch it again slowly$/);
    epochs = await ui.chartPoints('loss-chart');
    expect(epochs).toBeGreaterThan(10);
    await ui.screenshot('continue-01-offer');
  });

  it('replays it epoch by epoch on the charts and the drawing, then shows the whole run again', async () => {
    const { ui } = suite;
    await ui.startReplay();
    // part-way: the curve holds as many points as the epoch said, and the drawing shows that epoch's weights
    const midway = await eventually(
      () => ui.replayState(),
      (s) => {
        const epoch = Number(/epoch (\d+) of/.exec(s.words)?.[1] ?? 0);
        return epoch >= epochs / 3 && epoch < epochs;
      },
      30_000,
      'the replay to be a third of the way',
    );
    await ui.screenshot('continue-02-replay-midway');
    const [, shownEpoch, last] = /^Replaying: epoch (\d+) of (\d+)$/.exec(midway.words)!;
    expect(Number(last)).toBe(epochs);
    expect(midway.lossPoints).toBe(Number(shownEpoch));
    expect(midway.title).toMatch(/^The network, replayed: weights after epoch \d+$/);
    expect(Number(/epoch (\d+)$/.exec(midway.title)![1])).toBeLessThanOrEqual(Number(shownEpoch));
    expect(midway.weighted).toBeGreaterThan(0);

    const end = await eventually(() => ui.replayState(), (s) => s.words.startsWith('Replayed'), 30_000, 'the replay to end');
    expect(end.words).toBe(`Replayed all ${epochs} epochs.`);
    expect(end.lossPoints).toBe(epochs);
    expect(end.title).toBe('The network after training');
  });

  it('stops a replay part-way: the whole run is shown again', async () => {
    const { ui } = suite;
    await ui.startReplay();
    await eventually(() => ui.replayState(), (s) => s.words.startsWith('Replaying'), 30_000, 'the replay to start');
    await ui.stopReplay();
    const after = await ui.replayState();
    expect(after.words).toBe('');
    expect(after.lossPoints).toBe(epochs);
    expect(await ui.replayWords()).toMatch(/Watch it again slowly$/);
  });

  it('continues the run from its weights: the new run starts at the loss where the first one stopped', async () => {
    const { ui, app } = suite;
    await ui.continueFromList('Run 1');
    await ui.continueRun(20);
    await ui.page.locator('[data-test="run-Run 2"]').waitFor();
    await ui.waitForRunStatus('Run 2', /finished|stopped early/);
    const first = app.core.context.session.runs.find((r) => r.name === 'Run 1')!;
    expect(await ui.continuedFrom()).toBe(`Continued from Run 1 at epoch ${first.keptEpoch}.`);
    const next = app.core.context.session.runs.find((r) => r.name === 'Run 2')!;
    const kept = first.history[first.keptEpoch! - 1]!;
    // hand-checked: the example's validation loss falls by about 0.09 after its first epoch (Adam at 0.01 learns much
    // in one); one more epoch from the kept weights barely moves it
    expect(first.history[0]!.val_loss! - kept.val_loss!).toBeGreaterThan(0.05);
    expect(Math.abs(next.history[0]!.val_loss! - kept.val_loss!)).toBeLessThan(0.02);
    expect(await ui.chartPoints('loss-chart')).toBe(next.history.length);
    await ui.screenshot('continue-03-continued');
  });

  it('says plainly why a run cannot be continued once the layers changed', async () => {
    const { ui } = suite;
    await ui.goTo('model');
    const layers = await ui.hiddenLayers();
    await ui.setLayerUnits(0, 32);
    await ui.goTo('train');
    await ui.showRun('Run 1');
    await ui.continueRun(10);
    await eventually(() => ui.continueProblem(), (p) => p !== null, 10_000, 'the refusal');
    const now = [32, ...layers.slice(1).map((l) => l.units)].join('-');
    expect(await ui.continueProblem()).toBe(
      `Run 1 cannot be continued: its network has ${layers.map((l) => l.units).join('-')} hidden units and the plan now has ${now}.\n\n` +
        'What to do: Train a new run instead, or set the model back to the one these weights were trained with.',
    );
    expect(await ui.runNames()).toEqual(['Run 2', 'Run 1']);
    await ui.screenshot('continue-04-refused');
    await ui.goTo('model');
    await ui.setLayerUnits(0, layers[0]!.units);
  });

  it('sets the threshold by a goal on Evaluate and says what it costs', async () => {
    const { ui } = suite;
    await ui.goTo('evaluate');
    await ui.setThresholdGoal('find', 80);
    const words = await ui.thresholdGoalWords();
    const match = /^To find 80 % of the 54 people with diabetes \((\d+) of them\), the model raises (\d+) false alarms? among the 100 people without diabetes \(threshold (0\.\d\d)\)\.$/.exec(words);
    expect(match, words).not.toBeNull();
    const [, found, , threshold] = match!;
    // at least 80 % of 54 is 44 people
    expect(Number(found)).toBeGreaterThanOrEqual(44);
    expect(await ui.thresholdShown()).toBe(threshold);
    expect(parseFloat(await ui.metric('recall'))).toBeGreaterThanOrEqual(80);
    await ui.screenshot('continue-05-threshold-goal');

    // the run keeps it: the Use screen answers with it
    await ui.goTo('use');
    await ui.enterCase({ Pregnancies: 6, Glucose: 148, BloodPressure: 72, SkinThickness: 35, Insulin: 0, BMI: 33.6, DiabetesPedigreeFunction: 0.627, Age: 50 });
    await eventually(() => ui.answerClass(), (a) => a.includes(`At the threshold of ${threshold}`), 10_000, 'the answer at the goal\'s threshold');
  });
});
