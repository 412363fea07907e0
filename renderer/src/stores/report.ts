// The report of the runs shown: the person's "About this data" sentence (kept in the project), which runs get a
// page, and getting it on paper: the browser's print dialog, or the desktop's Save as PDF.

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { ABOUT_DATA_LIMIT } from '../../../main/contract';
import { useApi } from '../api';
import { useShellStore } from './shell';

export const useReportStore = defineStore('report', () => {
  const shell = useShellStore();
  /** a page for every finished run instead of the one shown */
  const everyRun = ref(false);
  const lastPdf = ref<string | null>(null);

  const aboutData = computed(() => (typeof shell.ui.aboutData === 'string' ? shell.ui.aboutData : ''));
  /** Save as PDF is the desktop's; browser mode prints (and the browser's print dialog saves PDFs) */
  const savesPdf = computed(() => shell.info?.mode === 'desktop');

  let aboutTimer: ReturnType<typeof setTimeout> | undefined;
  /** Keeps the sentence a moment after the last key (each keystroke would be a request). */
  function setAboutData(text: string): void {
    const kept = text.slice(0, ABOUT_DATA_LIMIT);
    shell.ui = { ...shell.ui, aboutData: kept };
    clearTimeout(aboutTimer);
    aboutTimer = setTimeout(() => void shell.setUi({ aboutData: kept }), 400);
  }

  /** The sentence still on its way is kept now (before printing or saving, so the file has what the page shows). */
  async function flushAboutData(): Promise<void> {
    if (aboutTimer === undefined) return;
    clearTimeout(aboutTimer);
    aboutTimer = undefined;
    await shell.setUi({ aboutData: aboutData.value });
  }

  async function print(): Promise<void> {
    await flushAboutData();
    window.print();
  }

  async function savePdf(runIds: string[]): Promise<string | null> {
    await flushAboutData();
    const saved = await shell.attempt('Saving the report as PDF…', () => useApi().report.savePdf({ runIds }));
    if (!saved) return null;
    lastPdf.value = saved.path;
    shell.say(`Report saved to ${saved.path}.`);
    return saved.path;
  }

  function hydrate(): void {
    everyRun.value = false;
    lastPdf.value = null;
  }

  return { everyRun, lastPdf, aboutData, savesPdf, setAboutData, flushAboutData, print, savePdf, hydrate };
});
