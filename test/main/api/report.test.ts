// The report through the contract: "About this data" is work (unsaved until saved, kept in the file, a project
// saved before it existed still opens), the example carries its rows' description, and Save as PDF in browser mode
// says where to go instead.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ABOUT_DATA_LIMIT, ApiError, type ProjectChanged } from '../../../main/contract';
import { ROOT, useHarness } from './harness';

const harness = useHarness();

describe('the report over the contract', () => {
  it('keeps "About this data" as unsaved work, in the saved file, and back when the project opens', async () => {
    const { api, dir } = harness.h;
    await api.project.new();
    const changes: ProjectChanged[] = [];
    const off = api.onProjectChanged((c) => changes.push(c));
    await api.project.setUi({ ui: { screen: 'report' } });
    expect(changes).toEqual([]);
    const about = 'Patients of one clinic, 2021 to 2023.';
    await api.project.setUi({ ui: { aboutData: about } });
    off();
    // regression guarded: the sentence was screen state, so closing the window lost it without asking
    expect(changes.at(-1)).toMatchObject({ dirty: true });
    const file = path.join(dir, 'about.neuron');
    await api.project.save({ path: file });
    await api.project.new();
    const opened = await api.project.open({ path: file });
    expect(opened.ui.aboutData).toBe(about);
    expect(opened.dirty).toBe(false);
    // the same words again change nothing
    await api.project.setUi({ ui: { aboutData: about } });
    expect((await api.project.state()).dirty).toBe(false);
  });

  it('opens a project saved before the report existed, with no sentence', async () => {
    const opened = await harness.h.api.project.open({ path: path.join(ROOT, 'test', 'fixtures', 'projects', 'valid.neuron') });
    expect(opened.ui.aboutData).toBeUndefined();
  });

  it('refuses a sentence longer than the field holds, saying how long it may be', async () => {
    const refused = await harness.h.api.project.setUi({ ui: { aboutData: 'x'.repeat(ABOUT_DATA_LIMIT + 1) } }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).message).toBe('The request "project.setUi" got a bad argument (ui.aboutData): "About this data" holds at most 1000 characters.');
  });

  it("describes the example's rows, for the report's \"About this data\"", async () => {
    const [example] = (await harness.h.api.app.info()).examples;
    expect(example!.about).toBe(
      'Women of Pima Indian heritage, aged 21 or older, from a study of the US National Institute of Diabetes and Digestive and Kidney Diseases; Outcome says whether diabetes followed within five years.',
    );
  });

  it('in browser mode, Save as PDF says to print instead', async () => {
    const refused = await harness.h.api.report.savePdf({ runIds: ['r1'] }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).toInfo()).toEqual({
      code: 'no_pdf_printer',
      message: 'Saving the report as PDF is in the desktop app.',
      hint: 'Press "Print or save as PDF" and choose "Save as PDF" as the printer.',
    });
  });
});
