import type { Evidence } from '../../common/report.js';
import type { FindingDraft, StageRules } from '../probe.js';
import { PROBE_IDS } from '../probe-data.js';
import { providerFor } from '../data/network-lookup.js';

export const tcpRules: StageRules = (view) => {
  const r = view.result(PROBE_IDS.tcp);
  if (!r || r.status === 'skipped' || !r.data || r.data.viaProxy) return [];
  const d = r.data;
  const out: FindingDraft[] = [];
  const attempts = d.attempts.map((a) => ({ address: a.address, family: a.family, ok: a.ok, ms: a.ms, error: a.error?.errno ?? null }));
  const v4ok = d.attempts.some((a) => a.family === 4 && a.ok);
  const v6 = d.attempts.filter((a) => a.family === 6);
  if (d.connected.length === 0) {
    // Every address failed: name the commonest failure, quoting every attempt.
    const counts = new Map<string, number>();
    for (const a of d.attempts) {
      const c = a.error?.code;
      if (c && c.startsWith('TCP_')) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    const code = ([...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'TCP_UNREACHABLE') as 'TCP_REFUSED' | 'TCP_TIMEOUT' | 'TCP_RESET' | 'TCP_UNREACHABLE';
    // A provider blocked on some networks times out silently there: say so, with the fixes, without guessing where the user is.
    const known = code === 'TCP_TIMEOUT' ? providerFor(view.target.hostname) : null;
    const blocked: Evidence = known?.blockedOnSomeNetworks ? { wellKnownProvider: known.provider, alternative: known.alternative ?? null } : {};
    out.push({ code, evidence: { host: view.target.hostname, port: d.port, attempts, ...blocked } });
    return out;
  }
  if (v4ok && v6.length > 0 && v6.every((a) => !a.ok)) {
    out.push({ code: 'TCP_IPV6_BROKEN', evidence: { host: view.target.hostname, port: d.port, ipv6: v6.map((a) => a.address), errors: v6.map((a) => a.error?.errno ?? null), attempts } });
  }
  return out;
};
