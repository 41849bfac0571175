// The Electron entry point: the only module that imports `electron` at run time.
import * as electron from 'electron';
import path from 'node:path';
import { startApp } from './main.js';

// dist/main/index.cjs → dist/
const distDir = path.resolve(__dirname, '..');
startApp(electron, { distDir }).catch((e: unknown) => {
  console.error('API Doctor failed to start:', e);
  electron.app.exit(1);
});
