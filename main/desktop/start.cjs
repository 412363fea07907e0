// `npm start`: the desktop app where Electron can run (its binary present, or downloaded now in one attempt), else
// browser mode (main/web/serve.ts) opened in the default browser, after one line that says why.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const NO_BINARY =
  "The desktop window cannot open here: Electron's binary could not be downloaded. Opening Neuron Studio in your browser instead.";
const NO_DISPLAY =
  'The desktop window cannot open here: there is no display (DISPLAY and WAYLAND_DISPLAY are unset). Opening Neuron Studio in your browser instead.';

/** The electron package's folder (tests point it elsewhere), or null when the package is not installed. */
function electronDir(env = process.env) {
  if (env.NEURON_STUDIO_ELECTRON_DIR) return env.NEURON_STUDIO_ELECTRON_DIR;
  try {
    return path.dirname(require.resolve('electron/package.json', { paths: [ROOT] }));
  } catch {
    return null;
  }
}

/** The binary is installed when path.txt names a file that exists under dist/. */
function binaryPresent(dir) {
  try {
    const exe = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    return exe.length > 0 && fs.existsSync(path.join(dir, 'dist', exe));
  } catch {
    return false;
  }
}

/** One try of electron's own installer, quietly (its errors would be many lines); true if the binary is there after. */
function tryInstall(dir) {
  const installer = path.join(dir, 'install.js');
  if (!fs.existsSync(installer)) return false;
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  spawnSync(process.execPath, [installer], { cwd: dir, env, stdio: 'ignore', timeout: 180_000 });
  return binaryPresent(dir);
}

/**
 * Why the desktop window cannot open on this machine (the line to print), or null when it can. `install` is asked
 * only when the binary is missing, so a machine that has it never waits for a download.
 */
function whyNoDesktop({ dir, env = process.env, platform = process.platform, install = tryInstall }) {
  if (!dir || (!binaryPresent(dir) && !install(dir))) return NO_BINARY;
  // Electron on Linux without a display server dies with a stack of GTK errors
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return NO_DISPLAY;
  return null;
}

/** Runs a script of ours in a child Node and ends with its exit code. */
function runChild(args) {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  // Ctrl+C reaches the child from the terminal; it stops itself (browser mode autosaves first) while this waits
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => child.kill('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function main() {
  const args = process.argv.slice(2);
  const why = whyNoDesktop({ dir: electronDir() });
  if (why) {
    console.log(why);
    const tsx = require.resolve('tsx/cli', { paths: [ROOT] });
    runChild([tsx, path.join(ROOT, 'main/web/serve.ts'), ...args]);
    return;
  }
  const cli = require.resolve('electron-vite/bin/electron-vite.js', { paths: [ROOT] });
  runChild([cli, 'dev', '-c', 'main/desktop/electron.vite.config.mts', ...args]);
}

module.exports = { binaryPresent, tryInstall, whyNoDesktop, NO_BINARY, NO_DISPLAY };

if (require.main === module) main();
