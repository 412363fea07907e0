// A project opened from the OS: a .neuron path on the command line (Windows, Linux) or in 'open-file' (macOS).

import { PROJECT_EXTENSION } from '../project/new-project';

/** The first argument that names a .neuron file, skipping the executable, the app path and flags. */
export function projectFileFromArgv(argv: readonly string[]): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (arg.toLowerCase().endsWith(PROJECT_EXTENSION)) return arg;
  }
  return null;
}
