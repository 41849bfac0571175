#!/usr/bin/env node
// The Electron security gate: runs Electronegativity on the built app (dist/main, dist/preload,
// dist/renderer) and fails on any finding of MEDIUM severity or higher that is not a documented
// false positive (scripts/electronegativity-exceptions.json, explained in docs/security.md).
//
//   node scripts/electronegativity.mjs [--dist dist] [--json]
//
// Why not just `npx electronegativity -i dist`:
// - it only reads *.js/*.ts/*.html, so our esbuild bundles (*.cjs) would silently go unscanned;
//   we stage them as main/index.js and preload/index.js in a temporary folder first;
// - it fetches translations and Electron's release list from the internet at start-up; the
//   gate runs inside `npm test`, which must never touch the network, so `got` is replaced by a
//   function that fails at once (the bundled en-US strings are used, and the one check that
//   needs the release list is excluded: see docs/security.md);
// - the CLI exits 0 whatever it finds; we read the programmatic result instead.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import Module from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Checks that cannot run offline; each one is explained in docs/security.md. */
export const OFFLINE_EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
export const FAIL_AT = 'MEDIUM';

function blockNetwork() {
  const offline = () => Promise.reject(new Error('network disabled for the security gate'));
  offline.head = offline;
  offline.get = offline;
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'got') return offline;
    return load.call(this, request, ...rest);
  };
}

/** Copies the build into the layout Electronegativity reads (it skips *.cjs files). */
function stage(distDir) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'api-doctor-eng-'));
  const bundles = [
    ['main/index.cjs', 'main/index.js'],
    ['preload/index.cjs', 'preload/index.js'],
  ];
  for (const [from, to] of bundles) {
    const src = path.join(distDir, from);
    if (!existsSync(src)) throw new Error(`${src} is missing: run npm run build first`);
    mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    cpSync(src, path.join(dir, to));
  }
  if (!existsSync(path.join(distDir, 'renderer', 'index.html'))) throw new Error(`${distDir}/renderer is missing: run npm run build first`);
  cpSync(path.join(distDir, 'renderer'), path.join(dir, 'renderer'), { recursive: true });
  lowerForParser(dir);
  return dir;
}

/**
 * Electronegativity's scope analysis (estraverse, 2021) throws on ES2022 class private fields,
 * which the Svelte 5 runtime and our own engine code use; an unparsed file would be an unchecked
 * file. esbuild lowers them to WeakMaps in the staged copies (main, preload and renderer): the
 * calls, literals and property names the checks look for are unchanged. The renderer's top-level
 * await (it loads its language chunk before mounting) cannot be lowered and is kept: the parser reads it.
 */
function lowerForParser(dir) {
  const { transformSync } = require('esbuild');
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath ?? entry.path, entry.name);
    // Keep each bundle's module format: main and preload are CommonJS, the renderer an ES module.
    const format = file.includes(`${path.sep}renderer${path.sep}`) ? 'esm' : 'cjs';
    const { code } = transformSync(readFileSync(file, 'utf8'), { loader: 'js', target: 'es2020', format, supported: { 'top-level-await': true } });
    writeFileSync(file, code);
  }
}

/**
 * An exception covers one blind spot, not a check: it holds only when the flagged
 * `new BrowserWindow({` really takes its webPreferences from the named helper (searched in the
 * constructor's own lines). A second window with inline, weaker settings still fails the gate.
 */
function windowTakes(staged, issue, expected) {
  if (typeof expected !== 'string' || !issue.line) return false;
  const lines = readFileSync(path.join(staged, issue.file), 'utf8').split('\n');
  const at = issue.line - 1;
  if (!/new\s+\w*BrowserWindow\s*\(/.test(lines[at] ?? '')) return false;
  // The constructor's argument ends at the first line that closes it: `});`.
  for (let i = at; i < Math.min(lines.length, at + 40); i++) {
    if (lines[i].includes(expected)) return true;
    if (i > at && /^\s*}\s*\)/.test(lines[i])) return false;
  }
  return false;
}

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(js|html)$/.test(e.name))
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)))
    .sort();
}

function electronVersion() {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

function loadExceptions() {
  const file = path.join(root, 'scripts', 'electronegativity-exceptions.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
}

/**
 * Scans `input` (a folder laid out like the app, or the build when `fromDist`) and returns
 * every issue plus the verdict. Exported so tests can also scan a deliberately insecure fixture.
 */
export async function scan({ input, fromDist = true }) {
  blockNetwork();
  // Electronegativity's i18n registers `__` as a global when it loads; keep its noise off stdout.
  const log = console.log;
  console.log = (...args) => {
    const line = args.join(' ');
    // Expected: we cut it off from the translation server on purpose.
    if (!line.startsWith('Could not retrieve updated translations')) process.stderr.write(line + '\n');
  };
  const staged = fromDist ? stage(input) : input;
  try {
    const run = require('@doyensec/electronegativity/dist/runner.js').default ?? require('@doyensec/electronegativity/dist/runner.js');
    const result = await run(
      {
        input: staged,
        output: undefined,
        isSarif: false,
        customScan: [],
        excludeFromScan: OFFLINE_EXCLUDED_CHECKS,
        severitySet: undefined,
        confidenceSet: undefined,
        isRelative: true,
        isVerbose: false,
        electronUpgrade: undefined,
        electronVersionOverride: electronVersion(),
        parserPlugins: [],
      },
      false,
    );
    const exceptions = loadExceptions();
    const issues = result.issues.map((i) => ({
      id: i.id,
      severity: i.severity.name,
      severityValue: i.severity.value,
      confidence: i.confidence.name,
      file: i.file,
      line: i.location?.line ?? 0,
      sample: typeof i.sample === 'string' ? i.sample.slice(0, 160) : '',
      description: i.description,
      manualReview: Boolean(i.manualReview),
    }));
    const threshold = { HIGH: 3, MEDIUM: 2, LOW: 1, INFORMATIONAL: 0 }[FAIL_AT];
    const isExcepted = (i) => exceptions.some((e) => e.id === i.id && e.file === i.file && windowTakes(staged, i, e.windowTakes));
    const blocking = issues.filter((i) => i.severityValue >= threshold && !isExcepted(i));
    // A file the parser could not read is a file nobody checked: that fails the gate too.
    const parseErrors = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: path.relative(staged, e.file), message: e.message }));
    return {
      electron: electronVersion(),
      files: listFiles(staged),
      checks: { atomic: result.atomicChecks, global: result.globalChecks, excluded: OFFLINE_EXCLUDED_CHECKS },
      issues,
      excepted: issues.filter(isExcepted),
      blocking,
      parseErrors,
      ok: blocking.length === 0 && parseErrors.length === 0,
    };
  } finally {
    console.log = log;
    if (fromDist) rmSync(staged, { recursive: true, force: true });
  }
}

function format(r) {
  const lines = [
    `Electronegativity (Electron ${r.electron}): ${r.checks.atomic} atomic + ${r.checks.global} global checks; offline-excluded: ${r.checks.excluded.join(', ')}`,
    `  scanned: ${r.files.join(', ')}`,
  ];
  for (const i of r.issues) {
    const tag = r.blocking.includes(i) ? 'FAIL' : r.excepted.includes(i) ? 'documented' : 'ok  ';
    lines.push(`  [${tag}] ${i.severity.padEnd(13)} ${i.confidence.padEnd(9)} ${i.id}  ${i.file}:${i.line}`);
  }
  for (const e of r.parseErrors) lines.push(`  [FAIL] could not parse ${e.file}: ${e.message}`);
  lines.push(r.ok ? `passed: no finding of ${FAIL_AT} or higher` : `FAILED: ${r.blocking.length} finding(s) of ${FAIL_AT} or higher, ${r.parseErrors.length} unparsed file(s)`);
  return lines.join('\n') + '\n';
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const at = argv.indexOf('--dist');
  const fixture = argv.indexOf('--app-dir');
  const input = fixture >= 0 ? path.resolve(argv[fixture + 1]) : path.resolve(at >= 0 ? argv[at + 1] : path.join(root, 'dist'));
  try {
    const r = await scan({ input, fromDist: fixture < 0 });
    process.stdout.write(argv.includes('--json') ? JSON.stringify(r) + '\n' : format(r));
    process.exitCode = r.ok ? 0 : 1;
  } catch (e) {
    process.stderr.write(`electronegativity gate: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  }
}
