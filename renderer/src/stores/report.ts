// The report of the runs shown: the person's "About this data" sentence (kept in the project), which runs get a
// page, what matters to each (asked of the main side, which keeps it per run), and getting it on paper: the
// browser's print dialog, or the desktop's Save as PDF.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ABOUT_DATA_LIMIT, type ErrorInfo, type Run } from '../../../main/contract';
import type { Importance } from '../../../workers/engine/explain';
import { toErrorInfo, useApi } from '../api';
import { useShellStore } from './shell';

export const useReportStore = defineStore('report', () => {
  const shell = useShellStore();
  /** a page for every finished run instead of the one shown */
  const everyRun = ref(false);
  const lastPdf = ref<string | null>(null);
  /** what matters, by run: what it was asked for (the run and its threshold), and the answer or why there is none */
  const importances = shallowRef(new Map<string, { key: string; importance: Importance | null; problem: ErrorInfo | null }>());

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

  // accuracy is counted at the run's threshold: a new threshold is a new question
  const keyOf = (run: Run) => `${run.id}\n${run.weights?.output.threshold ?? 0.5}`;

  function keep(runId: string, entry: { key: string; importance: Importance | null; problem: ErrorInfo | null }): void {
    importances.value = new Map(importances.value).set(runId, entry);
  }

  /** Asks what matters to a run, once per run and threshold; an answer for an older question is dropped. */
  async function askImportance(run: Run): Promise<void> {
    if (!run.weights) return;
    const key = keyOf(run);
    if (importances.value.get(run.id)?.key === key) return;
    keep(run.id, { key, importance: null, problem: null });
    try {
      const got = await useApi().explain.inputs({ runId: run.id });
      if (importances.value.get(run.id)?.key === key) keep(run.id, { key, importance: got, problem: null });
    } catch (error) {
      if (importances.value.get(run.id)?.key === key) keep(run.id, { key, importance: null, problem: toErrorInfo(error, 'finding what matters') });
    }
  }

  function importanceOf(run: Run): Importance | null {
    const known = importances.value.get(run.id);
    return known?.key === keyOf(run) ? known.importance : null;
  }

  function importanceProblem(run: Run): ErrorInfo | null {
    const known = importances.value.get(run.id);
    return known?.key === keyOf(run) ? known.problem : null;
  }

  /** Still waiting for what matters to one of these runs (print would leave it off the page). */
  function waitingFor(runs: readonly Run[]): boolean {
    return runs.some((run) => {
      const known = importances.value.get(run.id);
      return !!run.weights && (known?.key !== keyOf(run) || (!known.importance && !known.problem));
    });
  }

  function hydrate(): void {
    everyRun.value = false;
    lastPdf.value = null;
    importances.value = new Map();
  }

  return {
    everyRun,
    lastPdf,
    aboutData,
    savesPdf,
    setAboutData,
    flushAboutData,
    print,
    savePdf,
    askImportance,
    importanceOf,
    importanceProblem,
    waitingFor,
    hydrate,
  };
});
