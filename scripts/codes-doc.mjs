// Writes docs/codes.md from the code table and the explain texts (TypeScript, bundled on the fly).
// `node scripts/codes-doc.mjs --check` exits 1 when the committed file is stale.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';

const out = await build({
  entryPoints: [new URL('./codes-doc-render.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  write: false,
  logLevel: 'warning',
});
const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
const doc = mod.renderCodesDoc();
const file = new URL('../docs/codes.md', import.meta.url);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // no file yet: stale by definition
  }
  if (current !== doc) {
    console.error('docs/codes.md is stale: run node scripts/codes-doc.mjs');
    process.exit(1);
  }
  console.log('docs/codes.md is up to date');
} else {
  writeFileSync(file, doc);
  console.log(`wrote docs/codes.md (${doc.length} bytes)`);
}
