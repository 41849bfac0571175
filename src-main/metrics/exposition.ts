/**
 * Prometheus text exposition format 0.0.4, hand-written: prom-client would add ~12 MB RSS and
 * ~50 ms to start-up (measured, docs/watch.md) for a dozen gauges. The rules kept here are the
 * format's: one HELP and one TYPE line per family before its samples, metric and label names
 * from the allowed alphabet, label values and HELP text escaped, one sample per label set,
 * counters named `_total`.
 */
export type MetricType = 'gauge' | 'counter';

export interface MetricSample {
  labels?: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: MetricType;
  samples: MetricSample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** HELP text: backslash and line feed escaped. */
export const escapeHelp = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
/** Label values: backslash, double quote and line feed escaped. */
export const escapeLabelValue = (s: string) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

/** The exposition of these families; throws on a name or series the format does not allow (a bug, not input). */
export function exposition(families: readonly MetricFamily[]): string {
  const names = new Set<string>();
  let out = '';
  for (const f of families) {
    if (!METRIC_NAME.test(f.name)) throw new Error(`bad metric name ${f.name}`);
    if (names.has(f.name)) throw new Error(`metric family ${f.name} twice`);
    names.add(f.name);
    if (f.type === 'counter' && !f.name.endsWith('_total')) throw new Error(`counter ${f.name} must end in _total`);
    out += `# HELP ${f.name} ${escapeHelp(f.help)}\n# TYPE ${f.name} ${f.type}\n`;
    const series = new Set<string>();
    for (const s of f.samples) {
      const entries = Object.entries(s.labels ?? {}).sort(([a], [b]) => a.localeCompare(b));
      for (const [k] of entries) if (!LABEL_NAME.test(k) || k.startsWith('__')) throw new Error(`bad label name ${k} on ${f.name}`);
      const labels = entries.length ? `{${entries.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}` : '';
      if (series.has(labels)) throw new Error(`series ${f.name}${labels} twice`);
      series.add(labels);
      out += `${f.name}${labels} ${formatValue(s.value)}\n`;
    }
  }
  return out;
}
