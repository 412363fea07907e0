// The report to hand on, in Chromium: the example trained and cross-validated, what matters to it computed by the
// main side, its report printed by headless Chromium to PDF on A4 and on Letter (one page each, pdfinfo), its pages
// turned into PNG (pdftoppm) to look at, and what the pages say read back from the PDF; then a table with patient numbers and two runs: a page per run, the
// identifiers named as left out, and "About this data" kept in the saved project.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT, SCREENS_DIR } from './browser-mode';
import { appForSuite } from './suite-app';

/** Prints the page as the browser's print does (print CSS, backgrounds) to a PDF of this paper. */
async function printPdf(page: Page, file: string, format: 'A4' | 'Letter'): Promise<void> {
  await page.pdf({ path: file, format, printBackground: true });
}

function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/** The words of one page of the PDF, spaces and line breaks made single spaces. */
function pdfText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** Each page as a PNG at 80 dpi in test-results/screens, to look at; gives their paths. */
function pngPages(file: string, name: string): string[] {
  for (const old of readdirSync(SCREENS_DIR).filter((f) => f.startsWith(`${name}-`))) rmSync(path.join(SCREENS_DIR, old));
  execFileSync('pdftoppm', ['-png', '-r', '80', file, path.join(SCREENS_DIR, name)]);
  return readdirSync(SCREENS_DIR).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).sort().map((f) => path.join(SCREENS_DIR, f));
}

/** diabetes.csv with a patient number in front: an identifier the starting plan leaves out. */
function withPatientNumbers(): string {
  const lines = readFileSync(path.join(ROOT, 'datasets', 'diabetes.csv'), 'utf8').trim().split('\n');
  return [`PatientID,${lines[0]}`, ...lines.slice(1).map((line, i) => `${1001 + i},${line}`)].join('\n') + '\n';
}

const ZEROS = 'A 0 counts as missing (not measured) in Glucose (5 rows), BloodPressure (35 rows), SkinThickness (227 rows), Insulin (374 rows) and BMI (11 rows).';

describe('a report to hand on', () => {
  const suite = appForSuite();

  it("prints the example's report on one A4 and one Letter page: the data as prepared, scores with ranges, its limits", async () => {
    const { app, ui } = suite;
    await ui.trainExample('First');
    await ui.goTo('evaluate');
    await ui.startCrossValidation();
    const cv = await ui.crossValidationResult();
    await ui.openReport();
    expect(await ui.reportPageCount()).toBe(1);

    expect(await ui.reportSection('about')).toMatch(/^About this data: Women of Pima Indian heritage, aged 21 or older/);
    const data = await ui.reportSection('data');
    expect(data).toContain('diabetes.csv: 768 rows, 9 columns.');
    expect(data).toContain(ZEROS);
    expect(data).toMatch(/Missing numbers are filled with the median of the training rows \(Glucose [\d.]+, BloodPressure [\d.]+, SkinThickness [\d.]+, Insulin [\d.]+ and BMI [\d.]+\)/);
    expect(data).toMatch(/Rows: \d+ to learn from, \d+ to decide when to stop \(validation\) and 154 kept for the final test/);
    expect(await ui.reportSection('model')).toMatch(/The network: 8 inputs → .+ → output; [\d,]+ weights learned\./);
    expect(await ui.reportSection('headline')).toMatch(/^Accuracy \d+ % \(likely between \d+ % and \d+ %\) on 154 rows$/);
    expect(await ui.reportSection('figures')).toMatch(/precision \d+ %, likely between \d+ % and \d+ %; recall/);
    expect(await ui.reportSection('cv')).toBe(`Cross-validation: ${cv.words}.`);
    // 54 of Pima's 154 test rows have diabetes (datasets/README.md)
    expect((await ui.reportConfusion())[0]).toMatch(/^Of 54 people with diabetes, the model found \d+ \(\d+ %\) and missed \d+\.$/);
    const limits = await ui.reportSection('limits');
    expect(limits).toMatch(/It learned from \d+ of the 768 rows of diabetes\.csv, and holds only for cases like the rows described under “About this data”/);
    expect(limits).toContain('It is a decision aid only, not a diagnosis or a decision: a person who knows the case decides.');
    expect(await ui.reportSection('importance-sentence')).toMatch(/^\w+ matters most: shuffling it costs \d+ points? of accuracy/);
    const bars = await ui.reportImportance();
    expect(bars.map((b) => b.input).sort()).toEqual(['Age', 'BMI', 'BloodPressure', 'DiabetesPedigreeFunction', 'Glucose', 'Insulin', 'Pregnancies', 'SkinThickness']);
    expect(bars.slice(0, 2).map((b) => b.input)).toContain('Glucose');
    expect(bars[0]!.figure).toMatch(/^[\d.]+ points?$/);
    await ui.screenshot('report-example-screen');

    // regression guarded: the page ran onto a second Letter sheet (Letter is 18 mm shorter than A4)
    for (const paper of ['A4', 'Letter'] as const) {
      const pdf = path.join(app.tmp, `report-${paper}.pdf`);
      await printPdf(app.page, pdf, paper);
      expect({ paper, pages: pdfPages(pdf) }).toEqual({ paper, pages: 1 });
      const text = pdfText(pdf, 1);
      // what the paper says, not only the screen: the app's bar and the controls are left off it
      expect(text).toContain('Diabetes (Pima): First');
      expect(text).toContain('Its limits');
      expect(text).toContain('What matters');
      expect(text).toContain('not a diagnosis');
      expect(text).not.toContain('Print or save as PDF');
      expect(text).not.toContain('Neuron Studio');
      expect(pngPages(pdf, `report-example-${paper.toLowerCase()}`)).toHaveLength(1);
    }
    expect(app.pageErrors).toEqual([]);
  });

  it('gives every run a page; names the patient numbers left out; keeps "About this data" in the saved project', async () => {
    const { app, ui } = suite;
    await ui.newProject();
    await ui.importTable(path.join(app.tmp, 'patients.csv'), withPatientNumbers());
    expect(await ui.roleOf('PatientID')).toBe('unused');
    await ui.setRole('Outcome', 'label');
    await ui.goTo('train');
    await ui.startTraining('Suggested');
    await ui.waitForRunStatus('Suggested', /finished|stopped early/);
    await ui.goTo('model');
    await ui.setNumber('epochs', 30);
    await ui.goTo('train');
    await ui.startTraining('Short');
    await ui.waitForRunStatus('Short', /finished|stopped early/);
    await ui.goTo('evaluate');
    await ui.openReport();
    // a table imported by hand has nothing known about it until the person writes it
    expect(await ui.aboutData()).toBe('');
    expect(await ui.reportSection('about')).toBe('');
    const about = 'Patients of one clinic, 2021 to 2023; numbers made up for this test.';
    await ui.setAboutData(about);
    await ui.reportEveryRun(true);
    await ui.reportDrawn(2);

    for (const page of [0, 1]) {
      const data = await ui.reportSection('data', page);
      expect(data).toContain(
        'Column "PatientID" of patients.csv is not used as an input: it looks like a record number or code (a different value on almost every row), so it cannot help predict.',
      );
      expect(data).toContain(ZEROS);
    }
    expect(await ui.reportSection('title', 0)).toBe('patients: Suggested');
    expect(await ui.reportSection('title', 1)).toBe('patients: Short');
    const pdf = path.join(app.tmp, 'report-two-runs.pdf');
    await printPdf(app.page, pdf, 'A4');
    expect(pdfPages(pdf)).toBe(2);
    expect(pdfText(pdf, 1)).toContain('patients: Suggested');
    expect(pdfText(pdf, 2)).toContain('patients: Short');
    expect(pdfText(pdf, 2)).toContain('PatientID');
    expect(pngPages(pdf, 'report-two-runs')).toHaveLength(2);

    // the sentence is work: it makes the project unsaved, is saved with it and is there when it opens again
    expect(await ui.isUnsaved()).toBe(true);
    const file = path.join(app.home, 'Documents', 'patients.neuron');
    await ui.saveAs(file);
    await ui.newProject();
    await ui.openProject(file);
    await ui.goTo('evaluate');
    await ui.openReport();
    expect(await ui.aboutData()).toBe(about);
    expect(await ui.reportSection('about')).toBe(`About this data: ${about}`);

    // regression guarded: a sentence saved at once (before the field had sent it on) was not in the file
    const changed = 'Patients of one clinic, 2021 to 2024.';
    await ui.setAboutData(changed);
    await ui.pressSave();
    await expect.poll(() => ui.isUnsaved()).toBe(false);
    await ui.newProject();
    await ui.openProject(file);
    await ui.goTo('evaluate');
    await ui.openReport();
    expect(await ui.aboutData()).toBe(changed);
    expect(app.pageErrors).toEqual([]);
  });
});
