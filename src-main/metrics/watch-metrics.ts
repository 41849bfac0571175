import type { LightResult } from '../engine/watch/light-probe.js';
import type { WatchStats } from '../engine/watch/stats.js';
import type { MetricFamily } from './exposition.js';

/** Blackbox exporter's phase names, and where our timings hold them. */
const PHASES = [
  ['resolve', 'dnsMs'],
  ['connect', 'connectMs'],
  ['tls', 'tlsMs'],
  ['processing', 'ttfbMs'],
  ['transfer', 'downloadMs'],
] as const;

const s = (ms: number | null) => (ms === null ? 0 : Math.round(ms * 10) / 10000);

/**
 * What /metrics shows, from the last sample and the running counts: the blackbox exporter's
 * names where they exist (dashboards built for it work), api_doctor_* for the why.
 */
export class WatchMetrics {
  #last: LightResult | null = null;
  #stats: WatchStats | null = null;
  #lastDiagnosisAt: number | null = null;
  /** Every root cause seen, so a code that stopped happening drops to 0 instead of vanishing. */
  readonly #codes = new Set<string>();

  update(sample: LightResult, stats: WatchStats): void {
    this.#last = sample;
    this.#stats = stats;
    if (sample.rootCause) this.#codes.add(sample.rootCause);
    if (sample.diagnosis) this.#lastDiagnosisAt = Date.now() / 1000;
  }

  families(): MetricFamily[] {
    const last = this.#last;
    if (!last) return [];
    const t = last.timings;
    const phases = PHASES.map(([phase, key]) => ({ labels: { phase }, value: s(t[key]) }));
    const out: MetricFamily[] = [
      { name: 'probe_success', help: 'Whether the last sample succeeded (1) or failed (0).', type: 'gauge', samples: [{ value: last.ok ? 1 : 0 }] },
      { name: 'probe_duration_seconds', help: 'Duration of the last sample by phase (resolve, connect, tls, processing, transfer), as blackbox names them.', type: 'gauge', samples: phases },
      { name: 'probe_http_duration_seconds', help: 'The same phases under the blackbox exporter\'s http-module name.', type: 'gauge', samples: phases },
      { name: 'probe_http_status_code', help: 'HTTP status of the last answer (0 when none arrived).', type: 'gauge', samples: [{ value: last.status ?? 0 }] },
      { name: 'probe_dns_lookup_time_seconds', help: 'DNS lookup time of the last sample (0 for an IP literal or a pinned name).', type: 'gauge', samples: [{ value: s(t.dnsMs) }] },
    ];
    if (last.certExpiry !== null) out.push({ name: 'probe_ssl_earliest_cert_expiry', help: 'Earliest notAfter of the server certificate chain, in seconds since the epoch.', type: 'gauge', samples: [{ value: last.certExpiry }] });
    out.push(
      { name: 'api_doctor_root_cause', help: 'Root cause of the last sample: 1 for its code, 0 for codes seen earlier.', type: 'gauge', samples: [...this.#codes].sort().map((code) => ({ labels: { code }, value: code === last.rootCause ? 1 : 0 })) },
      { name: 'api_doctor_samples_total', help: 'Samples taken by outcome.', type: 'counter', samples: [{ labels: { outcome: 'ok' }, value: (this.#stats?.samples ?? 0) - (this.#stats?.failures ?? 0) }, { labels: { outcome: 'fail' }, value: this.#stats?.failures ?? 0 }] },
    );
    if (this.#lastDiagnosisAt !== null) out.push({ name: 'api_doctor_last_full_diagnosis_timestamp_seconds', help: 'When the last full diagnosis ran, in seconds since the epoch.', type: 'gauge', samples: [{ value: Math.round(this.#lastDiagnosisAt) }] });
    return out;
  }
}
