// The command line: `npm run train -- [options]` and `npm run predict -- [options]` (see main/cli/help.ts).

import { runCli } from './cli/run';
import { processTerminal } from './cli/terminal';

runCli(process.argv.slice(2), processTerminal).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Neuron Studio failed to start: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = 1;
  },
);
