// What a trained run is worth and what it answers: the evaluation at a threshold (computed here, instantly, with the
// engine's own metrics), the patient form and its forward pass, predicting a whole CSV, exporting the weights.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { ProjectState, ResultOf, Run } from '../../../main/contract';
import { EXPORT_FORMATS, exportedSentence, type ExportFormat } from '../../../workers/exports/formats';
import type { WeightsFile } from '../../../workers/engine/weights-file';
import { useApi } from '../api';
import type { ClassWords } from '../lib/confusion-words';
import { classWordsFor, namesOf, type AnswerNames } from '../lib/answer-names';
import { evaluationView } from '../lib/evaluation-view';
import { readAnswer, traceForward, type RowValues } from '../lib/forward-trace';
import { useShellStore } from './shell';

/** The runs to choose from (the training store); whole-project.ts connects it. */
export interface RunsFacts {
  readonly runs: readonly { id: string; status: Run['status'] }[];
  /** weights and evaluation of runs that have them, by id */
  readonly details: ReadonlyMap<string, Run>;
  loadRun(runId: string): Promise<Run | null>;
  /** a run the main side changed (its threshold), to keep in place of the copy known */
  remember(run: Run): void;
}

const NO_RUNS: RunsFacts = { runs: [], details: new Map(), loadRun: async () => null, remember: () => undefined };

export const useEvaluationStore = defineStore('evaluation', () => {
  const shell = useShellStore();
  const trainingRuns = shallowRef<RunsFacts>(NO_RUNS);
  /** the run whose weights and evaluation are loaded */
  const run = shallowRef<Run | null>(null);
  const loading = ref(false);
  /** the Use screen's form: feature → what was typed */
  const formValues = ref<Record<string, string>>({});
  const lastExport = ref<ResultOf<'export.model'> | null>(null);
  const lastPredictions = ref<{ rows: number; outputPath: string; warnings: string[] } | null>(null);

  /** the threshold on screen while it moves, before the run keeps it */
  const movingThreshold = ref<number | null>(null);
  // the run's own threshold, in its weights: what Use, the exports and predict answer with
  const threshold = computed(() => movingThreshold.value ?? run.value?.weights?.output.threshold ?? 0.5);
  const weights = computed<WeightsFile | null>(() => run.value?.weights ?? null);

  const view = computed(() => {
    const evaluation = run.value?.evaluation;
    return evaluation ? evaluationView(evaluation, threshold.value) : null;
  });

  /** the names given to the answers of the run's label (Data screen), value → name */
  const answerNames = computed<AnswerNames>(() => namesOf(shell.ui.answerNames, weights.value?.output.name));

  const classWords = computed<ClassWords>(() => {
    const w = weights.value;
    return classWordsFor(w?.output.name ?? 'the label', w?.output.classes ?? ['0', '1'], answerNames.value, (shell.ui as Record<string, unknown>).classWords);
  });

  /** The forward pass and the answer for what the form holds, at the current threshold. */
  const answer = computed(() => {
    const w = weights.value;
    if (!w) return null;
    const values: RowValues = {};
    for (const input of w.inputs) values[input.name] = formValues.value[input.name] ?? '';
    const trace = traceForward(w, values);
    const empty = w.inputs.filter((i) => (formValues.value[i.name] ?? '').trim() === '').map((i) => i.name);
    return { trace, answer: readAnswer(w, trace.outputs, threshold.value), empty };
  });

  function connect(to: RunsFacts): void {
    trainingRuns.value = to;
  }

  function hydrate(state: ProjectState): void {
    run.value = null;
    lastExport.value = null;
    lastPredictions.value = null;
    const saved = state.ui.lastPatient;
    formValues.value = saved && typeof saved === 'object' ? { ...(saved as Record<string, string>) } : {};
  }

  /** The run to evaluate and use: the one selected if it has weights, else the newest one that has. */
  function chosenRunId(): string | null {
    const selected = shell.ui.selectedRunId;
    const training = trainingRuns.value;
    const withWeights = training.runs.filter((r) => training.details.get(r.id)?.weights || r.status === 'completed' || r.status === 'stopped');
    if (selected && withWeights.some((r) => r.id === selected)) return selected;
    return withWeights[withWeights.length - 1]?.id ?? null;
  }

  async function load(runId = chosenRunId()): Promise<void> {
    if (!runId) {
      run.value = null;
      return;
    }
    if (run.value?.id === runId && run.value.weights) return;
    loading.value = true;
    try {
      run.value = await trainingRuns.value.loadRun(runId);
      movingThreshold.value = null;
      if (run.value && shell.ui.selectedRunId !== runId) await shell.setUi({ selectedRunId: runId });
    } finally {
      loading.value = false;
    }
  }

  let thresholdTimer: ReturnType<typeof setTimeout> | undefined;
  let thresholdWaiting: (() => Promise<void>) | null = null;
  /** Moves the threshold at once on screen; the run keeps it a moment later (the slider moves in many small steps). */
  function setThreshold(value: number): void {
    const current = run.value;
    if (!current) return;
    const t = Math.min(1, Math.max(0, value));
    movingThreshold.value = t;
    clearTimeout(thresholdTimer);
    thresholdWaiting = () => keepThreshold(current.id, t);
    thresholdTimer = setTimeout(() => void flushThreshold(), 300);
  }

  /** A threshold still on its way is kept now: what is exported or predicted next answers with it. */
  async function flushThreshold(): Promise<void> {
    clearTimeout(thresholdTimer);
    const waiting = thresholdWaiting;
    thresholdWaiting = null;
    if (waiting) await waiting();
  }

  async function keepThreshold(runId: string, t: number): Promise<void> {
    const kept = await shell.attempt('Keeping the threshold…', () => useApi().training.setThreshold({ runId, threshold: t }), false);
    if (!kept) return;
    trainingRuns.value.remember(kept);
    if (run.value?.id !== runId) return;
    run.value = kept;
    // a newer move is still on its way: it stays on screen
    if (movingThreshold.value === t) movingThreshold.value = null;
  }

  async function setClassWords(words: ClassWords): Promise<void> {
    await shell.setUi({ classWords: words });
  }

  let formTimer: ReturnType<typeof setTimeout> | undefined;
  function setFormValue(feature: string, value: string): void {
    formValues.value = { ...formValues.value, [feature]: value };
    clearTimeout(formTimer);
    formTimer = setTimeout(() => void shell.setUi({ lastPatient: formValues.value }), 400);
  }

  function fillForm(values: Record<string, string>): void {
    formValues.value = { ...values };
    void shell.setUi({ lastPatient: formValues.value });
  }

  /** The shown run's model, in a format, where the person chooses (a name without an ending gets the format's). */
  async function exportModel(format: ExportFormat): Promise<string | null> {
    const current = run.value;
    if (!current) return null;
    // the threshold being moved is part of the model that leaves
    await flushThreshold();
    const path = await shell.chooseFile(`export:${format}`);
    if (!path) return null;
    const done = await shell.attempt(`Exporting as ${EXPORT_FORMATS[format].title}…`, () => useApi().export.model({ runId: current.id, format, path }));
    if (!done) return null;
    lastExport.value = done;
    shell.say(exportedSentence(done.format, done.path, done.files));
    return done.path;
  }

  async function predictCsv(): Promise<boolean> {
    const current = run.value;
    if (!current) return false;
    await flushThreshold();
    const inputPath = await shell.chooseFile('csv', 'Choose the CSV to predict');
    if (!inputPath) return false;
    const outputPath = await shell.chooseFile('saveCsv');
    if (!outputPath) return false;
    const done = await shell.attempt('Predicting every row…', () =>
      useApi().predict.csv({ runId: current.id, inputPath, outputPath: /\.csv$/i.test(outputPath) ? outputPath : `${outputPath}.csv` }),
    );
    if (!done) return false;
    lastPredictions.value = done;
    shell.say(`Predicted ${done.rows} rows; saved to ${done.outputPath}.`);
    return true;
  }

  // a run finishing (or being removed) can change which run is shown
  watch(
    () => [shell.ui.selectedRunId, trainingRuns.value.details] as const,
    () => {
      if (shell.ui.screen === 'evaluate' || shell.ui.screen === 'use') void load();
    },
  );

  return {
    run,
    loading,
    formValues,
    lastExport,
    lastPredictions,
    threshold,
    weights,
    view,
    answerNames,
    classWords,
    answer,
    connect,
    hydrate,
    chosenRunId,
    load,
    setThreshold,
    setClassWords,
    setFormValue,
    fillForm,
    exportModel,
    predictCsv,
  };
});
