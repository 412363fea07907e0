// The plan: which columns are features and which is the label, how the data is prepared and split, the hidden
// layers and the training settings. Every edit is applied here at once and sent to the main side shortly after.

import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Describe, PlanDraft, ProjectState } from '../../../main/contract';
import { missingForTraining as missingOf, outputActivation, planInputWidth, type LayerPlan, type MissingChoice } from '../../../workers/plan';
import { plain, useApi } from '../api';
import { paramCount } from '../../../workers/engine/spec';
import { outputLayerReason } from '../lib/explanations';
import { answersNamed, namesOf } from '../lib/answer-names';
import type { FixAction } from '../lib/column-fixes';
import { useShellStore } from './shell';

export type Role = 'feature' | 'label' | 'unused';
export type Preparation = PlanDraft['preparation'];
export type Split = PlanDraft['split'];
export type TrainingSettings = PlanDraft['training'];

export interface RefusedSetting {
  /** the field in words: "Units of hidden layer 1" */
  where: string;
  /** what was typed */
  text: string;
  problem: string;
}

/** What the plan needs to know of the table (the data store); whole-project.ts connects it. */
export interface TableFacts {
  readonly summary: unknown;
  readonly profiles: readonly { name: string }[];
  readonly labelTask: Describe['labelTask'];
  profileOf(column: string): Describe['profiles'][number] | undefined;
  /** asks the main side again what the columns and the label make */
  describe(): Promise<void>;
}

const NO_TABLE: TableFacts = { summary: null, profiles: [], labelTask: null, profileOf: () => undefined, describe: async () => {} };

const SAVE_DELAY_MS = 250;

export const useModelStore = defineStore('model', () => {
  const shell = useShellStore();
  const table = shallowRef<TableFacts>(NO_TABLE);
  const plan = ref<PlanDraft | null>(null);
  /** the Suggest button's reasons, one sentence each */
  const suggestNotes = ref<string[]>([]);
  /** Model-screen fields holding what cannot work (kept out of the plan), by field: what was typed, where, and why */
  const refused = ref<Record<string, RefusedSetting>>({});
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let edits = 0;
  let saving: Promise<void> | null = null;
  let labelBefore = '';
  let taskBefore: PlanDraft['task'] = 'auto';

  function connect(to: TableFacts): void {
    table.value = to;
  }

  function hydrate(state: ProjectState): void {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    plan.value = state.plan ? plain(state.plan) : null;
    labelBefore = plan.value?.label ?? '';
    taskBefore = plan.value?.task ?? 'auto';
    suggestNotes.value = [];
    refused.value = {};
  }

  /** Sends the plan now; the answer (with defaults filled) replaces it unless the person edited meanwhile. */
  async function persist(): Promise<void> {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    if (!plan.value) return;
    const editsAtSend = edits;
    const sent = plain(plan.value);
    const run = (async () => {
      const answer = await shell.attempt('Saving the plan…', () => useApi().project.setPlan({ plan: sent }), false);
      if (answer && edits === editsAtSend) plan.value = plain(answer);
      // the label (and the task chosen for it) decides the task, the output layer and the metrics: ask the data side again
      if (sent.label !== labelBefore || sent.task !== taskBefore) {
        labelBefore = sent.label;
        taskBefore = sent.task;
        await table.value.describe();
      }
    })();
    saving = run;
    await run;
    if (saving === run) saving = null;
  }

  /** Waits for every edit to reach the main side (before training starts, before saving). */
  async function flush(): Promise<void> {
    if (saveTimer !== undefined) await persist();
    else if (saving) await saving;
  }

  function edit(change: (p: PlanDraft) => void, immediately = false): Promise<void> {
    if (!plan.value) return Promise.resolve();
    change(plan.value);
    edits++;
    // the main side confirms through project.changed; the mark shows at once
    shell.dirty = true;
    clearTimeout(saveTimer);
    if (immediately) return persist();
    saveTimer = setTimeout(() => void persist(), SAVE_DELAY_MS);
    return Promise.resolve();
  }

  // ---- roles -------------------------------------------------------------------------------------------------

  function roleOf(column: string): Role {
    if (!plan.value) return 'unused';
    if (plan.value.label === column) return 'label';
    return plan.value.features.includes(column) ? 'feature' : 'unused';
  }

  /** Features kept in the table's column order, whatever order they were chosen in. */
  function inTableOrder(columns: string[]): string[] {
    const order = table.value.profiles.map((p) => p.name);
    return [...columns].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  }

  function setRole(column: string, role: Role): Promise<void> {
    return edit((p) => {
      const features = p.features.filter((f) => f !== column);
      if (role === 'feature') features.push(column);
      if (role === 'label') {
        // the column that was the label goes back to the inputs, if it can be one
        const previous = p.label;
        const kind = previous ? table.value.profileOf(previous)?.kind : undefined;
        if (previous && previous !== column && (kind === 'numeric' || kind === 'categorical')) features.push(previous);
        p.label = column;
      } else if (p.label === column) p.label = '';
      p.features = inTableOrder(features);
    }, role === 'label' || roleOf(column) === 'label');
  }

  /** Predict a numeric label as a number ('regression') or as its values say ('auto'); the loss and output follow. */
  function setTask(task: PlanDraft['task']): Promise<void> {
    return edit((p) => {
      p.task = task;
      p.training.loss = 'auto';
      delete p.output.activation;
    }, true);
  }

  /** A data note's one-click answer (workers/data/notes.ts DataNoteAction). */
  function answerNote(action: 'predict_as_number' | 'predict_as_classes'): Promise<void> {
    return setTask(action === 'predict_as_number' ? 'regression' : 'auto');
  }

  // ---- preparation and split -----------------------------------------------------------------------------

  function setPreparation(patch: Partial<Preparation>): Promise<void> {
    return edit((p) => Object.assign(p.preparation, patch));
  }

  function setSplit(patch: Partial<Split>): Promise<void> {
    return edit((p) => Object.assign(p.split, patch));
  }

  function toggleListed(list: 'zeroAsMissing' | 'nonNumericAsMissing', column: string, on: boolean): Promise<void> {
    return edit((p) => {
      const current = p.preparation[list].filter((c) => c !== column);
      if (on) current.push(column);
      p.preparation[list] = inTableOrder(current);
    });
  }

  function isFixApplied(column: string, action: FixAction): boolean {
    const p = plan.value;
    if (!p) return false;
    if (action === 'zeroAsMissing') return p.preparation.zeroAsMissing.includes(column);
    if (action === 'nonNumericAsMissing') return p.preparation.nonNumericAsMissing.includes(column);
    return roleOf(column) === 'unused';
  }

  /** Applies (or with on=false undoes) a column warning's one-click fix. */
  function applyFix(column: string, action: FixAction, on = true): Promise<void> {
    if (action === 'leaveOut') return setRole(column, on ? 'unused' : 'feature');
    return toggleListed(action, column, on);
  }

  // ---- fields refused ------------------------------------------------------------------------------------

  /** Marks a field as holding a value that cannot work (`problem`), or clears it (null). */
  function refuseSetting(field: string, where: string, text: string, problem: string | null): void {
    const { [field]: _before, ...others } = refused.value;
    refused.value = problem === null ? others : { ...others, [field]: { where, text, problem } };
  }

  /** A layer's fields are named by its place: moving or removing layers (or a new suggestion) forgets them. */
  function forgetLayerRefusals(): void {
    refused.value = Object.fromEntries(Object.entries(refused.value).filter(([field]) => !field.startsWith('layer-')));
  }

  // ---- layers ----------------------------------------------------------------------------------------------

  function addLayer(): Promise<void> {
    return edit((p) => {
      const last = p.hidden[p.hidden.length - 1];
      const units = last ? Math.max(2, Math.round(last.units / 2)) : 8;
      p.hidden.push({ units, activation: 'relu' });
    });
  }

  function removeLayer(index: number): Promise<void> {
    forgetLayerRefusals();
    return edit((p) => {
      p.hidden.splice(index, 1);
    });
  }

  function moveLayer(index: number, delta: -1 | 1): Promise<void> {
    forgetLayerRefusals();
    return edit((p) => {
      const to = index + delta;
      if (to < 0 || to >= p.hidden.length) return;
      const [layer] = p.hidden.splice(index, 1);
      p.hidden.splice(to, 0, layer!);
    });
  }

  function updateLayer(index: number, patch: Partial<LayerPlan>): Promise<void> {
    return edit((p) => {
      const layer = p.hidden[index];
      if (!layer) return;
      Object.assign(layer, patch);
      if (layer.dropout === 0) delete layer.dropout;
    });
  }

  function setTraining(patch: Partial<TrainingSettings>): Promise<void> {
    return edit((p) => Object.assign(p.training, patch));
  }

  function setOptimizer(patch: Partial<TrainingSettings['optimizer']>): Promise<void> {
    return edit((p) => {
      p.training.optimizer = { ...p.training.optimizer, ...patch };
      if (p.training.optimizer.learningRate === undefined) delete p.training.optimizer.learningRate;
    });
  }

  async function suggest(): Promise<void> {
    if (!plan.value) return;
    await flush();
    const p = plan.value;
    const args: { features?: string[]; label?: string } = {};
    if (p.features.length) args.features = [...p.features];
    if (p.label) args.label = p.label;
    const answer = await shell.attempt('Suggesting a model…', () => useApi().model.suggest(args));
    if (!answer) return;
    suggestNotes.value = answer.notes;
    refused.value = {};
    await edit((draft) => {
      draft.hidden = plain(answer.hidden);
      draft.training = plain(answer.training);
    }, true);
  }

  // ---- what the plan makes ---------------------------------------------------------------------------------

  /** Network inputs, counted as training will. */
  const inputWidth = computed(() => (plan.value ? planInputWidth(plan.value.features, (name) => table.value.profileOf(name)) : 0));

  /** The output layer the label makes, and why. */
  const outputLayer = computed(() => {
    const p = plan.value;
    const task = table.value.labelTask;
    if (!p || !p.label || !task) return null;
    const classes = task.classes ?? [];
    const units = task.task === 'multiclass' ? Math.max(2, classes.length) : 1;
    const activation = p.output.activation ?? outputActivation(task.task);
    const named = answersNamed(classes, namesOf(shell.ui.answerNames, p.label));
    return { units, activation, task: task.task, reason: outputLayerReason(task.task, p.label, named) };
  });

  const parameterCount = computed(() => {
    const p = plan.value;
    if (!p) return 0;
    const layers = [...p.hidden.map((l) => ({ units: l.units, useBias: l.useBias }))];
    if (outputLayer.value) layers.push({ units: outputLayer.value.units, useBias: true });
    return paramCount({ inputs: inputWidth.value, layers });
  });

  /** What still stops training, in words; empty when it can start (the main side refuses a run for the same, and
   * a field holding what cannot work never reaches the plan). */
  const missingForTraining = computed((): MissingChoice[] => [
    ...missingOf(plan.value, Boolean(table.value.summary && plan.value)),
    ...Object.values(refused.value).map((r) => ({
      code: 'refused_setting' as const,
      message: `${r.where}: ${r.problem}`,
      hint: 'Correct it on the Model screen, where the field is marked; training starts once every setting can work.',
    })),
  ]);

  return {
    plan,
    suggestNotes,
    refused,
    refuseSetting,
    connect,
    hydrate,
    persist,
    flush,
    roleOf,
    setRole,
    setTask,
    answerNote,
    setPreparation,
    setSplit,
    isFixApplied,
    applyFix,
    addLayer,
    removeLayer,
    moveLayer,
    updateLayer,
    setTraining,
    setOptimizer,
    suggest,
    inputWidth,
    outputLayer,
    parameterCount,
    missingForTraining,
  };
});
