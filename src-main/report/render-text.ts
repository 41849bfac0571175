import type { Finding, Lang, Report, StageStatus } from '../common/report.js';
import { displayWidth, timingBar } from './render-timing.js';
import { UI, type UiStrings } from './render-strings.js';
import { localizeReport, skipReason, stageNote } from './text/index.js';
import { clientMatrixText } from './render-clients.js';
import { certificatesText } from './render-certs.js';

export interface TextOptions {
  /** ANSI colours (only on a terminal that wants them). */
  color?: boolean;
}

const MARK: Record<StageStatus, string> = { pass: '✓', warn: '⚠', fail: '✗', skipped: '–' };
const SEV_MARK: Record<Finding['severity'], string> = { error: '✗', warn: '⚠', info: 'ℹ' };

/**
 * The human report for a terminal: verdict and root cause with its fixes first (that is what the
 * user came for), then the stage checklist, other findings and the timing picture.
 */
export function renderText(report: Report, lang: Lang = report.lang, opts: TextOptions = {}): string {
  const r = localizeReport(report, lang);
  const u = UI[lang];
  const c = colours(opts.color ?? false);
  const out: string[] = [];
  out.push(`${c.bold(u.reportTitle)} — ${r.target.method} ${r.target.url} (${r.target.provider})`, '');
  const vcol = r.summary.verdict === 'failing' ? c.red : r.summary.verdict === 'degraded' || r.summary.verdict === 'cancelled' ? c.yellow : c.green;
  out.push(`${vcol(c.bold(u.verdict[r.summary.verdict]))}  ${r.summary.headline}`);

  const root = r.findings.find((f) => f.code === r.summary.rootCause) ?? r.findings.find((f) => f.severity === 'warn') ?? null;
  if (root) {
    // The headline already is the root cause's title: name the code here, not the title again.
    const again = root.title === r.summary.headline ? '' : ` — ${root.title}`;
    out.push('', `${r.summary.rootCause ? `${u.rootCause}: ` : ''}${c.bold(root.code)} (${u.stage[root.stage]})${again}`);
    out.push(...wrap(root.detail, 2));
    if (root.fixes.length > 0) {
      out.push('', `  ${c.bold(u.fixes)}:`);
      root.fixes.forEach((f, i) => out.push(...wrap(`${i + 1}. ${f}`, 4, 3)));
    }
  }

  out.push('', c.bold(u.checks));
  const nameW = Math.max(...r.stages.map((s) => displayWidth(u.stage[s.id]))) + 2;
  const padName = (n: string) => n + ' '.repeat(Math.max(0, nameW - displayWidth(n)));
  for (const s of r.stages) {
    const col = s.status === 'pass' ? c.green : s.status === 'warn' ? c.yellow : s.status === 'fail' ? c.red : c.dim;
    const codes = r.findings.filter((f) => f.stage === s.id && f.severity !== 'info').map((f) => f.code);
    // A probe of the stage that could not run says so, with its reason ("not checked: …").
    const note = s.status === 'skipped' ? skipReason(s.reasonRef ?? s.reason, lang) : [`${s.durationMs} ms`, ...codes, ...(s.reason ? [stageNote(s.reasonRef ?? s.reason, lang)] : [])].join('  ');
    out.push(`  ${col(MARK[s.status])} ${padName(u.stage[s.id])}${s.status === 'skipped' ? c.dim(note) : note}`);
  }

  const others = r.findings.filter((f) => f !== root);
  if (others.length > 0) {
    out.push('', c.bold(u.otherFindings));
    for (const f of others) {
      out.push(`  ${SEV_MARK[f.severity]} ${f.code} — ${f.title}`);
      out.push(...wrap(f.detail, 4));
      if (f.severity !== 'info') for (const fix of f.fixes.slice(0, 2)) out.push(...wrap(`→ ${fix}`, 4, 2));
    }
  }

  out.push('', ...certificatesText(r, lang, root?.stage ?? null, c.bold));
  out.push(...clientMatrixText(r, lang, c.bold));
  out.push(c.bold(u.timing), ...timingBar(r.timings, u).map((l) => `  ${l}`), '');
  out.push(...adviceLines(r, u, c.bold));
  return out.join('\n');
}

/** The client advice in short: timeouts with their reason, the retry note, and a curl to reproduce. */
function adviceLines(r: Report, u: UiStrings, bold: (s: string) => string): string[] {
  const a = r.advice;
  if (!a || typeof a !== 'object' || Array.isArray(a)) return [];
  const t = a.timeouts;
  const retry = a.retry;
  const curl = a.snippets && typeof a.snippets === 'object' && !Array.isArray(a.snippets) ? a.snippets.curl : undefined;
  const out = [bold(u.advice.title)];
  if (t && typeof t === 'object' && !Array.isArray(t) && typeof t.connectMs === 'number' && typeof t.readMs === 'number') {
    out.push(`  ${u.advice.timeouts(t.connectMs, t.readMs)}`);
    if (typeof t.reason === 'string') out.push(...wrap(t.reason, 4));
  }
  if (retry && typeof retry === 'object' && !Array.isArray(retry) && typeof retry.note === 'string') out.push(...wrap(retry.note, 2));
  if (typeof curl === 'string') {
    const envVar = typeof a.secretEnvVar === 'string' ? a.secretEnvVar : 'API_KEY';
    // Only name the variable when the command reads it: a call without a key has none to take.
    out.push('', `  ${curl.includes(`\${${envVar}}`) || curl.includes(`$${envVar}`) ? u.advice.reproduce(envVar) : u.advice.reproduceNoKey}`);
    out.push(...curl.split('\n').map((l) => `    ${l}`));
  }
  return out.length > 1 ? [...out, ''] : [];
}

/** Wraps prose at ~100 columns with a hanging indent; CJK text wraps anywhere. */
function wrap(text: string, indent: number, hang = 0, width = 100): string[] {
  const lines: string[] = [];
  const pre = ' '.repeat(indent);
  let line = '';
  const tokens = text.split(/(\s+)/);
  for (const t of tokens) {
    if ((pre + line + t).length > width && line.trim() !== '') {
      lines.push(pre + line.trimEnd());
      line = ' '.repeat(hang) + t.trimStart();
    } else line += t;
  }
  if (line.trim() !== '') lines.push(pre + line.trimEnd());
  return lines;
}

function colours(on: boolean) {
  const w = (code: string) => (s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { bold: w('1'), dim: w('2'), red: w('31'), green: w('32'), yellow: w('33') };
}
