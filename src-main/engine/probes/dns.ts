import net from 'node:net';
import { PROBE_IDS, type DnsData } from '../probe-data.js';
import type { Probe } from '../probe.js';
import { queryServer, querySystem, type DnsQuery } from '../net/dns-query.js';
import { sinkholed } from '../net/dns-names.js';
import { poisonRangeOf, providerFor } from '../data/network-lookup.js';
import { hostsEntry, systemNameservers, type HostsEntry } from '../net/hosts-file.js';
import { targetHost, targetPort } from '../net/address.js';

export interface DnsProbeData extends DnsData {
  host: string;
  /** How the addresses were found: an IP literal, a --resolve pin, the system resolver, named servers, or not at all (the proxy resolves). */
  source: 'literal' | 'pinned' | 'system' | 'servers' | 'proxy';
  viaProxy: boolean;
  /** The resolvers asked, quoted for the user (for the system resolver: resolv.conf's name servers). */
  resolvers: string[];
  queries: DnsQuery[];
  reference: DnsQuery[];
  hosts: HostsEntry | null;
}

/** IPv4 first, then IPv6, each once: the order the tcp stage tries them in. */
const ordered = (qs: DnsQuery[]) => [...new Set([...qs.filter((q) => q.type === 'A'), ...qs.filter((q) => q.type === 'AAAA')].flatMap((q) => q.addresses))];

export const dnsProbe: Probe<DnsProbeData> = {
  id: PROBE_IDS.dns,
  stage: 'dns',
  dependsOn: [PROBE_IDS.proxy],
  async run(ctx) {
    const host = targetHost(ctx.target);
    const port = targetPort(ctx.target);
    const empty = { host, viaProxy: false, resolvers: [], queries: [], reference: [], hosts: null };
    const fam = net.isIP(host);
    if (fam !== 0) {
      return { status: 'ok', data: { ...empty, source: 'literal', addresses: [{ address: host, family: fam as 4 | 6 }] }, summary: { code: 'dns.literal' }, timing: { dnsMs: 0 } };
    }
    const proxy = ctx.result(PROBE_IDS.proxy);
    // Through a proxy that resolves the name, a --resolve pin does not apply (curl sends the name in CONNECT too).
    // socks4:// and socks5:// tunnel to an address resolved here: the name is still ours to check.
    const localDnsTunnel = proxy?.status === 'ok' && proxy.data.connect?.ok === true && proxy.data.connect.socks?.remoteDns === false;
    if (proxy?.status === 'ok' && proxy.data.proxyUrl !== null && proxy.data.connect?.ok && !localDnsTunnel) {
      return { status: 'ok', data: { ...empty, source: 'proxy', viaProxy: true, addresses: [] }, summary: { code: 'dns.viaProxy' } };
    }
    const pins = ctx.request.resolve.filter((r) => r.host === host.toLowerCase() && r.port === port);
    if (pins.length > 0) {
      const addresses = pins.map((p) => ({ address: p.address, family: (net.isIPv6(p.address) ? 6 : 4) as 4 | 6 }));
      return { status: 'ok', data: { ...empty, source: 'pinned', addresses }, summary: { code: 'dns.pinned', values: { addresses: pins.map((p) => p.address).join(', ') } }, timing: { dnsMs: 0 } };
    }

    const servers = ctx.request.dnsServers;
    const ask = (s: string | 'system', type: 'A' | 'AAAA') =>
      s === 'system' ? querySystem(host, type, ctx.signal) : queryServer(s, host, type, ctx.signal, ctx.budgetMs);
    const mainSet = servers.length > 0 ? servers : (['system'] as const);
    const [queries, reference, hosts, resolvers] = await Promise.all([
      Promise.all(mainSet.flatMap((s) => [ask(s, 'A'), ask(s, 'AAAA')])),
      Promise.all(ctx.request.referenceDns.flatMap((s) => [ask(s, 'A'), ask(s, 'AAAA')])),
      servers.length > 0 ? Promise.resolve(null) : hostsEntry(ctx.platform.env, host),
      servers.length > 0 ? Promise.resolve(servers) : systemNameservers().then((ns) => (ns.length > 0 ? ns.map((n) => `system (${n})`) : ['system'])),
    ]);
    const list = ordered(queries);
    const addresses = list.map((address) => ({ address, family: (net.isIPv6(address) ? 6 : 4) as 4 | 6 }));
    const data: DnsProbeData = { ...empty, viaProxy: localDnsTunnel, source: servers.length > 0 ? 'servers' : 'system', resolvers, queries, reference, hosts, addresses };
    // The lookup of one name: the slowest of its queries, as a client waiting for both would see.
    const dnsMs = Math.max(0, ...queries.map((q) => q.ms));
    // Known-poison answers for a well-known API host are treated like sinkhole ones: connecting there tests someone else.
    const sink = [...sinkholed(host, list), ...(providerFor(host) ? list.filter((a) => poisonRangeOf(a) !== null) : [])];
    if (sink.length > 0 && sink.length === list.length) {
      // Connecting to 0.0.0.0 or loopback would test this machine, not the service: stop here.
      return { status: 'failed', data, reason: { code: 'dns.sinkhole', values: { host, addresses: sink.join(', ') } }, timing: { dnsMs } };
    }
    // Partly sinkholed: the rule still sees every answer (queries), the tcp stage only the real addresses.
    if (sink.length > 0) data.addresses = addresses.filter((a) => !sink.includes(a.address));
    if (addresses.length === 0) {
      const why = queries.find((q) => q.error)?.error?.errno ?? null;
      return { status: 'failed', data, reason: { code: 'dns.failed', values: { host, error: why } }, timing: { dnsMs } };
    }
    return { status: 'ok', data, summary: { code: 'dns.resolved', values: { host, addresses: `${list.slice(0, 4).join(', ')}${list.length > 4 ? ', …' : ''}` } }, timing: { dnsMs } };
  },
};
