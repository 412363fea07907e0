// The project file: its name and path, writing it (Save and Save As share this), recent projects and the work kept
// after a crash. Opening, New and rebuilding every screen from a project are in whole-project.ts (they touch every store).

import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PayloadOf, ProjectState, RecentProject, Recovery } from '../../../main/contract';
import { useApi } from '../api';
import { useShellStore } from './shell';

export const useProjectStore = defineStore('project', () => {
  const shell = useShellStore();
  const name = ref('Untitled');
  const path = ref<string | null>(null);
  const recent = ref<RecentProject[]>([]);
  const recovery = ref<Recovery | null>(null);

  function hydrate(state: ProjectState): void {
    name.value = state.name;
    path.value = state.path;
  }

  /** The main side's word on the file: its name, path and whether it has unsaved changes. */
  function applyChange(change: PayloadOf<'project.changed'>): void {
    name.value = change.name;
    path.value = change.path;
    shell.dirty = change.dirty;
  }

  /** Writes the project to its file, or to `target`; true once the main side says it is saved. */
  async function writeFile(target?: string): Promise<boolean> {
    const changed = await shell.attempt('Saving…', () => useApi().project.save(target ? { path: target } : undefined));
    if (!changed) return false;
    applyChange(changed);
    shell.say(`Saved to ${changed.path}.`);
    return true;
  }

  async function loadRecent(): Promise<void> {
    try {
      recent.value = await useApi().project.recent();
    } catch {
      // the list is a convenience: without it the Start screen still works
    }
  }

  async function checkRecovery(): Promise<void> {
    recovery.value = await useApi().recovery.check();
  }

  async function discardRecovery(): Promise<void> {
    await shell.attempt('Discarding…', () => useApi().recovery.discard(), false);
    recovery.value = null;
  }

  return { name, path, recent, recovery, hydrate, applyChange, writeFile, loadRecent, checkRecovery, discardRecovery };
});
