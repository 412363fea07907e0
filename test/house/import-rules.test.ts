// The house's import rules, checked by dependency-cruiser on the real source: no cycle anywhere, the engine stands on
// its own, the renderer never reaches Node or Electron, services never reach a transport, only the desktop shell
// loads Electron.
import path from 'node:path';
import type { IForbiddenRuleType } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

const RULES: IForbiddenRuleType[] = [
  { name: 'no-cycle', from: {}, to: { circular: true } },
  // wasm/build.ts is the tool that compiles the kernels (npm run build:wasm), never imported by the engine
  {
    name: 'engine-stands-alone',
    from: { path: '^workers/engine/', pathNot: '^workers/engine/wasm/build[.]ts$' },
    to: { pathNot: '^workers/engine/' },
  },
  // files are read by main/ and handed over as bytes; the two build tools (npm run build:wasm, build:calculator) write
  {
    name: 'workers-not-files',
    from: { path: '^workers/', pathNot: '^workers/(engine/wasm|exports/calculator)/build[.]ts$' },
    to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
  },
  { name: 'renderer-not-node', from: { path: '^renderer/' }, to: { dependencyTypes: ['core'] } },
  { name: 'renderer-not-electron', from: { path: '^renderer/' }, to: { path: '(^|/)node_modules/electron/' } },
  { name: 'services-not-transport', from: { path: '^main/services/' }, to: { path: '^main/(transport|web|desktop)/' } },
  { name: 'only-desktop-electron', from: { pathNot: '^main/desktop/' }, to: { path: '(^|/)node_modules/electron/' } },
].map((rule) => ({ severity: 'error', ...rule }) as IForbiddenRuleType);

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

async function violations(): Promise<{ found: string[]; modules: number }> {
  const { cruise } = await import('dependency-cruiser');
  const result = await cruise(
    ['main', 'renderer/src', 'workers'],
    {
      ruleSet: { forbidden: RULES },
      validate: true,
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      // AssemblyScript source, compiled to the committed WebAssembly: not part of the TypeScript program
      exclude: { path: 'workers/engine/wasm/assembly/' },
      tsConfig: { fileName: path.join(ROOT, 'tsconfig.json') },
      baseDir: ROOT,
    },
    { extensions: ['.ts', '.mts', '.cjs', '.js', '.vue'] },
  );
  const output = typeof result.output === 'string' ? JSON.parse(result.output) : result.output;
  const found = (output.summary.violations as Violation[]).map((v) =>
    v.cycle ? `${v.rule.name}: ${[v.from, ...v.cycle.map((c) => c.name)].join(' -> ')}` : `${v.rule.name}: ${v.from} -> ${v.to}`,
  );
  return { found, modules: output.modules.length };
}

describe('import rules', () => {
  it('hold for every module of main/, renderer/ and workers/', async () => {
    const { found, modules } = await violations();
    expect(modules).toBeGreaterThan(150); // the cruise saw the real tree, not an empty one
    expect(found).toEqual([]);
  }, 120_000);
});
