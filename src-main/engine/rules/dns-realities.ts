import type { FindingDraft } from '../probe.js';
import type { DnsProbeData } from '../probes/dns.js';
import { isLocalName } from '../net/dns-names.js';
import { KNOWN_NETWORKS_COMPILED } from '../data/known-networks.js';
import { inProviderNetworks, isFakeIp, isSpecialUse, poisonRangeOf, providerFor } from '../data/network-lookup.js';

/**
 * What the answers say about the network rather than the name: a fake-ip proxy tool answering
 * (DNS_FAKE_IP), or a well-known API host resolving where it cannot live (DNS_POISONED), judged
 * offline against engine/data/known-networks.ts.
 */
export function dnsRealities(d: DnsProbeData): FindingDraft[] {
  const out: FindingDraft[] = [];
  const all = [...new Set(d.queries.flatMap((q) => q.addresses))];
  if (all.length === 0 || isLocalName(d.host)) return out;

  const fake = all.filter(isFakeIp);
  if (fake.length > 0) {
    out.push({ code: 'DNS_FAKE_IP', evidence: { host: d.host, addresses: fake, resolvers: d.resolvers, range: '198.18.0.0/15', allAnswers: fake.length === all.length } });
  }

  const provider = providerFor(d.host);
  if (!provider) return out;
  const ranges = all.flatMap((address) => {
    const r = poisonRangeOf(address);
    return r ? [{ address, cidr: r.cidr, owner: r.owner, source: r.source }] : [];
  });
  // Outside the provider's own published networks counts only where the provider promises them,
  // and never for private or fake-ip answers (a company's split DNS, a local proxy tool).
  const outside = provider.networks?.authoritative
    ? all.filter((a) => !isFakeIp(a) && !isSpecialUse(a) && poisonRangeOf(a) === null && inProviderNetworks(provider, a) === false)
    : [];
  const referenceGood = [...new Set(d.reference.flatMap((q) => q.addresses))].filter((a) => poisonRangeOf(a) === null && !isFakeIp(a));
  // Resolvers that disagree "in that way": ours answers outside the provider's networks, the reference inside them.
  const publicOurs = all.filter((a) => !isFakeIp(a) && !isSpecialUse(a));
  const disagree =
    ranges.length === 0 && outside.length === 0 && publicOurs.length > 0 && publicOurs.every((a) => inProviderNetworks(provider, a) === false) && referenceGood.some((a) => inProviderNetworks(provider, a) === true)
      ? publicOurs
      : [];
  if (ranges.length === 0 && outside.length === 0 && disagree.length === 0) return out;
  out.push({
    code: 'DNS_POISONED',
    evidence: {
      host: d.host,
      provider: provider.provider,
      addresses: [...ranges.map((r) => r.address), ...outside, ...disagree],
      basis: ranges.length > 0 ? 'known-poison-range' : outside.length > 0 ? 'outside-provider-networks' : 'reference-in-provider-networks',
      ranges,
      providerNetworks: ranges.length === 0 ? (provider.networks?.cidrs ?? null) : null,
      providerNetworksSource: ranges.length === 0 ? (provider.networks?.source ?? null) : null,
      resolvers: d.resolvers,
      reference: referenceGood.length > 0 ? referenceGood : null,
      dataCompiled: KNOWN_NETWORKS_COMPILED,
    },
  });
  return out;
}
