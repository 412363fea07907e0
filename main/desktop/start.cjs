// `npm start`: run the desktop app with electron-vite, after making sure Electron's binary is there (one download
// attempt); where it cannot be downloaded, say so in one line and point to browser mode.

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const NO_BINARY =
  "Electron's binary could not be downloaded on this machine; run `npm run web` to use Neuron Studio in your browser.";

/** The electron package's folder (tests point it elsewhere). */
function electronDir() {
  if (process.env.NEURON_STUDIO_ELECTRON_DIR) return process.env.NEURON_STUDIO_ELECTRON_DIR;
  return path.dirname(require.resolve('electron/package.json', { paths: [ROOT] }));
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

function main() {
  let dir;
  try {
    dir = electronDir();
  } catch {
    console.error(NO_BINARY);
    process.exit(1);
  }
  if (!binaryPresent(dir) && !tryInstall(dir)) {
    console.error(NO_BINARY);
    process.exit(1);
  }
  const cli = require.resolve('electron-vite/bin/electron-vite.js', { paths: [ROOT] });
  const child = spawn(process.execPath, [cli, 'dev', '-c', 'main/desktop/electron.vite.config.mts', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

module.exports = { binaryPresent, tryInstall, NO_BINARY };

if (require.main === module) main();
