#!/usr/bin/env node
// `npm run bench [-- overhead timing hangs renderer] [--runs N] [--markdown]`
//
// The benches are TypeScript and start the TypeScript fault lab (test/lab/), so this bundles
// bench/main.ts with esbuild into node_modules/.cache (where bare imports still resolve from
// the project's node_modules) and runs it. Works from a clean clone after `npm ci`.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outfile = path.join(root, 'node_modules', '.cache', 'api-doctor-bench', 'bench.mjs');

await build({
  entryPoints: [path.join(root, 'bench', 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
});
const { main } = await import(pathToFileURL(outfile).href);
process.exitCode = await main(process.argv.slice(2), root);
