import type { FindingCode } from '../../common/codes.js';
import type { FindingDraft, StageRules } from '../probe.js';
import { PROBE_IDS } from '../probe-data.js';
import type { DnsQuery } from '../net/dns-query.js';
import { sinkholed } from '../net/dns-names.js';
import { dnsRealities } from './dns-realities.js';

export { isLocalName, isSinkholeAddress } from '../net/dns-names.js';

/** When nothing resolved: the most telling failure of all queries (a missing name beats a sick resolver beats a slow one). */
export function failureCode(queries: DnsQuery[]): FindingCode {
  const codes = queries.map((q) => q.error?.code ?? (q.addresses.length === 0 ? 'DNS_NO_ADDRESS' : null));
  for (const c of ['DNS_NXDOMAIN', 'DNS_SERVFAIL', 'DNS_TIMEOUT'] as const) if (codes.includes(c)) return c;
  return 'DNS_NO_ADDRESS';
}

/**
 * Every hosts file maps localhost to 127.0.0.1 / ::1: that line is no pin to report (the report told
 * users of https://localhost to delete line 1 of /etc/hosts). localhost mapped elsewhere still is.
 */
const standardLoopbackEntry = (host: string, addresses: readonly string[]): boolean =>
  /^localhost\.?$|\.localhost\.?$/i.test(host) && addresses.every((a) => a === '::1' || /^127\./.test(a));

const brief = (qs: DnsQuery[]) => qs.map((q) => ({ resolver: q.resolver, type: q.type, addresses: q.addresses, ms: q.ms, error: q.error?.errno ?? null }));

export const dnsRules: StageRules = (view) => {
  const r = view.result(PROBE_IDS.dns);
  if (!r || r.status === 'skipped' || !r.data) return [];
  const d = r.data;
  const out: FindingDraft[] = [];
  if (d.hosts && !standardLoopbackEntry(d.host, d.hosts.addresses)) out.push({ code: 'DNS_HOSTS_OVERRIDE', evidence: { host: d.host, file: d.hosts.path, line: d.hosts.line, addresses: d.hosts.addresses } });
  if (d.source !== 'system' && d.source !== 'servers') return out;

  // Every address the resolvers answered (the probe drops sinkhole ones from `addresses`).
  const all = [...new Set(d.queries.flatMap((q) => q.addresses))];
  if (all.length === 0) {
    const code = failureCode(d.queries);
    out.push({ code, evidence: { host: d.host, resolvers: d.resolvers, queries: brief(d.queries) } });
    return out;
  }
  const sink = sinkholed(d.host, all);
  if (sink.length > 0) {
    out.push({ code: 'DNS_SINKHOLE', evidence: { host: d.host, addresses: sink, resolvers: d.resolvers, viaHostsFile: d.hosts !== null } });
  }
  const realities = dnsRealities(d);
  out.push(...realities);
  const ref = d.reference.filter((q) => q.addresses.length > 0);
  // A fake-ip or poisoned answer already says why the resolvers disagree: one finding, not two.
  if (ref.length > 0 && realities.length === 0) {
    const refSet = new Set(ref.flatMap((q) => q.addresses));
    if (!all.some((a) => refSet.has(a))) {
      out.push({ code: 'DNS_RESOLVERS_DISAGREE', evidence: { host: d.host, system: all, systemResolvers: d.resolvers, reference: [...refSet], referenceResolvers: [...new Set(ref.map((q) => q.resolver))] } });
    }
  }
  return out;
};
