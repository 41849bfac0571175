import type { ClientOutcome } from '../common/clients.js';
import type { Lang, Report } from '../common/report.js';
import { displayWidth } from './render-timing.js';
import { OUTCOME_WORDS } from './text/status-words.js';

const MARK: Record<ClientOutcome, string> = { ok: '✓', fail: '✗', 'at-risk': '⚠', unknown: '?' };
const WORD = OUTCOME_WORDS;
const TITLE: Record<Lang, string> = { en: 'Other clients from this machine', 'zh-CN': '本机其他客户端' };

/** The client matrix for the terminal: one line a client, its reason under it. */
export function clientMatrixText(r: Report, lang: Lang, bold: (s: string) => string = (s) => s): string[] {
  const rows = r.clients ?? [];
  if (rows.length === 0) return [];
  const w = Math.max(...rows.map((c) => displayWidth(c.label))) + 2;
  const out = [bold(TITLE[lang])];
  for (const c of rows) {
    out.push(`  ${MARK[c.outcome]} ${c.label}${' '.repeat(Math.max(0, w - displayWidth(c.label)))}${WORD[lang][c.outcome]}${c.code ? `  ${c.code}` : ''}`);
    out.push(`      ${c.reason}`);
  }
  return [...out, ''];
}

const esc = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

/** The client matrix as a Markdown table (report.md). */
export function clientMatrixMarkdown(r: Report, lang: Lang): string[] {
  const rows = r.clients ?? [];
  if (rows.length === 0) return [];
  const head = lang === 'zh-CN' ? '| | 客户端 | 结果 | 代码 | 原因 |' : '| | client | outcome | code | reason |';
  return [`## ${TITLE[lang]}`, '', head, '| --- | --- | --- | --- | --- |', ...rows.map((c) => `| ${MARK[c.outcome]} | ${esc(c.label)} | ${WORD[lang][c.outcome]} | ${c.code ? `\`${c.code}\`` : '—'} | ${esc(c.reason)} |`), ''];
}
