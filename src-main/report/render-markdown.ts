import type { Lang, Report, StageStatus } from '../common/report.js';
import { timingBar } from './render-timing.js';
import { UI } from './render-strings.js';
import { localizeReport, skipReason, stageNote } from './text/index.js';
import { clientMatrixMarkdown } from './render-clients.js';
import { certificatesMarkdown } from './render-certs.js';

const MARK: Record<StageStatus, string> = { pass: '✓', warn: '⚠', fail: '✗', skipped: '–' };
const esc = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

/**
 * The human report as Markdown (report.md in a bundle, a paste into a ticket): the same order as
 * the terminal text, with each finding's evidence as JSON.
 */
export function renderMarkdown(report: Report, lang: Lang = report.lang): string {
  const r = localizeReport(report, lang);
  const u = UI[lang];
  const L: string[] = [];
  L.push(`# ${u.reportTitle}`, '');
  L.push(`- ${u.target}: \`${r.target.method} ${r.target.url.replace(/`/g, '%60')}\` (${r.target.provider})`);
  L.push(`- **${u.verdict[r.summary.verdict]}** — ${esc(r.summary.headline)}`);
  L.push(`- ${u.rootCause}: ${r.summary.rootCause ? `\`${r.summary.rootCause}\`` : '—'}`);
  L.push(`- ${r.startedAt} · ${r.durationMs} ms · api-doctor ${esc(r.tool.version)}`, '');

  L.push(`## ${u.checks}`, '', `| | ${lang === 'zh-CN' ? '阶段' : 'stage'} | ms | |`, '| --- | --- | ---: | --- |');
  for (const s of r.stages) {
    const codes = r.findings.filter((f) => f.stage === s.id).map((f) => `\`${f.code}\``).join(' ');
    L.push(`| ${MARK[s.status]} | ${u.stage[s.id]} | ${s.durationMs} | ${s.status === 'skipped' ? esc(skipReason(s.reasonRef ?? s.reason, lang)) : [codes, s.reason ? esc(stageNote(s.reasonRef ?? s.reason, lang)) : ''].filter(Boolean).join(' · ')} |`);
  }
  L.push('');
  if (r.findings.length === 0) L.push(u.noFindings, '');
  for (const f of r.findings) {
    const root = f.code === r.summary.rootCause ? ` — ${u.rootCause}` : '';
    L.push(`## \`${f.code}\` (${u.severity[f.severity]}${root})`, '', `**${esc(f.title)}**`, '', esc(f.detail), '');
    if (f.fixes.length > 0) L.push(`${u.fixes}:`, '', ...f.fixes.map((x, i) => `${i + 1}. ${esc(x)}`), '');
    if (Object.keys(f.evidence).length > 0) {
      L.push(`<details><summary>${u.evidence}</summary>`, '', '```json', JSON.stringify(f.evidence, null, 2).replace(/```/g, "'''"), '```', '', '</details>', '');
    }
  }
  L.push(...certificatesMarkdown(r, lang));
  L.push(...clientMatrixMarkdown(r, lang));
  L.push(`## ${u.timing}`, '', '```', ...timingBar(r.timings, u), '```', '');
  return L.join('\n');
}
