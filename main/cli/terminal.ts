// Where the CLI's words go: results on stdout, messages about problems on stderr. Tests pass their own.

export interface Terminal {
  out(line: string): void;
  err(line: string): void;
}

// When stdout is closed early (`npm run train | head`), further lines are dropped instead of crashing the run:
// training goes on and its files are still written.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') stdoutClosed = true;
  else throw error;
});

export const processTerminal: Terminal = {
  out: (line) => {
    if (!stdoutClosed) process.stdout.write(`${line}\n`);
  },
  err: (line) => process.stderr.write(`${line}\n`),
};
