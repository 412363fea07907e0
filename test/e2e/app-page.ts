// The app as a person sees it: one method per thing they do or read, so the tests say what happens, not which
// element is clicked. Every locator lives here.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SCREENS_DIR } from './browser-mode';
import { EXPORT_FORMATS, type ExportFormat } from '../../workers/exports/formats';

export type Step = 'data' | 'model' | 'train' | 'evaluate' | 'use';
export type Role = 'feature' | 'label' | 'unused';

const t = (id: string) => `[data-test="${id}"]`;

/** Polls `read` until `accept` holds (Playwright's own waiting, for values read from the page). */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 60_000, what = 'a condition'): Promise<T> {
  const started = Date.now();
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

export class AppPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  // ---- the window ---------------------------------------------------------------------------------------------

  async open(): Promise<void> {
    await this.page.goto(this.url);
    await this.page.locator('.screen > section').first().waitFor();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator('.screen > section').first().waitFor();
  }

  /** the whole page; `window` only what the window shows (a dialog's backdrop covers the window, not the page) */
  async screenshot(name: string, what: 'page' | 'window' = 'page'): Promise<string> {
    const file = path.join(SCREENS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file, fullPage: what === 'page' });
    return file;
  }

  /** One part of the screen: a column's card, the training settings (data-test names). */
  async screenshotOf(name: string, part: string): Promise<string> {
    const file = path.join(SCREENS_DIR, `${name}.png`);
    await this.page.locator(t(part)).first().screenshot({ path: file });
    return file;
  }

  async title(): Promise<string> {
    return this.page.title();
  }

  async projectName(): Promise<string> {
    return (await this.page.locator(t('project-name')).innerText()).trim();
  }

  async isUnsaved(): Promise<boolean> {
    return (await this.page.locator(t('unsaved-mark')).count()) > 0;
  }

  async goTo(step: Step): Promise<void> {
    await this.page.click(t(`step-${step}`));
    await this.page.locator(t(`screen-${step}`)).waitFor();
  }

  async goToStart(): Promise<void> {
    await this.page.click('.brand');
    await this.page.locator(t('screen-start')).waitFor();
  }

  /** The problem banner's text, or null when nothing is wrong. */
  async problem(): Promise<string | null> {
    const banner = this.page.locator(t('problem'));
    return (await banner.count()) ? (await banner.innerText()).trim() : null;
  }

  async dismissProblem(): Promise<void> {
    await this.page.click(t('dismiss-problem'));
  }

  /** Waits until nothing is busy (no "Reading…", "Saving…" bubble). */
  async idle(): Promise<void> {
    await this.page.locator(t('busy')).waitFor({ state: 'detached', timeout: 120_000 });
  }

  /**
   * Waits for the browser-mode file chooser to be open with its default path in the field (the title, when given,
   * says which one), and gives what it shows.
   */
  async filePrompt(title?: string): Promise<{ id: string; title: string; path: string }> {
    const ready = this.page.locator(`${t('file-prompt')}[data-state="ready"]${title ? `[aria-label^="${title}"]` : ''}`);
    await ready.waitFor();
    return {
      id: (await ready.getAttribute('data-prompt')) ?? '',
      title: (await ready.getAttribute('aria-label')) ?? '',
      path: await ready.locator(t('file-path')).inputValue(),
    };
  }

  /** Waits until the file chooser with this id has closed (another one may open a moment later). */
  async filePromptClosed(id: string): Promise<void> {
    await this.page.locator(`${t('file-prompt')}[data-prompt="${id}"]`).waitFor({ state: 'detached' });
  }

  /**
   * Answers the browser-mode file chooser with a path, once it holds its default (typing earlier could be filled
   * over), and waits for that chooser to close; gives the default path it offered.
   */
  async answerFilePrompt(filePath: string, title?: string): Promise<string> {
    const prompt = await this.filePrompt(title);
    const field = this.page.locator(`${t('file-prompt')}[data-prompt="${prompt.id}"] ${t('file-path')}`);
    await field.fill(filePath);
    await this.page.click(`${t('file-prompt')}[data-prompt="${prompt.id}"] ${t('file-confirm')}`);
    await this.filePromptClosed(prompt.id);
    return prompt.path;
  }

  /** Types into the open file chooser's field without confirming it. */
  async typeFilePath(promptId: string, filePath: string): Promise<void> {
    await this.page.fill(`${t('file-prompt')}[data-prompt="${promptId}"] ${t('file-path')}`, filePath);
  }

  async isFilePromptOpen(): Promise<boolean> {
    return (await this.page.locator(t('file-prompt')).count()) > 0;
  }

  async filePromptSuggestions(): Promise<string[]> {
    return this.page.locator(t('file-suggestion')).allInnerTexts();
  }

  // ---- start ----------------------------------------------------------------------------------------------------

  async openExample(): Promise<void> {
    await this.page.click(t('open-example'));
    await this.page.locator(t('column-cards')).waitFor({ timeout: 60_000 });
    await this.idle();
  }

  /** The example opened and one run of its starting plan trained to its end (finished, or stopped early). */
  async trainExample(runName = 'Run 1'): Promise<void> {
    await this.openExample();
    await this.goTo('train');
    await this.startTraining(runName);
    await this.waitForRunStatus(runName, /stopped early|finished/);
  }

  async newProject(discardUnsaved = true): Promise<void> {
    await this.page.click('.bar button:has-text("New")');
    if (discardUnsaved && (await this.page.locator(t('unsaved-dialog')).count())) await this.page.click(t('unsaved-discard'));
    await this.idle();
  }

  /** Presses Save As… and waits for its file chooser; gives what it shows. */
  async startSaveAs(): Promise<{ id: string; title: string; path: string }> {
    await this.page.click(t('save-as'));
    return this.filePrompt('Save the project as');
  }

  async saveAs(filePath: string): Promise<void> {
    await this.page.click(t('save-as'));
    await this.answerFilePrompt(filePath, 'Save the project as');
    await this.idle();
  }

  async pressSave(): Promise<void> {
    await this.page.keyboard.press('Control+s');
  }

  async openProject(filePath: string): Promise<void> {
    await this.page.click(t('open-project'));
    if (await this.page.locator(t('unsaved-dialog')).count()) await this.page.click(t('unsaved-discard'));
    await this.answerFilePrompt(filePath, 'Open a project');
    await this.idle();
  }

  // ---- data -----------------------------------------------------------------------------------------------------

  column(name: string): Locator {
    return this.page.locator(t(`column-${name}`));
  }

  async columnNames(): Promise<string[]> {
    return this.page.locator(`${t('column-cards')} .column-card h3`).allInnerTexts();
  }

  /** The warning codes shown on a column's card. */
  async columnWarnings(name: string): Promise<string[]> {
    const items = this.column(name).locator('.warnings li');
    const codes: string[] = [];
    for (let i = 0; i < (await items.count()); i++) codes.push(((await items.nth(i).getAttribute('data-test')) ?? '').replace(/^warning-/, ''));
    return codes;
  }

  async columnText(name: string): Promise<string> {
    return this.column(name).innerText();
  }

  async applyFix(column: string, code: string): Promise<void> {
    await this.column(column).locator(`${t(`warning-${code}`)} ${t('fix')}`).click();
    await this.column(column).locator(`${t(`warning-${code}`)}.applied`).waitFor();
  }

  /** Takes a warning's fix out of the plan again (a default the starting plan applied, or one clicked). */
  async undoFix(column: string, code: string): Promise<void> {
    await this.column(column).locator(`${t(`warning-${code}`)} ${t('undo-fix')}`).click();
    await this.column(column).locator(`${t(`warning-${code}`)}:not(.applied) ${t('fix')}`).waitFor();
  }

  async isFixApplied(column: string, code: string): Promise<boolean> {
    return (await this.column(column).locator(`${t(`warning-${code}`)}.applied`).count()) > 0;
  }

  /** The words under a column's warning: why, then what the plan does about it. */
  async warningText(column: string, code: string): Promise<string> {
    return (await this.column(column).locator(t(`warning-${code}`)).innerText()).replace(/\s+/g, ' ').trim();
  }

  /** The Data screen's line naming the columns whose 0 counts as missing ('' when there are none). */
  async zeroAsMissingLine(): Promise<string> {
    const line = this.page.locator(t('zero-as-missing'));
    return (await line.count()) ? (await line.innerText()).trim() : '';
  }

  async setRole(column: string, role: Role): Promise<void> {
    await this.column(column).locator(t(`role-${role}`)).check({ force: true });
    await expect.poll(() => this.roleOf(column)).toBe(role);
  }

  async roleOf(column: string): Promise<Role> {
    const card = this.column(column);
    const cls = (await card.getAttribute('class')) ?? '';
    const match = /role-(feature|label|unused)/.exec(cls);
    return (match?.[1] ?? 'unused') as Role;
  }

  /** What the model will learn, in words; it follows the label after a round trip to the main side (poll it). */
  async taskSentence(): Promise<string> {
    return this.page.locator(t('task-sentence')).innerText();
  }

  /** The data's notes as shown: what the import did on its own, what the label makes of the rows (Data screen),
   * or the label's warnings where training starts (Train screen). */
  async dataNotes(where: 'import' | 'label' | 'train'): Promise<string[]> {
    return (await this.page.locator(`${t(`${where}-notes`)} li p`).allInnerTexts()).map((s) => s.trim());
  }

  /** Clicks the one-click answer a note offers (e.g. predict_as_number). */
  async noteAction(action: string): Promise<void> {
    await this.page.click(t(`note-action-${action}`));
    await this.idle();
  }

  async importPath(filePath: string): Promise<void> {
    const details = this.page.locator('.import-again');
    if ((await details.count()) && !(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator('summary').click();
    await this.page.fill(t('import-path'), filePath);
    await this.page.click(t('import-go'));
    await this.idle();
  }

  /** Writes a table the test made to `filePath`, then imports it from the Data screen. */
  async importTable(filePath: string, csv: string): Promise<void> {
    writeFileSync(filePath, csv);
    await this.goTo('data');
    await this.importPath(filePath);
  }

  async importError(): Promise<string | null> {
    const error = this.page.locator(t('import-error'));
    return (await error.count()) ? (await error.innerText()).trim() : null;
  }

  /** Drops a file on the window, as from the file manager. */
  async dropFile(name: string, content: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, text]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text!], fileName!, { type: 'text/csv' }));
        return transfer;
      },
      [name, content],
    );
    await this.page.dispatchEvent('.app', 'dragenter', { dataTransfer });
    await this.page.dispatchEvent('.app', 'dragover', { dataTransfer });
    await this.page.dispatchEvent('.app', 'drop', { dataTransfer });
    await this.idle();
  }

  async skipBadRows(): Promise<void> {
    await this.page.click(t('skip-bad-rows'));
    await this.idle();
  }

  async dataSummary(): Promise<string> {
    return this.page.locator(t('data-summary')).innerText();
  }

  /** The row numbers the table draws right now. */
  async tableRowNumbers(): Promise<number[]> {
    const texts = await this.page.locator(`${t('data-table')} .data-table-row .row-number`).allInnerTexts();
    return texts.map((s) => Number(s.replace(/,/g, '')));
  }

  async scrollTableTo(fraction: number): Promise<void> {
    await this.page.locator(t('data-table')).evaluate((el, f) => {
      el.scrollTop = f * (el.scrollHeight - el.clientHeight);
    }, fraction);
    await this.page.waitForTimeout(50);
  }

  /** Text of the table's drawn rows, once their cells have arrived. */
  async tableCells(): Promise<string[][]> {
    await expect.poll(() => this.page.locator(`${t('data-table')} .data-table-row .muted`).count()).toBe(0);
    const rows = this.page.locator(`${t('data-table')} .data-table-row`);
    const out: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) out.push((await rows.nth(i).locator('span').allInnerTexts()).slice(1));
    return out;
  }

  // ---- model ----------------------------------------------------------------------------------------------------

  /** Presses Suggest and waits for the suggested layers; returns the reasons shown (if any). */
  async suggestModel(): Promise<string[]> {
    await this.page.click(t('suggest'));
    await this.page.locator(t('hidden-layer')).first().waitFor();
    await this.idle();
    return this.page.locator(`${t('suggest-notes')} li`).allInnerTexts();
  }

  async hiddenLayers(): Promise<{ units: number; activation: string }[]> {
    const layers = this.page.locator(t('hidden-layer'));
    const out: { units: number; activation: string }[] = [];
    for (let i = 0; i < (await layers.count()); i++) {
      const layer = layers.nth(i);
      out.push({
        units: Number(await layer.locator(t('layer-units')).inputValue()),
        activation: await layer.locator(t('layer-activation')).inputValue(),
      });
    }
    return out;
  }

  async addLayer(): Promise<void> {
    const before = await this.page.locator(t('hidden-layer')).count();
    await this.page.click(t('add-layer'));
    await expect.poll(() => this.page.locator(t('hidden-layer')).count()).toBe(before + 1);
  }

  async removeLayer(index: number): Promise<void> {
    const before = await this.page.locator(t('hidden-layer')).count();
    await this.page.locator(t('hidden-layer')).nth(index).locator(t('remove-layer')).click();
    await expect.poll(() => this.page.locator(t('hidden-layer')).count()).toBe(before - 1);
  }

  async setLayerUnits(index: number, units: number): Promise<void> {
    const field = this.page.locator(t('hidden-layer')).nth(index).locator(t('layer-units'));
    await field.fill(String(units));
    await field.blur();
  }

  async parameterCount(): Promise<number> {
    const text = await this.page.locator(`${t('parameter-count')} strong`).innerText();
    return Number(text.replace(/,/g, ''));
  }

  async outputLayerText(): Promise<string> {
    return this.page.locator(t('output-layer')).innerText();
  }

  async networkLinks(): Promise<{ weighted: number; total: number }> {
    const lines = this.page.locator(`${t('network-drawing')} line`);
    const total = await lines.count();
    const weighted = await this.page.locator(`${t('network-drawing')} line[data-weight]`).count();
    return { weighted, total };
  }

  /** the weights the drawing's links show, in drawing order, and the drawing's title, read in one go (a copy of
   * the weights arriving between two reads would pair one copy's title with another's weights) */
  async networkWeights(): Promise<{ title: string; weights: number[] }> {
    return this.page.evaluate(() => ({
      title: document.querySelector('[data-test="network-title"]')?.textContent?.trim() ?? '',
      weights: [...document.querySelectorAll('[data-test="network-drawing"] line[data-weight]')].map((line) => Number(line.getAttribute('data-weight'))),
    }));
  }

  async setNumber(field: 'epochs' | 'batch-size' | 'learning-rate', value: number): Promise<void> {
    const input = this.page.locator(t(field));
    await input.fill(String(value));
    await input.blur();
    await expect.poll(() => input.inputValue()).toBe(String(value));
  }

  /** Types into one of the Model screen's number fields (`index`: which, for a hidden layer's) and leaves it. */
  async typeSetting(field: 'epochs' | 'batch-size' | 'learning-rate' | 'patience' | 'layer-units', text: string, index = 0): Promise<void> {
    const input = this.page.locator(t(field)).nth(index);
    await input.fill(text);
    await input.blur();
  }

  /** Whether a Model-screen field is refused, and the words shown beside it (the element its aria-describedby names). */
  async settingProblem(field: 'epochs' | 'batch-size' | 'learning-rate' | 'patience' | 'layer-units', index = 0): Promise<{ invalid: boolean; problem: string | null }> {
    const input = this.page.locator(t(field)).nth(index);
    const invalid = (await input.getAttribute('aria-invalid')) === 'true';
    const describedBy = await input.getAttribute('aria-describedby');
    const problem = describedBy ? (await this.page.locator(`[id="${describedBy}"]`).innerText()).trim() : null;
    return { invalid, problem };
  }

  async setOptimizer(name: 'adam' | 'sgd' | 'rmsprop'): Promise<void> {
    await this.page.selectOption(t('optimizer'), name);
  }

  async setEarlyStopping(on: boolean): Promise<void> {
    const box = this.page.locator(t('early-stopping'));
    if ((await box.isChecked()) !== on) await box.click();
    await expect.poll(() => box.isChecked()).toBe(on);
  }

  // ---- find a good network (Model screen) ---------------------------------------------------------------------------

  async startSearch(budget: 'quick' | 'thorough'): Promise<void> {
    await this.page.check(t(`search-budget-${budget}`));
    await this.page.click(t('search-start'));
    await this.page.locator(t('search-stop')).waitFor();
  }

  async stopSearch(): Promise<void> {
    await this.page.click(t('search-stop'));
  }

  /** 'running', 'done', 'stopped' or 'failed'; '' before any search. */
  async searchState(): Promise<string> {
    const status = this.page.locator(t('search-status'));
    return (await status.count()) ? ((await status.getAttribute('data-state')) ?? '') : '';
  }

  async searchStatusText(): Promise<string> {
    return (await this.page.locator(t('search-status')).innerText()).trim();
  }

  /** the leaderboard's rows as shown, read in one go (a board arriving between two reads would mix two) */
  async searchRows(): Promise<{ rank: number; network: string; score: string; baseline: boolean; winner: boolean }[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('[data-test="search-row"]')].map((row) => ({
        rank: Number(row.querySelector('.rank')?.textContent),
        network: row.querySelector('[data-test="search-network"]')?.textContent?.trim() ?? '',
        score: row.querySelector('[data-test="search-score"]')?.textContent?.trim() ?? '',
        baseline: row.hasAttribute('data-baseline'),
        winner: row.hasAttribute('data-winner'),
      })),
    );
  }

  async waitForSearchState(state: string | RegExp, timeoutMs = 120_000): Promise<void> {
    await eventually(
      () => this.searchState(),
      (s) => (typeof state === 'string' ? s === state : state.test(s)),
      timeoutMs,
      `the search to be ${state}`,
    );
  }

  /** The Model screen's class weights choice, or null when the screen does not offer it (a label of numbers). */
  async classWeights(): Promise<string | null> {
    const field = this.page.locator(t('class-weights'));
    return (await field.count()) ? field.inputValue() : null;
  }

  async setClassWeights(choice: 'none' | 'balanced'): Promise<void> {
    await this.page.selectOption(t('class-weights'), choice);
    await expect.poll(() => this.page.locator(t('class-weights')).inputValue()).toBe(choice);
  }

  // ---- train ----------------------------------------------------------------------------------------------------

  async startTraining(name: string): Promise<void> {
    await this.page.fill('.run-name', name);
    await this.page.click(t('start-training'));
    await this.page.locator(`${t('run-list')} ${t(`run-${name}`)}`).waitFor();
  }

  /** Presses Start training expecting it to refuse: gives what the Train screen says instead. */
  async startRefused(): Promise<string> {
    await this.page.click(t('start-training'));
    const problem = this.page.locator(t('start-problem'));
    await problem.waitFor();
    return (await problem.innerText()).replace(/\s+/g, ' ').trim();
  }

  async stopTraining(): Promise<void> {
    await this.page.click(t('stop-training'));
  }

  async runStatus(name: string): Promise<string> {
    return (await this.page.locator(`${t(`run-${name}`)} ${t('run-status')}`).innerText()).trim();
  }

  async waitForRunStatus(name: string, status: string | RegExp, timeoutMs = 120_000): Promise<void> {
    await eventually(
      () => this.runStatus(name),
      (s) => (typeof status === 'string' ? s === status : status.test(s)),
      timeoutMs,
      `run ${name} to be ${status}`,
    );
  }

  async runNames(): Promise<string[]> {
    return this.page.locator(`${t('run-list')} ${t('show-run')}`).allInnerTexts();
  }

  async showRun(name: string): Promise<void> {
    await this.page.locator(`${t(`run-${name}`)} ${t('show-run')}`).click();
  }

  async compareRun(name: string): Promise<void> {
    await this.page.locator(`${t(`run-${name}`)} ${t('compare-run')}`).check();
  }

  /** Points drawn on a chart's first curve (the shown run's training curve). */
  async chartPoints(chart: 'loss-chart' | 'accuracy-chart' | 'roc-chart'): Promise<number> {
    return Number((await this.page.locator(t(chart)).getAttribute('data-points')) ?? '0');
  }

  /** How many curves a chart draws (the shown run's, and those compared with it). */
  async chartSeries(chart: 'loss-chart' | 'accuracy-chart'): Promise<number> {
    return Number((await this.page.locator(t(chart)).getAttribute('data-series')) ?? '0');
  }

  /** The epochs a chart marks with a dashed line (where the run began memorising). */
  async chartMarks(chart: 'loss-chart'): Promise<number[]> {
    const marks = (await this.page.locator(t(chart)).getAttribute('data-marks')) ?? '';
    return marks.split(' ').filter(Boolean).map(Number);
  }

  /** The run's verdict where the screen shows one (Train, Evaluate): its kind and its words, or null. */
  async verdict(): Promise<{ kind: string; words: string } | null> {
    const verdict = this.page.locator(t('verdict'));
    if (!(await verdict.count())) return null;
    return { kind: (await verdict.getAttribute('data-verdict')) ?? '', words: (await verdict.innerText()).trim() };
  }

  /** Waits for a verdict of this kind to show, and gives its words. */
  async waitForVerdict(kind: string): Promise<string> {
    await this.page.locator(`${t('verdict')}[data-verdict="${kind}"]`).waitFor();
    return (await this.verdict())!.words;
  }

  /** the progress bar and its words, read in one go (a progress message between two reads would mix two states) */
  async progress(): Promise<{ percent: number; words: string }> {
    return this.page.evaluate(() => {
      const bar = document.querySelector('[data-test="progress"] [role=progressbar]');
      const words = document.querySelector('[data-test="progress-words"]') as HTMLElement | null;
      return { percent: Number(bar?.getAttribute('aria-valuenow')), words: (words?.innerText ?? '').trim() };
    });
  }

  /** What the shown run's replay says: the offer ("That took 0.06 s."), the epoch it plays, or that it is done. */
  async replayWords(): Promise<string> {
    return (await this.page.locator(t('replay')).innerText()).trim();
  }

  async startReplay(): Promise<void> {
    await this.page.click(t('replay-start'));
  }

  async stopReplay(): Promise<void> {
    await this.page.click(t('replay-stop'));
  }

  /** the replay's epoch words, the loss chart's points and the drawing's title, read in one go (a frame of the
   * replay between two reads would mix two epochs) */
  async replayState(): Promise<{ words: string; lossPoints: number; title: string; weighted: number }> {
    return this.page.evaluate(() => ({
      words: document.querySelector('[data-test="replay-epoch"]')?.textContent?.trim() ?? '',
      lossPoints: Number(document.querySelector('[data-test="loss-chart"]')?.getAttribute('data-points') ?? '0'),
      title: document.querySelector('[data-test="network-title"]')?.textContent?.trim() ?? '',
      weighted: document.querySelectorAll('[data-test="network-drawing"] line[data-weight]').length,
    }));
  }

  /** Presses Continue on a run's row of the list, and waits for the number of more epochs to take the focus. */
  async continueFromList(name: string): Promise<void> {
    await this.page.locator(`${t(`run-${name}`)} ${t('continue-from-list')}`).click();
    await expect.poll(() => this.page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('continue-epochs');
  }

  /** Continues the shown run for `epochs` more epochs, as a new run named by the app. */
  async continueRun(epochs: number): Promise<void> {
    await this.page.fill(t('continue-epochs'), String(epochs));
    await this.page.click(t('continue-run'));
  }

  async continueProblem(): Promise<string | null> {
    const problem = this.page.locator(t('continue-problem'));
    return (await problem.count()) ? (await problem.innerText()).trim() : null;
  }

  async continuedFrom(): Promise<string | null> {
    const line = this.page.locator(t('continued-from'));
    return (await line.count()) ? (await line.innerText()).trim() : null;
  }

  // ---- evaluate -------------------------------------------------------------------------------------------------

  async metric(name: 'accuracy' | 'precision' | 'recall' | 'f1' | 'auc' | 'mae' | 'rmse' | 'r2'): Promise<string> {
    return (await this.page.locator(`${t(`metric-${name}`)} .tile-value`).innerText()).trim();
  }

  async baseline(): Promise<string> {
    return (await this.page.locator(t('baseline')).innerText()).trim();
  }

  async confusionWords(): Promise<string[]> {
    return this.page.locator(`${t('confusion-words')} li`).allInnerTexts();
  }

  async setThreshold(value: number): Promise<void> {
    await this.page.locator(t('threshold')).fill(String(value));
    await expect.poll(() => this.page.locator(t('threshold-value')).innerText()).toBe(value.toFixed(2));
  }

  /** Sets the threshold by a goal ("find at least 80 % of ...", or "raise false alarms for at most 10 % of ..."). */
  async setThresholdGoal(kind: 'find' | 'falseAlarms', percent: number): Promise<void> {
    await this.page.selectOption(t('goal-kind'), kind);
    await this.page.fill(t('goal-percent'), String(percent));
    await this.page.click(t('goal-set'));
  }

  /** What the goal's threshold finds and costs, once it is set (or why it could not be). */
  async thresholdGoalWords(): Promise<string> {
    const words = this.page.locator(`${t('goal-sentence')}, ${t('goal-problem')}`);
    await words.waitFor();
    return (await words.innerText()).trim();
  }

  async thresholdShown(): Promise<string> {
    return (await this.page.locator(t('threshold-value')).innerText()).trim();
  }

  async evaluatedOn(): Promise<string> {
    return this.page.locator(t('evaluated-on')).innerText();
  }

  /** How sure the score is, in words: the headline with its range, the other figures', the caution, the why. */
  async certainty(): Promise<{ headline: string; figures: string[]; caution: string | null; why: string }> {
    const root = this.page.locator(t('score-certainty'));
    await root.waitFor();
    const caution = root.locator(t('small-test-caution'));
    return {
      headline: (await root.locator(t('headline-range')).innerText()).trim(),
      figures: (await root.locator(`${t('figure-ranges')} span`).allInnerTexts()).map((f) => f.trim()),
      caution: (await caution.count()) ? (await caution.innerText()).trim() : null,
      why: (await root.locator(t('why-scores-differ')).innerText()).trim(),
    };
  }

  /** Presses "Check with 5-fold cross-validation" and waits until its folds are under way or done. */
  async startCrossValidation(): Promise<void> {
    await this.page.click(t('cv-start'));
    await this.page.locator(`${t('cv-running')}, ${t('cv-result')}, ${t('cv-problem')}`).first().waitFor();
  }

  async stopCrossValidation(): Promise<void> {
    await this.page.click(t('cv-stop'));
  }

  /** Waits for the cross-validation's words (its mean and spread); gives them and the folds drawn. */
  async crossValidationResult(timeoutMs = 120_000): Promise<{ words: string; folds: number }> {
    const result = this.page.locator(t('cv-result'));
    await result.waitFor({ timeout: timeoutMs });
    return { words: (await result.innerText()).trim(), folds: await this.page.locator(`${t('cv-folds')} ${t('cv-fold')}:not(.pending)`).count() };
  }

  /** What the cross-validation card says once stopped ("Stopped: nothing was kept."). */
  async crossValidationStopped(): Promise<string> {
    const stopped = this.page.locator(t('cv-stopped'));
    await stopped.waitFor();
    return (await stopped.innerText()).trim();
  }

  // ---- use ------------------------------------------------------------------------------------------------------

  async enterCase(values: Record<string, string | number>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.page.fill(t(`field-${name}`), String(value));
  }

  /** Picks a category in the case's form (a categorical input's menu). */
  async chooseInCase(name: string, category: string): Promise<void> {
    await this.page.selectOption(t(`field-${name}`), category);
  }

  /** The probability shown, as a number from 0 to 100. */
  async probabilityPercent(): Promise<number> {
    const text = await this.page.locator(t('probability')).innerText();
    return Number(text.replace('%', '').trim());
  }

  async answerClass(): Promise<string> {
    return (await this.page.locator(t('answer-class')).innerText()).trim();
  }

  /** Opens "Show the maths" (the forward pass) when it is closed. */
  async showMaths(): Promise<void> {
    const maths = this.page.locator(t('show-maths'));
    if (!(await maths.evaluate((d) => (d as HTMLDetailsElement).open))) await maths.locator('summary').click();
    await this.page.locator(t('forward-pass')).waitFor();
  }

  async forwardPass(): Promise<{ flow: string; layers: number; units: number; outputs: string[] }> {
    await this.showMaths();
    const root = this.page.locator(t('forward-pass'));
    return {
      flow: (await root.locator(t('fp-flow')).innerText()).trim(),
      layers: await root.locator(t('fp-layer')).count(),
      units: await root.locator(t('fp-unit')).count(),
      outputs: await root.locator(t('fp-output')).allInnerTexts(),
    };
  }

  /** The run picker's choice on Evaluate and Use, by the run's name. */
  async pickRun(name: string): Promise<void> {
    const picker = this.page.locator(t('run-picker'));
    const value = await picker.locator('option', { hasText: `${name} (` }).getAttribute('value');
    await picker.selectOption(value!);
  }

  /** "Why this answer" once it is there: the sentence, and its table's figures (each input's share as shown, the
   * average answer, this answer, and the gap between them), read in one go. */
  async whyThisAnswer(): Promise<{ sentence: string; inputs: string[]; shares: string[]; average: string; value: string; difference: string }> {
    await this.page.locator(t('why-sentence')).waitFor();
    return this.page.evaluate(() => {
      const text = (test: string) => document.querySelector(`[data-test="${test}"]`)?.textContent?.trim() ?? '';
      const rows = [...document.querySelectorAll('[data-test="why-row"]')];
      return {
        sentence: text('why-sentence'),
        inputs: rows.map((r) => r.querySelector('th')?.textContent?.trim() ?? ''),
        shares: rows.map((r) => r.querySelector('[data-test="why-share"]')?.textContent?.trim() ?? ''),
        average: text('why-average'),
        value: text('why-value'),
        difference: text('why-difference'),
      };
    });
  }

  /** The probability as the answer card shows it ("68.2 %"). */
  /** Types a case on Use and waits for its own explanation (not the one of the row before): the chance shown and why. */
  async askAbout(values: Record<string, string | number>): Promise<{ shown: string; why: Awaited<ReturnType<AppPage['whyThisAnswer']>> }> {
    await this.enterCase(values);
    const shown = await this.probabilityText();
    const why = await eventually(() => this.whyThisAnswer(), (w) => w.value === shown, 30_000, 'the explanation of the case');
    return { shown, why };
  }

  async probabilityText(): Promise<string> {
    return (await this.page.locator(t('probability')).innerText()).trim();
  }

  async importanceSentence(): Promise<string> {
    const sentence = this.page.locator(t('importance-sentence'));
    await sentence.waitFor();
    return (await sentence.innerText()).trim();
  }

  async whatIfInput(): Promise<string> {
    return this.page.locator(t('what-if-input')).inputValue();
  }

  async chooseWhatIf(input: string): Promise<void> {
    await this.page.selectOption(t('what-if-input'), input);
  }

  /** The what-if's sentence once its curve is there (it follows the input chosen: poll it). */
  async whatIfSentence(): Promise<string> {
    const sentence = this.page.locator(t('what-if-sentence'));
    return (await sentence.count()) ? (await sentence.innerText()).trim() : '';
  }

  /** Points on the what-if's curve for the case (the line chart's first series). */
  async whatIfPoints(): Promise<number> {
    return Number((await this.page.locator(t('what-if-chart')).getAttribute('data-points')) ?? '0');
  }

  /** Exports the weights to `filePath`; gives the path the chooser offered first. */
  exportWeights(filePath: string): Promise<string> {
    return this.exportAs('weights', filePath);
  }

  /** Exports the model as `format` to `filePath` (a folder for tfjs) from the Export menu; gives the path the chooser
   * offered first, once the app says where it wrote. */
  async exportAs(format: ExportFormat, filePath: string): Promise<string> {
    await this.page.click(t(`export-${format}`));
    const offered = await this.answerFilePrompt(filePath, `Export as ${EXPORT_FORMATS[format].title}`);
    await this.page.locator(t('export-done'), { hasText: path.basename(filePath) }).waitFor();
    return offered;
  }

  /**
   * Predicts every row of `inputPath` into `outputPath`; gives what the app said, and the path and the folders the
   * save field offered.
   */
  async predictCsv(inputPath: string, outputPath: string): Promise<{ said: string; offered: string; folders: string[] }> {
    await this.page.click(t('predict-csv'));
    await this.answerFilePrompt(inputPath, 'Choose the CSV to predict');
    await this.filePrompt('Save the predictions as');
    const folders = await this.filePromptSuggestions();
    const offered = await this.answerFilePrompt(outputPath, 'Save the predictions as');
    await this.page.locator(t('predictions-done')).waitFor();
    return { said: await this.page.locator(t('predictions-done')).innerText(), offered, folders };
  }

  // ---- by keyboard, by screen reader, and the answers' names ---------------------------------------------------

  /** What has the keyboard's focus: its data-test (or tag), and whether it sits inside the element `within` names. */
  async focus(within?: string): Promise<{ test: string; inside: boolean }> {
    return this.page.evaluate((selector) => {
      const active = document.activeElement;
      return {
        test: active?.getAttribute('data-test') ?? active?.tagName.toLowerCase() ?? '',
        inside: !!(selector && active && document.querySelector(selector)?.contains(active)),
      };
    }, within ? t(within) : '');
  }

  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key);
  }

  /** Whether a click on this control reaches it (nothing covers it), without clicking. */
  async isClickable(part: string): Promise<boolean> {
    return this.page.locator(t(part)).first().evaluate((el) => {
      const box = el.getBoundingClientRect();
      const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return !!hit && (hit === el || el.contains(hit));
    });
  }

  /** A chart's sentence, the words under it that say what it shows. */
  async chartWords(chart: 'loss-chart' | 'accuracy-chart' | 'roc-chart' | 'scatter-chart'): Promise<string> {
    return (await this.page.locator(t(`${chart}-words`)).innerText()).trim();
  }

  /** What the drawing of the network says to a screen reader (its label). */
  async drawingWords(): Promise<string> {
    return (await this.page.locator(`${t('network-drawing')} svg`).getAttribute('aria-label')) ?? '';
  }

  /** Opens a chart's "Show the numbers" and gives its table: the headers, then a row each. */
  async chartNumbers(chart: 'loss-chart' | 'accuracy-chart' | 'roc-chart' | 'scatter-chart' | 'cv-folds'): Promise<string[][]> {
    const table = this.page.locator(t(`${chart}-numbers`));
    if (!(await table.count())) await this.page.click(t(`${chart}-show-numbers`));
    await table.waitFor();
    return table.evaluate((el) => [...el.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim())));
  }

  /** Names the label's answers on the Data screen (value → name) and gives what the screen says back. */
  async nameAnswers(names: Record<string, string>): Promise<string> {
    for (const [value, name] of Object.entries(names)) await this.page.fill(t(`answer-name-${value}`), name);
    await this.page.click(t('answer-names-keep'));
    const said = this.page.locator(`${t('answer-names-said')}, ${t('answer-names-problem')}`);
    await said.waitFor();
    return (await said.innerText()).trim();
  }

  /** The names the Data screen's fields hold for the label's answers, or null when it offers none. */
  async answerNameFields(): Promise<Record<string, string> | null> {
    const form = this.page.locator(t('answer-names'));
    if (!(await form.count())) return null;
    return form.evaluate((el) =>
      Object.fromEntries([...el.querySelectorAll('input')].map((input) => [(input.getAttribute('data-test') ?? '').replace(/^answer-name-/, ''), input.value])),
    );
  }

  /** The confusion grid's headers: the columns ("model says …"), then the rows ("really …"). */
  async confusionHeaders(): Promise<string[]> {
    return (await this.page.locator(`${t('confusion')} th`).allInnerTexts()).map((s) => s.trim());
  }

  /** What Use's probability is the chance of ("diabetes"). */
  async chanceOf(): Promise<string> {
    return (await this.page.locator(t('chance-of')).innerText()).replace(/^chance of /, '').trim();
  }

  // ---- report ---------------------------------------------------------------------------------------------------

  /** Opens the report from Evaluate and waits until every page's charts are drawn. */
  async openReport(): Promise<void> {
    await this.page.click(t('open-report'));
    await this.page.locator(t('screen-report')).waitFor();
    await this.reportDrawn();
  }

  /** Waits for the pages shown, what matters to each, and every chart on them drawn (what print would show). */
  async reportDrawn(pages?: number): Promise<void> {
    await this.page.locator(`${t('report-pages')}${pages === undefined ? '' : `[data-pages="${pages}"]`}[data-ready="true"]`).waitFor({ timeout: 60_000 });
    await this.page.waitForFunction(() => {
      const canvases = [...document.querySelectorAll('[data-test="report-page"] canvas')];
      return canvases.length > 0 && canvases.every((c) => c.getAttribute('data-drawn') === 'true');
    });
  }

  /** The bars of "What matters" on a page: input and figure, biggest first. */
  async reportImportance(pageIndex = 0): Promise<{ input: string; figure: string }[]> {
    const bars = this.page.locator(t('report-page')).nth(pageIndex).locator(t('importance-bar'));
    const out: { input: string; figure: string }[] = [];
    for (let i = 0; i < (await bars.count()); i++) {
      out.push({ input: (await bars.nth(i).locator('.name').innerText()).trim(), figure: (await bars.nth(i).locator('.figure').innerText()).trim() });
    }
    return out;
  }

  async reportPageCount(): Promise<number> {
    return this.page.locator(t('report-page')).count();
  }

  /** A section's words on a page of the report ('data', 'model', 'quality', 'limits', 'about', 'headline', ...). */
  async reportSection(section: string, pageIndex = 0): Promise<string> {
    const part = this.page.locator(t('report-page')).nth(pageIndex).locator(t(`report-${section}`));
    return (await part.count()) ? (await part.innerText()).replace(/\s+/g, ' ').trim() : '';
  }

  /** Each confusion sentence of a page, as printed. */
  async reportConfusion(pageIndex = 0): Promise<string[]> {
    return this.page.locator(t('report-page')).nth(pageIndex).locator(`${t('report-confusion')} li`).allInnerTexts();
  }

  /** Writes "About this data" and waits for the page to print it. */
  async setAboutData(text: string): Promise<void> {
    await this.page.fill(t('about-data'), text);
    await expect.poll(() => this.reportSection('about')).toBe(`About this data: ${text}`);
  }

  async aboutData(): Promise<string> {
    return this.page.locator(t('about-data')).inputValue();
  }

  async reportEveryRun(on: boolean): Promise<void> {
    await this.page.locator(t('report-every-run')).setChecked(on);
  }
}
