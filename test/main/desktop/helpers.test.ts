// The Electron shell's decisions, tested without Electron: window placement, who may call, the menu, closing.
import { describe, expect, it } from 'vitest';
import { answerOf, closeDecision, closePrompt } from '../../../main/desktop/close-prompt';
import { buildMenuTemplate, type MenuActions } from '../../../main/desktop/menu';
import { projectFileFromArgv } from '../../../main/desktop/open-file';
import { isAllowedSender } from '../../../main/desktop/sender';
import { DEFAULT_SIZE, ensureBoundsVisible, readWindowState } from '../../../main/desktop/window-bounds';
import type { MenuItemConstructorOptions } from 'electron';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('ensureBoundsVisible', () => {
  it('keeps bounds that are on a screen', () => {
    expect(ensureBoundsVisible({ x: 100, y: 50, width: 1200, height: 800 }, [laptop])).toEqual({ x: 100, y: 50, width: 1200, height: 800 });
    expect(ensureBoundsVisible({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop, rightMonitor])).toEqual({ x: 2000, y: 100, width: 1200, height: 800 });
  });

  it('brings back a window left on a monitor that was unplugged, centred on the remaining one', () => {
    // (1920 - 1200) / 2 = 360, (1040 - 800) / 2 = 120
    expect(ensureBoundsVisible({ x: 2000, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({ x: 360, y: 120, width: 1200, height: 800 });
  });

  it('brings back a window whose title bar is above the screen', () => {
    expect(ensureBoundsVisible({ x: 100, y: -500, width: 1200, height: 800 }, [laptop])).toEqual({ x: 360, y: 120, width: 1200, height: 800 });
  });

  it('shrinks a window larger than every screen', () => {
    expect(ensureBoundsVisible({ x: 0, y: 0, width: 4000, height: 3000 }, [laptop])).toEqual({ x: 0, y: 0, width: 1920, height: 1040 });
  });

  it('centres the default size when nothing (or nonsense) was saved', () => {
    const centred = { x: (1920 - DEFAULT_SIZE.width) / 2, y: (1040 - DEFAULT_SIZE.height) / 2, ...DEFAULT_SIZE };
    expect(ensureBoundsVisible(undefined, [laptop])).toEqual(centred);
    expect(ensureBoundsVisible({ x: NaN, y: 0, width: 10, height: 10 }, [laptop])).toEqual(centred);
    expect(ensureBoundsVisible({ x: 0, y: 0, width: -5, height: 10 }, [laptop])).toEqual(centred);
  });

  it('reads a saved state file, refusing shapes that are not one', () => {
    expect(readWindowState({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true })).toEqual({ bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true });
    expect(readWindowState({ bounds: { x: 1 } })).toBeUndefined();
    expect(readWindowState('junk')).toBeUndefined();
    expect(readWindowState(null)).toBeUndefined();
  });
});

describe('isAllowedSender', () => {
  const built = 'app://neuron-studio/index.html';
  it('allows the built screens on app:// of our host, and nothing from file:', () => {
    expect(isAllowedSender(built, built)).toBe(true);
    expect(isAllowedSender(`${built}#/train`, built)).toBe(true);
    expect(isAllowedSender('app://neuron-studio/assets/worker.js', built)).toBe(true);
    expect(isAllowedSender('app://neuron-studio.evil/index.html', built)).toBe(false);
    expect(isAllowedSender('app://other/index.html', built)).toBe(false);
    expect(isAllowedSender('apps://neuron-studio/index.html', built)).toBe(false);
    expect(isAllowedSender('file:///opt/Neuron%20Studio/resources/app.asar/out/renderer/index.html', built)).toBe(false);
    expect(isAllowedSender('file:///home/me/Downloads/evil.html', built)).toBe(false);
    // a file: page is never the app, even if asked to be
    expect(isAllowedSender('file:///x/index.html', 'file:///x/index.html')).toBe(false);
  });

  it('allows the dev server origin only, compared as parsed origins', () => {
    const dev = 'http://localhost:5173/';
    expect(isAllowedSender('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAllowedSender('http://localhost:5174/', dev)).toBe(false);
    // a prefix match would let these through
    expect(isAllowedSender('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAllowedSender('http://localhost:5173@evil.example/', dev)).toBe(false);
    expect(isAllowedSender('https://localhost:5173/', dev)).toBe(false);
  });

  it('refuses missing and malformed URLs', () => {
    expect(isAllowedSender(undefined, built)).toBe(false);
    expect(isAllowedSender('', built)).toBe(false);
    expect(isAllowedSender('not a url', built)).toBe(false);
    expect(isAllowedSender('about:blank', built)).toBe(false);
  });
});

describe('menu template', () => {
  function actionsLog() {
    const calls: string[] = [];
    const actions: MenuActions = {
      newProject: () => calls.push('new'),
      openProject: () => calls.push('open'),
      openRecent: (p) => calls.push(`recent:${p}`),
      save: () => calls.push('save'),
      saveAs: () => calls.push('saveAs'),
      importCsv: () => calls.push('import'),
      exportModel: (format) => calls.push(`export:${format}`),
      quit: () => calls.push('quit'),
      openHelp: () => calls.push('help'),
    };
    return { calls, actions };
  }
  const items = (menu: MenuItemConstructorOptions) => menu.submenu as MenuItemConstructorOptions[];
  const click = (item: MenuItemConstructorOptions) => (item.click as unknown as () => void)();

  it('has File, Edit, View, Help with the usual shortcuts, each wired to its action', () => {
    const { calls, actions } = actionsLog();
    const template = buildMenuTemplate(actions, { isMac: false, recent: [{ path: '/p/a.neuron', name: 'a' }], devTools: true });
    expect(template.map((m) => m.label ?? m.role)).toEqual(['File', 'Edit', 'View', 'help']);
    const file = items(template[0]!).filter((i) => i.type !== 'separator');
    expect(file.map((i) => [i.label, i.accelerator])).toEqual([
      ['New Project', 'CmdOrCtrl+N'],
      ['Open…', 'CmdOrCtrl+O'],
      ['Open Recent', undefined],
      ['Save', 'CmdOrCtrl+S'],
      ['Save As…', 'CmdOrCtrl+Shift+S'],
      ['Import CSV…', 'CmdOrCtrl+I'],
      ['Export', undefined],
      ['Quit', 'CmdOrCtrl+Q'],
    ]);
    for (const item of file) if (item.click) click(item);
    click(items(file[2]!)[0]!);
    // Export holds one item per format, each saying what it is for
    const exports = items(file[6]!);
    expect(exports.map((i) => [i.label, i.accelerator])).toEqual([
      ['Weights (JSON)…', 'CmdOrCtrl+E'],
      ['TensorFlow.js…', undefined],
      ['ONNX…', undefined],
      ['Calculator page…', undefined],
    ]);
    expect(exports.every((i) => typeof i.toolTip === 'string' && i.toolTip.length > 20)).toBe(true);
    for (const item of exports) click(item);
    expect(calls).toEqual(['new', 'open', 'save', 'saveAs', 'import', 'quit', 'recent:/p/a.neuron', 'export:weights', 'export:tfjs', 'export:onnx', 'export:calculator']);
  });

  it('says so when there are no recent projects, and puts Quit in the app menu on macOS', () => {
    const { actions } = actionsLog();
    const template = buildMenuTemplate(actions, { isMac: true, recent: [], devTools: true });
    expect(template.map((m) => m.label ?? m.role)).toEqual(['Neuron Studio', 'File', 'Edit', 'View', 'help']);
    const file = items(template[1]!);
    expect(file.some((i) => i.label === 'Quit')).toBe(false);
    expect(items(file.find((i) => i.label === 'Open Recent')!)).toEqual([{ label: 'No recent projects', enabled: false }]);
    expect(items(template[0]!).some((i) => i.label === 'Quit Neuron Studio')).toBe(true);
  });
});

describe('closing with unsaved changes', () => {
  it('asks Save / Don\'t Save / Cancel, naming the project', () => {
    const prompt = closePrompt('diabetes');
    expect(prompt.buttons).toEqual(['Save', "Don't Save", 'Cancel']);
    expect(prompt.cancelId).toBe(2);
    expect(prompt.message).toBe('Do you want to save the changes you made to "diabetes"?');
  });

  it('decides from the answer', () => {
    expect(closeDecision(false)).toBe('close');
    expect(closeDecision(true, answerOf(0))).toBe('save-then-close');
    expect(closeDecision(true, answerOf(1))).toBe('close');
    expect(closeDecision(true, answerOf(2))).toBe('stay');
    expect(closeDecision(true)).toBe('stay'); // the box was dismissed
  });
});

describe('a project opened from the OS', () => {
  it('finds the .neuron file among the arguments', () => {
    expect(projectFileFromArgv(['/opt/neuron-studio', '/home/ana/pima.neuron'])).toBe('/home/ana/pima.neuron');
    expect(projectFileFromArgv(['/opt/neuron-studio', '--no-sandbox', 'C:\\Users\\ana\\PIMA.NEURON'])).toBe('C:\\Users\\ana\\PIMA.NEURON');
    expect(projectFileFromArgv(['electron', '.', 'notes.txt'])).toBeNull();
    expect(projectFileFromArgv(['electron'])).toBeNull();
  });
});
