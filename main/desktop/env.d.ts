// Types for electron-vite's import suffixes (?modulePath gives a built worker's path) and ELECTRON_RENDERER_URL.
/// <reference types="electron-vite/node" />
