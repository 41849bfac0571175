import type { Report } from '../../src-main/common/report.js';

/**
 * The plain-text summary "Copy summary" puts on the clipboard, for a chat or a ticket: the verdict
 * and the CLI's sentence, the root cause's code, the target, and the fixes, numbered. Built only
 * from the report, which main has already redacted.
 */
export function summaryText(r: Report, verdictWord: string, labels: { rootCause: string; fixes: string; colon: string }): string {
  const root = r.findings.find((f) => f.code === r.summary.rootCause) ?? r.findings.find((f) => f.severity === 'warn') ?? null;
  const lines = [`${verdictWord}: ${r.summary.headline}`, `${r.target.method} ${r.target.url}`];
  if (r.summary.rootCause) lines.push(`${labels.rootCause}${labels.colon}${r.summary.rootCause}`);
  if (root?.detail) lines.push('', root.detail);
  if (root && root.fixes.length > 0) {
    lines.push('', `${labels.fixes}${labels.colon}`);
    root.fixes.forEach((f, i) => lines.push(`${i + 1}. ${f}`));
  }
  lines.push('', `api-doctor ${r.tool.version} · ${r.startedAt}`);
  return lines.join('\n');
}
