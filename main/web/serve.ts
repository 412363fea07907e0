// `npm run web -- [--port N] [--no-open]`: build the screens if needed, start browser mode, print its address and
// open a one-time address in the default browser.

import { spawn } from 'node:child_process';
import { buildRenderer, rendererNeedsBuild } from './renderer-build';
import { DEFAULT_STATIC_DIR, startWebServer } from './server';

export interface ServeOptions {
  port: number;
  open: boolean;
}

/** Parses the command line; a bad option is a sentence, not a stack. */
export function parseServeArgs(argv: string[]): ServeOptions {
  const options: ServeOptions = { port: 5317, open: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--no-open') options.open = false;
    else if (arg === '--open') options.open = true;
    else if (arg === '--port' || arg.startsWith('--port=')) {
      const value = arg.includes('=') ? arg.slice('--port='.length) : argv[++i];
      const port = Number(value);
      if (value === undefined || !Number.isInteger(port) || port < 0 || port > 65535) {
        throw new Error(`--port needs a whole number from 0 to 65535 (got ${value ?? 'nothing'}).`);
      }
      options.port = port;
    } else {
      throw new Error(`Unknown option ${arg}. Use: npm run web -- [--port N] [--no-open]`);
    }
  }
  return options;
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no browser launcher: the printed address is enough
    child.unref();
  } catch {
    // same
  }
}

async function main(): Promise<void> {
  let options: ServeOptions;
  try {
    options = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (await rendererNeedsBuild(DEFAULT_STATIC_DIR)) {
    console.log('Building the screens (once, after each change)…');
    await buildRenderer();
  }
  let server;
  try {
    server = await startWebServer({ port: options.port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      console.error(`Port ${options.port} is in use. Choose another with: npm run web -- --port N (0 picks a free one).`);
      process.exit(2);
    }
    throw error;
  }
  console.log(`Neuron Studio is at ${server.url}`);
  console.log('Keep this window open while you use it; press Ctrl+C to stop.');
  // never the printed address: the launcher's command line is readable by every local user, so it gets a code
  // that works once (the terminal's text is this user's alone)
  if (options.open) openBrowser(server.launchUrl());
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
