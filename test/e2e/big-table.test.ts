// A million-row table: imported by its path, described, and scrolled from top to bottom in the virtualised table,
// which draws only the rows in view.

import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, eventually } from './app-page';
import { startApp, type RunningApp } from './browser-mode';

const ROWS = 1_000_000;

/** Row i (1-based) of the generated file: every value can be checked from its row number. */
function row(i: number): string {
  return `${i},${i % 97},${(i % 1000) / 10},${i % 2 === 0 ? 'even' : 'odd'},${i % 7}`;
}

async function writeBigCsv(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write('id,mod97,tenths,parity,label\n');
  let chunk: string[] = [];
  for (let i = 1; i <= ROWS; i++) {
    chunk.push(row(i));
    if (chunk.length === 10_000) {
      if (!out.write(chunk.join('\n') + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = [];
    }
  }
  if (chunk.length) out.write(chunk.join('\n') + '\n');
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

describe('a million rows', () => {
  let app: RunningApp;
  let ui: AppPage;
  let file: string;

  beforeAll(async () => {
    app = await startApp();
    ui = new AppPage(app.page, app.url);
    file = path.join(app.tmp, 'million.csv');
    await writeBigCsv(file);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('imports the file and draws only the rows in view, from the first to the last', async () => {
    await ui.open();
    await ui.goTo('data');
    await ui.importPath(file);
    expect(await ui.importError()).toBeNull();
    expect(await ui.dataSummary()).toMatch(/^1,000,000 rows, 5 columns/);

    const top = await ui.tableCells();
    expect(top[0]).toEqual(row(1).split(','));
    // a few dozen rows drawn, never the million
    expect(top.length).toBeLessThan(60);

    await ui.scrollTableTo(0.5);
    const middle = await ui.tableRowNumbers();
    const near = middle[Math.floor(middle.length / 2)]!;
    expect(Math.abs(near - ROWS / 2)).toBeLessThan(1000);
    const middleCells = await ui.tableCells();
    const first = middle[0]!;
    expect(middleCells[0]).toEqual(row(first).split(','));

    await ui.scrollTableTo(1);
    const bottom = await ui.tableRowNumbers();
    expect(bottom[bottom.length - 1]).toBe(ROWS);
    const bottomCells = await ui.tableCells();
    expect(bottomCells[bottomCells.length - 1]).toEqual(row(ROWS).split(','));
    // the id column is recognised as a record number and left out
    expect(await ui.roleOf('id')).toBe('unused');
    await ui.screenshot('11-million-rows');
    expect(app.pageErrors).toEqual([]);
  });

  it('trains on the million rows: within an epoch the bar moves and the time left is estimated', async () => {
    await ui.setRole('label', 'label');
    await ui.goTo('model');
    await ui.suggestModel();
    // long enough that it is still going when stopped: an epoch of a million rows takes a fraction of a second
    await ui.setNumber('epochs', 100);
    await ui.goTo('train');
    await ui.startTraining('Million');
    const first = await eventually(() => ui.progress(), (p) => /% through epoch/.test(p.words), 60_000, 'the share of an epoch');
    const [, done, share, under] = /^Epoch (\d+) of 100 · (\d+) % through epoch (\d+) · (\d+:\d\d|\d\.\d\d s) elapsed · about \d+:\d\d left$/.exec(first.words) ?? [];
    expect(Number(under)).toBe(Number(done) + 1);
    // the bar counts the share of the epoch under way: (epochs done + share) of 100, within rounding
    expect(Math.abs(first.percent - ((Number(done) + Number(share) / 100) / 100) * 100)).toBeLessThanOrEqual(1.5);
    const later = await eventually(() => ui.progress(), (p) => p.percent > first.percent, 60_000, 'the bar to move on');
    expect(later.percent).toBeGreaterThan(first.percent);
    await ui.screenshot('16-million-rows-training');
    await ui.stopTraining();
    await ui.waitForRunStatus('Million', 'stopped');
    expect(app.pageErrors).toEqual([]);
  });
});
