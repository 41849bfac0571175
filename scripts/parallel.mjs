#!/usr/bin/env node
// Runs npm scripts at the same time and fails when any of them fails: `node scripts/parallel.mjs typecheck lint`.
// The checks are independent (tsc, svelte-check and eslint each read the sources), so on two or more
// cores they overlap instead of queueing. Each script's output is held back and printed whole when it
// ends, so two logs never interleave line by line; a failing script's output comes last.
import { spawn } from 'node:child_process';

const names = process.argv.slice(2);
if (names.length === 0) {
  console.error('usage: node scripts/parallel.mjs <npm script> [<npm script> …]');
  process.exit(2);
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const started = Date.now();

const run = (name) =>
  new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (err) => resolve({ name, code: 1, output: `${err.message}\n`, ms: Date.now() - t0 }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8'), ms: Date.now() - t0 }));
  });

const results = await Promise.all(names.map(run));
// Passing scripts first, so a failure's log is what stays on screen.
for (const r of [...results].sort((a, b) => Number(a.code !== 0) - Number(b.code !== 0))) {
  const verdict = r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`;
  process.stdout.write(`\n── npm run ${r.name}: ${verdict} in ${(r.ms / 1000).toFixed(1)} s ──\n`);
  if (r.output.trim() !== '') process.stdout.write(r.output.endsWith('\n') ? r.output : `${r.output}\n`);
}
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
process.stdout.write(`\n${names.join(' + ')} in parallel: ${((Date.now() - started) / 1000).toFixed(1)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}\n`);
process.exit(failed.length ? 1 : 0);
