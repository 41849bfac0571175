import type { Report } from '../common/report.js';

/**
 * The report as Markdown for `report.md`. A minimal renderer kept for the bundle while the
 * full human renderer (report/render-markdown.ts) is not there; titles, details and fixes are
 * already in the report's language.
 */
export function reportToMarkdown(r: Report): string {
  const zh = r.lang === 'zh-CN';
  const L = zh
    ? { title: 'API Doctor 诊断报告', target: '目标', verdict: '结论', root: '根本原因', stages: '各阶段', findings: '发现', fixes: '修复方法', none: '没有发现问题。', timings: '耗时', evidence: '证据' }
    : { title: 'API Doctor report', target: 'Target', verdict: 'Verdict', root: 'Root cause', stages: 'Stages', findings: 'Findings', fixes: 'Fixes', none: 'No problems found.', timings: 'Timings', evidence: 'Evidence' };
  const esc = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
  const lines: string[] = [];
  lines.push(`# ${L.title}`, '');
  lines.push(`- ${L.target}: \`${r.target.method} ${r.target.url.replace(/`/g, '%60')}\` (${r.target.provider})`);
  lines.push(`- ${L.verdict}: **${r.summary.verdict}** — ${esc(r.summary.headline)}`);
  lines.push(`- ${L.root}: ${r.summary.rootCause ? `\`${r.summary.rootCause}\`` : '—'}`);
  lines.push(`- ${r.startedAt} · ${r.durationMs} ms · api-doctor ${esc(r.tool.version)}`, '');
  lines.push(`## ${L.stages}`, '', '| stage | status | ms | |', '| --- | --- | ---: | --- |');
  for (const s of r.stages) lines.push(`| ${s.id} | ${s.status} | ${s.durationMs} | ${esc(s.reason ?? '')} |`);
  lines.push('', `## ${L.findings}`, '');
  if (r.findings.length === 0) lines.push(L.none, '');
  for (const f of r.findings) {
    lines.push(`### \`${f.code}\` (${f.severity}) — ${esc(f.title)}`, '', esc(f.detail), '');
    if (Object.keys(f.evidence).length) lines.push(`${L.evidence}:`, '', '```json', JSON.stringify(f.evidence, null, 2).replace(/```/g, "'''"), '```', '');
    if (f.fixes.length) lines.push(`${L.fixes}:`, '', ...f.fixes.map((x) => `- ${esc(x)}`), '');
  }
  const t = r.timings;
  lines.push(`## ${L.timings}`, '', `dns ${t.dnsMs ?? '—'} · connect ${t.connectMs ?? '—'} · tls ${t.tlsMs ?? '—'} · ttfb ${t.ttfbMs ?? '—'} · download ${t.downloadMs ?? '—'} · total ${t.totalMs} ms`, '');
  return lines.join('\n');
}
