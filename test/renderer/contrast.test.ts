// Every colour the screens give text reads on every light surface at WCAG's 4.5:1 (axe sees only what one session
// shows; this sees every `color:` in every sheet), and those meant for the dark bar read on the bar.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname, '../../renderer/src');

function sheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sheets(file);
    return /\.(vue|css)$/.test(entry.name) ? [readFileSync(file, 'utf8')] : [];
  });
}

const tokens = new Map<string, string>();
for (const [, name, value] of readFileSync(path.join(SRC, 'styles.css'), 'utf8').matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)) tokens.set(name!, value!.toLowerCase());

function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** the surfaces text sits on (cards, the page, the tinted notes, rows and tiles) */
const LIGHT_SURFACES = ['bg', 'card', 'faint', 'soft', 'accent-soft', 'accent-faint', 'warn-soft', 'good-soft', 'bad-soft', 'category-soft'];

/** text colours that are never on a light surface, and what they sit on instead */
const ON_DARK: Record<string, string[]> = {
  'accent-ink': ['accent', 'accent-strong', 'bar', 'bad'], // primary buttons, the current step, the bar, the problem's mark
  line: ['bar'], // the bar's quiet buttons
  soft: ['bar'], // the bar's text
  'bar-warn': ['bar'],
  'bar-accent': ['bar'],
};

/** drawn, not read: the › between the steps (a ::before) */
const DECORATIVE = new Set(['separator']);

const used = new Set<string>();
for (const css of sheets(SRC)) for (const [, name] of css.matchAll(/(?:^|[\s;{])color:\s*var\(--([a-z-]+)\)/g)) used.add(name!);

describe('text colours against the surfaces they sit on', () => {
  it('finds the colours text is given, each a token of the base sheet', () => {
    expect(used.size).toBeGreaterThan(5);
    for (const name of used) expect(tokens.has(name), `--${name}`).toBe(true);
  });

  // regression: --muted on the current step's --accent-soft read at 4.48:1, the rows' numbers (--ink-faint) at 2.2:1
  it('reads at 4.5:1 or better', () => {
    const weak: string[] = [];
    for (const name of used) {
      if (DECORATIVE.has(name)) continue;
      for (const surface of ON_DARK[name] ?? LIGHT_SURFACES) {
        const ratio = contrast(tokens.get(name)!, tokens.get(surface)!);
        if (ratio < 4.5) weak.push(`--${name} on --${surface}: ${ratio.toFixed(2)}:1`);
      }
    }
    expect(weak).toEqual([]);
  });
});
