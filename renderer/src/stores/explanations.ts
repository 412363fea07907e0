// The Use screen's explanations of the run shown, asked of the main side (computed in its pool, never here): why the
// case's answer, what matters overall, and the what-if curve of one input. They follow the run and the case: an
// answer that arrives after either changed is dropped.

import { defineStore } from 'pinia';
import { ref, shallowRef, watch } from 'vue';
import type { ErrorInfo, ResultOf, Run } from '../../../main/contract';
import { plain, toErrorInfo, useApi } from '../api';
import { useShellStore } from './shell';

/** The run shown and the case typed (the evaluation store); whole-project.ts connects it. */
export interface CaseFacts {
  readonly run: Run | null;
  readonly formValues: Record<string, string>;
}

export type CaseWhy = ResultOf<'explain.answer'>;
export type RunImportance = ResultOf<'explain.inputs'>;
export type CaseWhatIf = ResultOf<'explain.whatIf'>;

/** Typing moves the case in many small steps: ask once it has settled a moment. */
const SETTLE_MS = 250;

export const useExplanationsStore = defineStore('explanations', () => {
  const shell = useShellStore();
  const facts = shallowRef<CaseFacts>({ run: null, formValues: {} });
  const why = shallowRef<CaseWhy | null>(null);
  const importance = shallowRef<RunImportance | null>(null);
  const whatIf = shallowRef<CaseWhatIf | null>(null);
  /** the input the what-if moves, as chosen; null: the one that moved the answer most */
  const chosenInput = ref<string | null>(null);
  const problems = ref<{ why?: ErrorInfo; importance?: ErrorInfo; whatIf?: ErrorInfo }>({});

  /** what the latest request of each kind was for: an answer for anything else is stale */
  const wanted = { why: '', importance: '', whatIf: '' };

  function connect(to: CaseFacts): void {
    facts.value = to;
  }

  function hydrate(): void {
    why.value = null;
    importance.value = null;
    whatIf.value = null;
    chosenInput.value = null;
    problems.value = {};
    wanted.why = wanted.importance = wanted.whatIf = '';
  }

  /** The input the what-if moves: the one chosen, else the one that moved this answer most, else the first. */
  function whatIfInput(): string | null {
    const inputs = facts.value.run?.weights?.inputs.map((i) => i.name) ?? [];
    if (chosenInput.value && inputs.includes(chosenInput.value)) return chosenInput.value;
    const moved = why.value?.runId === facts.value.run?.id ? why.value?.contributions : undefined;
    if (moved?.length) return [...moved].sort((a, b) => Math.abs(b.value) - Math.abs(a.value))[0]!.input;
    return inputs[0] ?? null;
  }

  async function ask<K extends keyof typeof wanted, T>(kind: K, key: string, work: () => Promise<T>, keep: (value: T | null) => void): Promise<void> {
    wanted[kind] = key;
    try {
      const got = await work();
      if (wanted[kind] !== key) return;
      keep(got);
      problems.value = { ...problems.value, [kind]: undefined };
    } catch (error) {
      if (wanted[kind] !== key) return;
      keep(null);
      problems.value = { ...problems.value, [kind]: toErrorInfo(error, 'explaining the answer') };
    }
  }

  function caseValues(): Record<string, string> {
    const run = facts.value.run;
    const values: Record<string, string> = {};
    for (const input of run?.weights?.inputs ?? []) values[input.name] = facts.value.formValues[input.name] ?? '';
    return values;
  }

  async function explainCase(): Promise<void> {
    const run = facts.value.run;
    if (!run?.weights) return;
    const values = caseValues();
    const key = `${run.id}\n${JSON.stringify(values)}`;
    await ask('why', key, () => useApi().explain.answer({ runId: run.id, values: plain(values) }), (v) => (why.value = v));
    await explainWhatIf();
  }

  async function explainWhatIf(): Promise<void> {
    const run = facts.value.run;
    const input = whatIfInput();
    if (!run?.weights || !input) return;
    const values = caseValues();
    const key = `${run.id}\n${input}\n${JSON.stringify(values)}`;
    await ask('whatIf', key, () => useApi().explain.whatIf({ runId: run.id, input, values: plain(values) }), (v) => (whatIf.value = v));
  }

  async function explainInputs(): Promise<void> {
    const run = facts.value.run;
    if (!run?.weights) return;
    // a new threshold is a new run object: accuracy is counted at it
    const key = `${run.id}\n${run.weights.output.threshold ?? 0.5}`;
    if (wanted.importance === key && importance.value) return;
    await ask('importance', key, () => useApi().explain.inputs({ runId: run.id }), (v) => (importance.value = v));
  }

  async function chooseInput(input: string): Promise<void> {
    chosenInput.value = input;
    await explainWhatIf();
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  // follow the run shown and the case typed while the Use screen is open
  watch(
    () => [shell.ui.screen, facts.value.run, facts.value.formValues] as const,
    ([screen, run], before) => {
      if (screen !== 'use' || !run?.weights) return;
      const runChanged = before?.[1]?.id !== run.id;
      if (runChanged) {
        why.value = null;
        whatIf.value = null;
        chosenInput.value = null;
      }
      void explainInputs();
      clearTimeout(timer);
      timer = setTimeout(() => void explainCase(), runChanged ? 0 : SETTLE_MS);
    },
    { immediate: true },
  );

  return { why, importance, whatIf, chosenInput, problems, connect, hydrate, whatIfInput, chooseInput, explainCase, explainInputs };
});
