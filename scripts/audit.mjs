#!/usr/bin/env node
// `npm run audit`: npm audit of what ships (--omit=dev), failing on any high or critical
// advisory that docs/security.md does not explain. Needs the npm registry, so it is a
// documented check, not part of `npm test` (which never touches the network).
//
// An advisory counts as explained when its GHSA id (or the package name, for a blanket
// explanation) appears in docs/security.md under "## npm audit".
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });

let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = null;
}
if (!report || report.error || !report.metadata) {
  // Some registries and mirrors do not implement the audit endpoint (e.g. 405 on
  // POST /-/npm/v1/security/advisories/bulk): say so, do not pretend the tree is clean.
  const why = report?.message || report?.error?.summary || (r.stderr || '').split('\n').find((l) => /error|ERR/.test(l)) || `npm exited ${r.status}`;
  process.stderr.write(`audit: could not audit (${why.trim()}). Registry: ${spawnSync(npm, ['config', 'get', 'registry'], { encoding: 'utf8' }).stdout.trim()}\n`);
  process.exit(2);
}

const docs = readFileSync(path.join(root, 'docs', 'security.md'), 'utf8');
const section = docs.split(/^## /m).find((s) => s.startsWith('npm audit')) ?? '';
const serious = [];
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  if (v.severity !== 'high' && v.severity !== 'critical') continue;
  const advisories = (v.via ?? []).filter((x) => typeof x === 'object');
  const ids = advisories.map((a) => String(a.url ?? '').split('/').pop()).filter(Boolean);
  const explained = section.includes(`\`${name}\``) || (ids.length > 0 && ids.every((id) => section.includes(id)));
  serious.push({ name, severity: v.severity, range: v.range, ids, explained });
}

const m = report.metadata.vulnerabilities;
console.log(`npm audit --omit=dev: ${m.critical} critical, ${m.high} high, ${m.moderate} moderate, ${m.low} low (${report.metadata.dependencies?.prod ?? '?'} production packages)`);
for (const s of serious) console.log(`  ${s.explained ? 'documented' : 'UNEXPLAINED'}  ${s.severity}  ${s.name} ${s.range}  ${s.ids.join(', ')}`);
const open = serious.filter((s) => !s.explained);
if (open.length) {
  console.log(`FAILED: ${open.length} high/critical advisory(ies) not explained in docs/security.md`);
  process.exit(1);
}
console.log('passed: no unexplained high or critical advisory');
