// Where the window opens: last session's bounds, moved back onto a screen if that screen is gone. Pure functions.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 900, height: 600 };
/** this much of the title bar must be on a screen for the window to count as reachable */
const GRAB = 100;

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * The bounds to open with, given the saved ones and each display's work area (the screen minus task bars).
 * Kept as saved when the title bar can be grabbed on some display; otherwise fitted and centred on the display that
 * shows most of it (or the first). Too-large windows shrink to the display; undefined saved bounds centre a default.
 */
export function ensureBoundsVisible(saved: Rect | undefined, displays: Rect[]): Rect {
  const screens = displays.length > 0 ? displays : [{ x: 0, y: 0, width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }];
  const valid =
    saved && [saved.x, saved.y, saved.width, saved.height].every(Number.isFinite) && saved.width > 0 && saved.height > 0;
  if (valid) {
    const titleBar: Rect = { x: saved.x, y: saved.y, width: saved.width, height: 30 };
    const grabbable = screens.some((d) => {
      const w = Math.min(titleBar.x + titleBar.width, d.x + d.width) - Math.max(titleBar.x, d.x);
      return w >= Math.min(GRAB, saved.width) && saved.y >= d.y && saved.y < d.y + d.height - 30;
    });
    const fitsSomewhere = screens.some((d) => saved.width <= d.width && saved.height <= d.height);
    if (grabbable && fitsSomewhere) return { ...saved };
  }
  const size = valid ? { width: saved.width, height: saved.height } : DEFAULT_SIZE;
  const target = valid ? screens.reduce((best, d) => (overlap(saved, d) > overlap(saved, best) ? d : best), screens[0]!) : screens[0]!;
  const width = Math.min(size.width, target.width);
  const height = Math.min(size.height, target.height);
  return {
    x: Math.round(target.x + (target.width - width) / 2),
    y: Math.round(target.y + (target.height - height) / 2),
    width,
    height,
  };
}

/** A saved window-state file's content, or undefined if it is not one (never throws: a bad file means defaults). */
export function readWindowState(json: unknown): WindowState | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { bounds, maximized } = json as { bounds?: Partial<Rect>; maximized?: unknown };
  if (!bounds || !['x', 'y', 'width', 'height'].every((k) => typeof (bounds as Record<string, unknown>)[k] === 'number')) {
    return undefined;
  }
  return { bounds: bounds as Rect, maximized: maximized === true };
}
