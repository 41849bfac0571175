import type { WatchSample, WatchSummary } from '../common/watch.js';
import type { WatchStats } from '../engine/watch/stats.js';

const BARS = '▁▂▃▄▅▆▇█';

/** The newest totals as a sparkline, scaled to their own maximum; a failure shows as ✗. */
export function sparkline(recent: readonly { ok: boolean; totalMs: number }[]): string {
  const max = Math.max(1, ...recent.filter((r) => r.ok).map((r) => r.totalMs));
  return recent.map((r) => (r.ok ? BARS[Math.min(BARS.length - 1, Math.floor((r.totalMs / max) * (BARS.length - 1)))] : '✗')).join('');
}

const ms = (v: number | null) => (v === null ? '–' : `${Math.round(v)} ms`);
const clock = (iso: string) => iso.slice(11, 19);

/** One plain line per sample (a pipe or a log file, without --json). */
export function plainLine(s: WatchSample): string {
  const head = `${clock(s.at)}  ${s.ok ? 'ok  ' : 'FAIL'}  ${s.status ?? '---'}  ${ms(s.timings.totalMs)}${s.rootCause ? `  ${s.rootCause}` : ''}`;
  return `${head}${s.diagnosis ? `\n          full diagnosis: ${diagnosisText(s)}` : ''}\n`;
}

const diagnosisText = (s: WatchSample) => (s.diagnosis ? `${s.diagnosis.rootCause ?? s.diagnosis.verdict} — ${s.diagnosis.headline}${s.diagnosis.bundle ? ` (bundle ${s.diagnosis.bundle})` : ''}` : '');

export function summaryText(sum: WatchSummary): string {
  const rate = sum.samples ? ((sum.failures / sum.samples) * 100).toFixed(1) : '0.0';
  const causes = Object.entries(sum.rootCauses).map(([c, n]) => `${c} ×${n}`).join(', ');
  return `${sum.samples} samples, ${sum.failures} failed (${rate} %), p50 ${ms(sum.p50Ms)}, p95 ${ms(sum.p95Ms)}${causes ? `; root causes: ${causes}` : ''}\n`;
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
  ) {}

  draw(stats: WatchStats, last: WatchSample): void {
    const sum = stats.summary();
    const lines = [
      this.title,
      summaryText(sum).trimEnd(),
      `last ${stats.recent().length}: ${sparkline(stats.recent())}  (now ${last.ok ? 'ok' : last.rootCause} ${ms(last.timings.totalMs)})`,
      ...(stats.recentFailures().length ? ['last failures:', ...stats.recentFailures().map((f) => `  ${clock(f.at)}  ${f.status ?? '---'}  ${f.rootCause}${f.diagnosis ? `  → ${diagnosisText(f)}` : ''}`)] : []),
    ];
    const up = this.#lines ? `\x1b[${this.#lines}F\x1b[J` : '';
    this.#lines = lines.length;
    this.out.write(`${up}${lines.join('\n')}\n`);
  }
}
