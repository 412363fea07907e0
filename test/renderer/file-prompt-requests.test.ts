// The browser-mode file chooser's requests, in the renderer's shell store over a real app core: a late answer
// to an older request, or a request made while a person answers a prompt, never replaces the prompt they see.

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createPinia, setActivePinia } from 'pinia';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../main/contract';
import { BRIDGE_GLOBAL, type DesktopBridge } from '../../main/desktop/bridge';
import { useShellStore } from '../../renderer/src/stores/shell';
import { init, tearDown } from '../../renderer/src/stores/whole-project';
import { useDataStore } from '../../renderer/src/stores/data';
import { DIABETES, startHarness, tempDir, type Harness } from '../main/api/harness';

const dir = tempDir('ns-file-prompt-');
const home = path.join(dir, 'home');
let h: Harness;
/** files.suggestions answers held back by the test, released in the order it chooses */
const held: (() => void)[] = [];
let holding = false;

beforeAll(async () => {
  mkdirSync(path.join(home, 'Documents'), { recursive: true });
  h = startHarness({ homeDir: home }, dir);
  // the bridge a desktop window would have, straight onto the core; the test decides when suggestions arrive
  const bridge: DesktopBridge = {
    requests: new Proxy({} as DesktopBridge['requests'], {
      get: (_, name: string) => async (args: unknown) => {
        if (holding && name === 'files.suggestions') await new Promise<void>((release) => held.push(release));
        return JSON.parse(JSON.stringify(await h.core.dispatch(name, args))) as Envelope<unknown>;
      },
    }),
    events: new Proxy({} as DesktopBridge['events'], {
      get: (_, event: string) => (handler: (payload: unknown) => void) => h.core.hub.on(event as never, handler),
    }),
  };
  (globalThis as Record<string, unknown>)[BRIDGE_GLOBAL] = bridge;
  setActivePinia(createPinia());
  await init();
  // browser mode: the core has no native dialogs, so the store shows its own path field
  expect(useShellStore().info?.nativeDialogs).toBe(false);
  expect(await useDataStore().importPath(DIABETES)).toBe(true);
});

// each test starts with no prompt open and nothing held back, whatever the one before left
afterEach(() => {
  holding = false;
  for (const release of held.splice(0)) release();
  useShellStore().filePrompt?.resolve(null);
});

afterAll(async () => {
  tearDown();
  await h?.close();
});

/** Resolves once `count` suggestion answers are held back. */
async function heldAnswers(count: number): Promise<void> {
  await vi.waitFor(() => expect(held.length).toBe(count));
}

/** A request's answer as it arrives (undefined until then), so a test can wait for it or for something else. */
function track(request: Promise<string | null>): { answer: string | null | undefined } {
  const tracked: { answer: string | null | undefined } = { answer: undefined };
  void request.then((answer) => (tracked.answer = answer));
  return tracked;
}

describe('the file chooser in browser mode', () => {
  it("opens with the main side's default already in the field, in the person's documents", async () => {
    const shell = useShellStore();
    const chosen = shell.chooseFile('saveCsv');
    await vi.waitFor(() => expect(shell.filePrompt).not.toBeNull());
    // bug guarded: an unsaved example's predictions were offered in the app's own datasets/ folder
    expect(shell.filePrompt?.path).toBe(path.join(home, 'Documents', 'diabetes predictions.csv'));
    shell.filePrompt!.resolve(null);
    expect(await chosen).toBeNull();
  });

  it('a late answer to an older request does not replace the newer prompt', async () => {
    const shell = useShellStore();
    holding = true;
    const older = track(shell.chooseFile('export:weights'));
    const newer = shell.chooseFile('saveProject');
    await heldAnswers(2);
    holding = false;
    held.splice(1, 1)[0]!(); // the newer request's answer first
    await vi.waitFor(() => expect(shell.filePrompt).not.toBeNull());
    const shown = shell.filePrompt;
    expect(shown?.title).toBe('Save the project as');
    held.shift()!();
    await vi.waitFor(() => expect(older.answer !== undefined || shell.filePrompt !== shown).toBe(true));
    // bug guarded: the older request's answer closed the person's prompt and opened its own with its default
    expect(shell.filePrompt?.title).toBe('Save the project as');
    expect(shell.filePrompt).toBe(shown);
    expect(older.answer).toBeNull();
    shown!.resolve(path.join(dir, 'typed.neuron'));
    expect(await newer).toBe(path.join(dir, 'typed.neuron'));
  });

  it('a request made while a person answers a prompt leaves that prompt open', async () => {
    const shell = useShellStore();
    const answering = track(shell.chooseFile('saveCsv'));
    await vi.waitFor(() => expect(shell.filePrompt).not.toBeNull());
    const shown = shell.filePrompt;
    expect(shown?.title).toBe('Save the predictions as');
    const meanwhile = track(shell.chooseFile('saveProject'));
    await vi.waitFor(() => expect(meanwhile.answer !== undefined || shell.filePrompt !== shown).toBe(true));
    // bug guarded: Ctrl+S (or any other file request) closed the open prompt and opened "Save the project as"
    expect(shell.filePrompt?.title).toBe('Save the predictions as');
    expect(shell.filePrompt).toBe(shown);
    expect(meanwhile.answer).toBeNull();
    shown!.resolve(path.join(dir, 'mine.csv'));
    await vi.waitFor(() => expect(answering.answer).toBe(path.join(dir, 'mine.csv')));
    expect(shell.filePrompt).toBeNull();
  });
});
