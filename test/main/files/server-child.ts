// Browser mode's real server with the whole app behind it, in its own process, for tests that could freeze it.
// Usage: node --import tsx test/main/files/server-child.ts DATA_DIR STATIC_DIR; prints {"port":…,"token":…} once ready.

import { startWebServer } from '../../../main/web/server';
import { createCore } from '../../../main/handlers/index';

async function main(): Promise<void> {
  const [dataDir, staticDir] = process.argv.slice(2);
  if (!dataDir || !staticDir) throw new Error('usage: server-child.ts DATA_DIR STATIC_DIR');
  const core = createCore({ mode: 'web', dataDir });
  const server = await startWebServer({ port: 0, staticDir, core });
  process.stdout.write(`${JSON.stringify({ port: server.port, token: server.token })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
