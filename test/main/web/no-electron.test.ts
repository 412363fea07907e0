// Browser mode and the app core must never load electron (require('electron') from Node would look for its binary).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

describe('browser mode without electron', () => {
  it('loads the web server, the handlers and the services without loading electron', () => {
    const script = `
      require('./main/web/serve.ts');
      require('./main/web/server.ts');
      require('./main/handlers/index.ts');
      const loaded = Object.keys(require.cache).filter((k) => /[\\\\/]node_modules[\\\\/]electron[\\\\/]/.test(k));
      console.log(JSON.stringify({ loaded, modules: Object.keys(require.cache).length }));
    `;
    const output = execFileSync(process.execPath, ['--import', pathToFileURL(require.resolve('tsx')).href, '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    const result = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(result.loaded).toEqual([]);
    expect(result.modules).toBeGreaterThan(20); // the files were really loaded
  });
});
