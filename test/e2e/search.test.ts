// "Find a good network for me" in Chromium: on the example, a quick search fills its leaderboard (the straight line
// marked beside the others), is stopped, its winner is retrained as a run and evaluated on the test rows, and the
// leaderboard is still there when the window is reloaded. Screenshots of the board mid-search and after.

import { describe, expect, it } from 'vitest';
import { eventually } from './app-page';
import { appForSuite } from './suite-app';

describe('find a good network for me', () => {
  const suite = appForSuite();

  it('runs on the example, shows the leaderboard as it fills, and is stopped with the best so far', async () => {
    const { ui } = suite;
    await ui.openExample();
    await ui.goTo('model');
    await ui.startSearch('quick');
    expect(await ui.searchState()).toBe('running');
    const scored = await eventually(
      () => ui.searchRows(),
      (rows) => rows.filter((r) => r.score !== '–').length >= 6,
      120_000,
      'six candidates scored',
    );
    expect(scored.filter((r) => r.baseline)).toHaveLength(1);
    await ui.screenshot('search-1-mid-search');

    await ui.stopSearch();
    await ui.waitForSearchState('stopped');
    expect(await ui.searchStatusText()).toMatch(/^Stopped: the best candidate so far wins\. \d+ of 105 scorings were done in [\d.]+ s\. The winner scored \d+\.\d % ± \d+\.\d\./);
    const rows = await ui.searchRows();
    // the best ten and the baseline, wherever it ranks
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => r.baseline)).toHaveLength(1);
    expect(rows.filter((r) => r.baseline)[0]!.network).toBe('No hidden layer (a straight line)');
    expect(rows[0]!.winner).toBe(true);
    expect(rows[0]!.score).toMatch(/^\d+\.\d % ± \d+\.\d$/);
    await ui.screenshot('search-2-stopped');
  });

  it('retrains the winner as a run that Evaluate scores on the test rows', async () => {
    const { app, ui } = suite;
    const winner = (await ui.searchRows())[0]!;
    await app.page.click('[data-test="search-see-winner"]');
    await app.page.locator('[data-test="screen-train"]').waitFor();
    const names = await eventually(() => ui.runNames(), (n) => n.some((name) => name.startsWith('Search winner: ')), 60_000, 'the winner\'s run');
    const name = names.find((n) => n.startsWith('Search winner: '))!;
    const layers = /^(\d+) layers?: ([\d, ]+) \((\w+)/.exec(winner.network);
    expect(name).toBe(layers ? `Search winner: ${layers[2]!.split(', ').join('-')} ${layers[3]}` : 'Search winner: straight line');
    await ui.waitForRunStatus(name, /finished|stopped early/);
    await ui.goTo('evaluate');
    expect(await ui.evaluatedOn()).toMatch(/154 test rows/);
    const accuracy = parseFloat(await ui.metric('accuracy'));
    expect(accuracy).toBeGreaterThan(65);
    expect(accuracy).toBeLessThanOrEqual(100);
    await ui.screenshot('search-3-winner-evaluated');
  });

  it('shows the leaderboard again after the window is reloaded', async () => {
    const { app, ui } = suite;
    const before = await (async () => {
      await ui.goTo('model');
      return ui.searchRows();
    })();
    await ui.reload();
    await ui.goTo('model');
    expect(await ui.searchState()).toBe('stopped');
    expect(await ui.searchRows()).toEqual(before);
    expect(app.pageErrors).toEqual([]);
  });
});
