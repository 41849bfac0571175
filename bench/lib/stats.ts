/** Small statistics for benchmark samples: the median is what we quote (robust on a noisy machine). */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}

export const ms = (x: number): string => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) + ' ms' : 'n/a');
export const mb = (kb: number): string => (Number.isFinite(kb) ? (kb / 1024).toFixed(1) + ' MB' : 'n/a');
export const ratio = (a: number, b: number): string => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) + '×' : 'n/a');

/** One line of a result table: what, figure, baseline, ratio, target, met? */
export interface Row {
  bench: string;
  metric: string;
  value: string;
  baseline?: string;
  ratio?: string;
  target?: string;
  /** true met, false missed, null not measured (with the reason in `value`). */
  met: boolean | null;
}

export function printRows(rows: readonly Row[], markdown: boolean): string {
  const head = ['bench', 'metric', 'median', 'baseline', 'ratio', 'target', 'met'];
  const cells = rows.map((r) => [r.bench, r.metric, r.value, r.baseline ?? '', r.ratio ?? '', r.target ?? '', r.met === null ? '–' : r.met ? 'yes' : 'NO']);
  if (markdown) {
    return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...cells.map((c) => `| ${c.join(' | ')} |`)].join('\n') + '\n';
  }
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
