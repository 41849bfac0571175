import { describe, expect, it } from 'vitest';
import { exposition, escapeLabelValue } from '../../../src-main/metrics/exposition.js';
import { WatchMetrics } from '../../../src-main/metrics/watch-metrics.js';
import { WatchStats } from '../../../src-main/engine/watch/stats.js';
import type { LightResult } from '../../../src-main/engine/watch/light-probe.js';
import { parseMetricsAddress } from '../../../src-main/metrics/server.js';

/** The format's rules, checked on any exposition text. */
function checkFormat(text: string) {
  const lines = text.split('\n');
  expect(lines.at(-1)).toBe('');
  const seenFamilies = new Set<string>();
  const seenSeries = new Set<string>();
  let family: string | null = null;
  let type: string | null = null;
  for (let i = 0; i < lines.length - 1; i++) {
    const l = lines[i]!;
    const help = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(l);
    if (help) {
      expect(seenFamilies.has(help[1]!), `family ${help[1]} twice`).toBe(false);
      seenFamilies.add(help[1]!);
      family = help[1]!;
      const t = /^# TYPE (\S+) (gauge|counter)$/.exec(lines[++i]!);
      expect(t?.[1], `TYPE after HELP of ${family}`).toBe(family);
      type = t![2]!;
      if (type === 'counter') expect(family.endsWith('_total')).toBe(true);
      continue;
    }
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/.exec(l);
    expect(m, `sample line: ${l}`).not.toBeNull();
    expect(m![1]).toBe(family);
    const key = `${m![1]}${m![2] ?? ''}`;
    expect(seenSeries.has(key), `series ${key} twice`).toBe(false);
    seenSeries.add(key);
  }
}

describe('Prometheus text exposition', () => {
  it('HELP and TYPE before samples, escaped labels and help, sorted labels', () => {
    const text = exposition([
      { name: 'x_total', help: 'a \\ b\nc', type: 'counter', samples: [{ labels: { b: 'q"uo\\te\nnl', a: '1' }, value: 3 }] },
      { name: 'y', help: 'y', type: 'gauge', samples: [{ value: NaN }, { labels: { k: 'v' }, value: Infinity }] },
    ]);
    expect(text).toBe('# HELP x_total a \\\\ b\\nc\n# TYPE x_total counter\nx_total{a="1",b="q\\"uo\\\\te\\nnl"} 3\n# HELP y y\n# TYPE y gauge\ny NaN\ny{k="v"} +Inf\n');
    checkFormat(text);
  });
  it('refuses what the format forbids: bad names, counters without _total, a series twice, a family twice', () => {
    expect(() => exposition([{ name: '1bad', help: '', type: 'gauge', samples: [] }])).toThrow();
    expect(() => exposition([{ name: 'c', help: '', type: 'counter', samples: [] }])).toThrow(/_total/);
    expect(() => exposition([{ name: 'g', help: '', type: 'gauge', samples: [{ value: 1 }, { value: 2 }] }])).toThrow(/twice/);
    expect(() => exposition([{ name: 'g', help: '', type: 'gauge', samples: [{ labels: { 'bad-label': 'x' }, value: 1 }] }])).toThrow();
    expect(() => exposition([{ name: 'g', help: '', type: 'gauge', samples: [] }, { name: 'g', help: '', type: 'gauge', samples: [] }])).toThrow(/twice/);
  });
  it('escapeLabelValue escapes backslash, quote and newline only', () => {
    expect(escapeLabelValue('a\\"\n\tb')).toBe('a\\\\\\"\\n\tb');
  });

  it('watch metrics: blackbox names, root cause gauge, outcome counter, cert expiry, last diagnosis', () => {
    const m = new WatchMetrics();
    const stats = new WatchStats();
    expect(m.families()).toEqual([]);
    const r = (over: Partial<LightResult>): LightResult => ({ at: 'now', ok: true, rootCause: null, status: 200, timings: { dnsMs: 2, connectMs: 1.5, tlsMs: 7, ttfbMs: 40, downloadMs: 3, totalMs: 53.5 }, retryAfterMs: null, certExpiry: 1_900_000_000, ...over });
    const fail = r({ ok: false, rootCause: 'SERVER_UNAVAILABLE', status: 503, diagnosis: { rootCause: 'SERVER_UNAVAILABLE', verdict: 'failing', headline: 'h', bundle: null } });
    stats.add(fail);
    m.update(fail, stats);
    const ok = r({});
    stats.add(ok);
    m.update(ok, stats);
    const text = exposition(m.families());
    checkFormat(text);
    expect(text).toContain('probe_success 1\n');
    expect(text).toContain('probe_duration_seconds{phase="processing"} 0.04\n');
    expect(text).toContain('probe_duration_seconds{phase="resolve"} 0.002\n');
    expect(text).toContain('probe_http_duration_seconds{phase="tls"} 0.007\n');
    expect(text).toContain('probe_http_status_code 200\n');
    expect(text).toContain('probe_ssl_earliest_cert_expiry 1900000000\n');
    expect(text).toContain('probe_dns_lookup_time_seconds 0.002\n');
    expect(text).toContain('api_doctor_root_cause{code="SERVER_UNAVAILABLE"} 0\n');
    expect(text).toContain('api_doctor_samples_total{outcome="ok"} 1\napi_doctor_samples_total{outcome="fail"} 1\n');
    expect(text).toMatch(/api_doctor_last_full_diagnosis_timestamp_seconds \d{10}\n/);
  });

  it('--metrics address: bare port → loopback; :port refused; a host must be written out', () => {
    expect(parseMetricsAddress('9464')).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(parseMetricsAddress('127.0.0.1:0')).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseMetricsAddress('[::1]:9464')).toEqual({ host: '::1', port: 9464 });
    expect(parseMetricsAddress('0.0.0.0:9464')).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(parseMetricsAddress(':9464')).toMatch(/name the host/);
    expect(parseMetricsAddress('example.com:9464')).toMatch(/IP address/);
    expect(parseMetricsAddress('127.0.0.1:99999')).toMatch(/bad port/);
  });
});
