import type { Lang } from '../common/report.js';
import type { WatchSample, WatchSummary } from '../common/watch.js';
import type { WatchStats } from '../engine/watch/stats.js';

const BARS = '▁▂▃▄▅▆▇█';

/** The newest totals as a sparkline, scaled to their own maximum; a failure shows as ✗. */
export function sparkline(recent: readonly { ok: boolean; totalMs: number }[]): string {
  const max = Math.max(1, ...recent.filter((r) => r.ok).map((r) => r.totalMs));
  return recent.map((r) => (r.ok ? BARS[Math.min(BARS.length - 1, Math.floor((r.totalMs / max) * (BARS.length - 1)))] : '✗')).join('');
}

/** The view's words in both languages (codes, URLs and numbers stay as they are). */
const T = {
  en: {
    fullDiagnosis: 'full diagnosis',
    bundle: 'bundle',
    summary: (n: number, f: number, rate: string, p50: string, p95: string) => `${n} ${n === 1 ? 'sample' : 'samples'}, ${f} failed (${rate} %), p50 ${p50}, p95 ${p95}`,
    causes: 'root causes',
    last: (n: number) => `last ${n}`,
    now: 'now',
    lastFailures: 'last failures:',
    watching: (url: string, s: number) => `watching ${url} every ${s} s`,
    title: (url: string, s: number) => `api-doctor watch ${url} every ${s} s  (Ctrl-C to stop)`,
    stopped: 'stopped. ',
  },
  'zh-CN': {
    fullDiagnosis: '完整诊断',
    bundle: '诊断包',
    summary: (n: number, f: number, rate: string, p50: string, p95: string) => `${n} 次采样，${f} 次失败（${rate} %），p50 ${p50}，p95 ${p95}`,
    causes: '根本原因',
    last: (n: number) => `最近 ${n} 次`,
    now: '当前',
    lastFailures: '最近的失败：',
    watching: (url: string, s: number) => `正在监测 ${url}，每 ${s} 秒一次`,
    title: (url: string, s: number) => `api-doctor watch ${url}，每 ${s} 秒一次（按 Ctrl-C 停止）`,
    stopped: '已停止。',
  },
} as const;
export const watchText = (lang: Lang) => T[lang];

const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);
const clock = (iso: string) => iso.slice(11, 19);

/** One plain line per sample (a pipe or a log file, without --json). */
export function plainLine(s: WatchSample, lang: Lang = 'en'): string {
  const head = `${clock(s.at)}  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.status ?? '---'}  ${ms(s.timings.totalMs)}${s.rootCause ? `  ${s.rootCause}` : ''}`;
  return `${head}${s.diagnosis ? `\n          ${T[lang].fullDiagnosis}: ${diagnosisText(s, lang)}` : ''}\n`;
}

const diagnosisText = (s: WatchSample, lang: Lang) => (s.diagnosis ? `${s.diagnosis.rootCause ?? s.diagnosis.verdict} — ${s.diagnosis.headline}${s.diagnosis.bundle ? ` (${T[lang].bundle} ${s.diagnosis.bundle})` : ''}` : '');

export function summaryText(sum: WatchSummary, lang: Lang = 'en'): string {
  const rate = sum.samples ? ((sum.failures / sum.samples) * 100).toFixed(1) : '0.0';
  const causes = Object.entries(sum.rootCauses).map(([c, n]) => `${c} ×${n}`).join(', ');
  const sep = lang === 'zh-CN' ? '；' : '; ';
  const colon = lang === 'zh-CN' ? '：' : ': ';
  return `${T[lang].summary(sum.samples, sum.failures, rate, ms(sum.p50Ms), ms(sum.p95Ms))}${causes ? `${sep}${T[lang].causes}${colon}${causes}` : ''}\n`;
}

/**
 * The live view on a terminal: redrawn in place after each sample (cursor up, clear to the end:
 * one write per tick, nothing between ticks), so it never scrolls the user's history away.
 */
export class LiveView {
  #lines = 0;
  constructor(
    private readonly out: { write(s: string): unknown },
    private readonly title: string,
    private readonly lang: Lang = 'en',
  ) {}

  draw(stats: WatchStats, last: WatchSample): void {
    const sum = stats.summary();
    const lines = [
      this.title,
      summaryText(sum, this.lang).trimEnd(),
      `${T[this.lang].last(stats.recent().length)}: ${sparkline(stats.recent())}  (${T[this.lang].now} ${last.ok ? 'ok' : last.rootCause} ${ms(last.timings.totalMs)})`,
      ...(stats.recentFailures().length ? [T[this.lang].lastFailures, ...stats.recentFailures().map((f) => `  ${clock(f.at)}  ${f.status ?? '---'}  ${f.rootCause}${f.diagnosis ? `  → ${diagnosisText(f, this.lang)}` : ''}`)] : []),
    ];
    const up = this.#lines ? `\x1b[${this.#lines}F\x1b[J` : '';
    this.#lines = lines.length;
    this.out.write(`${up}${lines.join('\n')}\n`);
  }
}
