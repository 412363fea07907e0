// electron-vite: the main process (main/desktop/index.ts, with the training worker as its own CommonJS chunk via
// ?modulePath), the sandboxed preload (self-contained: a sandboxed preload cannot require packages), and the screens.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** the build's folder; tests build elsewhere so they never disturb out/ while browser mode serves it */
const out = resolve(root, process.env.NEURON_STUDIO_OUT ?? 'out');

export default defineConfig({
  main: {
    build: {
      outDir: resolve(out, 'main'),
      // packages stay require()s of node_modules (piscina must find its own worker file next to it)
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(root, 'main/desktop/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(out, 'preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'main/desktop/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [vue()],
    build: {
      outDir: resolve(out, 'renderer'),
      target: 'es2022',
      chunkSizeWarningLimit: 1500,
      reportCompressedSize: false,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
