// `npm run demo` (after `npm run build`): bundles the TypeScript demo on the fly and runs it.
// Works on a clean clone: only esbuild and the project's own dependencies are needed.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

if (!existsSync('dist/cli/api-doctor.cjs')) {
  console.error('dist/cli/api-doctor.cjs is missing: run npm run build first (npm run demo does).');
  process.exit(2);
}
// Inside node_modules so the bundle's bare imports (@peculiar/x509, dns-packet) resolve.
const outfile = path.resolve('node_modules/.cache/api-doctor-lab/demo.mjs');
await build({ entryPoints: ['test/lab/demo-main.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
await import(pathToFileURL(outfile).href);
