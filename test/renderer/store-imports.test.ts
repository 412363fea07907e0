// The imports keep their shape: no file imports itself round a cycle, the shell store imports no other store, and
// each domain store imports only the shell; only whole-project.ts (which no store imports) reaches every store.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = [path.join(ROOT, 'renderer/src')];
const STORES = path.join(ROOT, 'renderer/src/stores');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|vue)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The files a file imports by a relative path (type-only ones too: a cycle of types still ties the files together). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.flatMap((specifier) => {
    const base = path.resolve(path.dirname(file), specifier);
    const found = [base, `${base}.ts`, `${base}.vue`, path.join(base, 'index.ts')].find((p) => existsSync(p) && statSync(p).isFile());
    return found && /\.(ts|vue)$/.test(found) ? [found] : [];
  });
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of SOURCES.flatMap(sourceFiles)) edges.set(file, importsOf(file));
  return edges;
}

/** One import cycle as the chain of files round it, or null when there is none. */
function findCycle(edges: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const chain: string[] = [];
  const visit = (file: string): string[] | null => {
    state.set(file, 'open');
    chain.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') return [...chain.slice(chain.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
    }
    chain.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of edges.keys()) {
    if (state.has(file)) continue;
    const cycle = visit(file);
    if (cycle) return cycle.map((f) => path.relative(ROOT, f));
  }
  return null;
}

function storesImportedBy(store: string, edges: Map<string, string[]>): string[] {
  return (edges.get(path.join(STORES, store)) ?? []).filter((f) => path.dirname(f) === STORES).map((f) => path.basename(f));
}

describe('imports', () => {
  const edges = graph();

  it('form no cycle anywhere in the renderer', () => {
    // bug guarded: stores/project.ts imported the four other stores and each of them imported it back
    expect(findCycle(edges)).toBeNull();
  });

  it('the shell store imports no other store', () => {
    expect(edges.has(path.join(STORES, 'shell.ts'))).toBe(true);
    expect(storesImportedBy('shell.ts', edges)).toEqual([]);
  });

  it('each domain store imports only the shell', () => {
    const domain = readdirSync(STORES).filter((f) => f.endsWith('.ts') && f !== 'shell.ts' && f !== 'whole-project.ts');
    expect(domain).toEqual(expect.arrayContaining(['data.ts', 'model.ts', 'training.ts', 'evaluation.ts', 'project.ts']));
    for (const store of domain) expect({ store, imports: storesImportedBy(store, edges) }).toEqual({ store, imports: ['shell.ts'] });
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const a = path.join(STORES, 'a.ts');
    const b = path.join(STORES, 'b.ts');
    expect(findCycle(new Map([[a, [b]], [b, [a]]]))).toEqual(['renderer/src/stores/a.ts', 'renderer/src/stores/b.ts', 'renderer/src/stores/a.ts']);
  });
});
