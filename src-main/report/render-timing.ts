import { formatMs } from '../common/round.js';
import type { Timings } from '../common/report.js';
import type { UiStrings } from './render-strings.js';

const fmt = (v: number | null) => (v === null ? '—' : formatMs(v, false));

/**
 * The httpstat picture: one column per phase, its name above and its time below, so where the
 * time went shows at a glance. Phases that did not run show a dash.
 */
export function timingBar(t: Timings, u: UiStrings): string[] {
  const cols = [
    [u.phases.dns, t.dnsMs],
    [u.phases.tcp, t.connectMs],
    [u.phases.tls, t.tlsMs],
    [u.phases.wait, t.ttfbMs],
    [u.phases.download, t.downloadMs],
  ] as const;
  const width = displayWidth;
  const pad = (s: string, w: number) => {
    const left = Math.floor((w - width(s)) / 2);
    return ' '.repeat(Math.max(0, left)) + s + ' '.repeat(Math.max(0, w - width(s) - left));
  };
  const ws = cols.map(([name]) => Math.max(width(name), 8) + 2);
  const head = cols.map(([name], i) => pad(name, ws[i]!)).join(' ');
  const vals = cols.map(([, v], i) => pad(fmt(v), ws[i]!)).join('|');
  // Nothing measured (the run stopped at the proxy or DNS): a total of "0.0ms" would read as instant.
  const total = cols.every(([, v]) => v === null) ? null : t.totalMs;
  return [` ${head}`, `[${vals}]`, `${' '.repeat(Math.max(0, width(vals) - 12))}${u.total}: ${fmt(total)}`];
}

/** Terminal columns of a string: CJK characters take two. */
export const displayWidth = (s: string): number => [...s].reduce((n, c) => n + (/[\u1100-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
