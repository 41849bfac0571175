// Builds everything the app and the CLI need into dist/: main, preload, CLI (esbuild) and renderer (Vite).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { chmod } from 'node:fs/promises';
import { build as viteBuild } from 'vite';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  // Native and Electron modules are loaded at run time, never bundled.
  external: ['electron', 'keytar'],
};

const started = Date.now();
await Promise.all([
  build({ ...common, entryPoints: ['src-main/app/entry.ts'], outfile: 'dist/main/index.cjs' }),
  // A sandboxed preload may only require('electron'): bundle everything else in.
  build({ ...common, entryPoints: ['src-main/preload/index.ts'], outfile: 'dist/preload/index.cjs', platform: 'browser' }),
  // The bin is a tiny launcher (src-main/cli/launcher.ts): --version without compiling the CLI bundle.
  build({ ...common, entryPoints: ['src-main/cli/launcher.ts'], outfile: 'dist/cli/api-doctor.cjs', banner: { js: '#!/usr/bin/env node' }, external: [...common.external, './api-doctor-main.cjs'] }),
  build({ ...common, entryPoints: ['src-main/cli/index.ts'], outfile: 'dist/cli/api-doctor-main.cjs' }),
]);
await chmod('dist/cli/api-doctor.cjs', 0o755);
await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });
console.log(`built dist/{main,preload,cli,renderer} in ${Date.now() - started} ms`);
