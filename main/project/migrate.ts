// Lifting project files saved by older versions of the app to the current version, one step at a time.

import { PROJECT_VERSION } from './schema';

type Json = Record<string, unknown>;

/**
 * Version 0 (before the first release): no `ui`, and a plan listed its hidden layers as `layers`
 * (renamed `hidden` in version 1, so it cannot be mistaken for the weights file's `layers`, which include the output).
 *   { format, version: 0, name, createdAt, savedAt, dataset, plan: { features, label, layers, ... } | null,
 *     runs: [{ ..., plan: { ..., layers } }] }
 */
function planFromVersion0(plan: unknown): unknown {
  if (!plan || typeof plan !== 'object' || Array.isArray(plan)) return plan;
  const { layers, ...rest } = plan as Json;
  return 'hidden' in rest || layers === undefined ? rest : { ...rest, hidden: layers };
}

function fromVersion0(old: Json): Json {
  const runs = Array.isArray(old.runs)
    ? old.runs.map((run: unknown) =>
        run && typeof run === 'object' ? { ...(run as Json), plan: planFromVersion0((run as Json).plan) } : run,
      )
    : old.runs;
  return { ...old, version: 1, plan: planFromVersion0(old.plan), runs, ui: old.ui ?? {} };
}

/** step[n] turns a version-n file into a version-(n+1) file */
const STEPS: Record<number, (old: Json) => Json> = {
  0: fromVersion0,
};

/**
 * Returns the file's JSON at PROJECT_VERSION (not yet validated; the schema does that next).
 * Never changes its argument. Throws a plain Error for a version it has no way to lift (newer, or unknown).
 */
export function migrate(json: Json): Json {
  let current = json;
  while (current.version !== PROJECT_VERSION) {
    const version = current.version;
    const step = typeof version === 'number' ? STEPS[version] : undefined;
    if (!step) throw new Error(`No way to read a project file of version ${String(version)}.`);
    current = step(current);
  }
  return current;
}

/** The oldest version migrate() can lift. */
export const OLDEST_READABLE_VERSION = Math.min(...Object.keys(STEPS).map(Number), PROJECT_VERSION);
