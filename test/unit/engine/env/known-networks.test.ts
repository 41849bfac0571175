import { describe, expect, it } from 'vitest';
import { POISON_RANGES, PROVIDER_HOSTS } from '../../../../src-main/engine/data/known-networks.js';
import { inProviderNetworks, isFakeIp, poisonRangeOf, providerFor } from '../../../../src-main/engine/data/network-lookup.js';
import { dnsRealities } from '../../../../src-main/engine/rules/dns-realities.js';
import type { DnsProbeData } from '../../../../src-main/engine/probes/dns.js';

const dnsData = (host: string, addresses: string[], reference: string[] = []): DnsProbeData => ({
  host, source: 'servers', viaProxy: false, resolvers: ['127.0.0.1:5353'], hosts: null,
  addresses: addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
  queries: [{ resolver: '127.0.0.1:5353', type: 'A', addresses, ms: 1 } as DnsProbeData['queries'][number]],
  reference: reference.length ? [{ resolver: '127.0.0.2:53', type: 'A', addresses: reference, ms: 1 } as DnsProbeData['queries'][number]] : [],
});

describe('known networks data', () => {
  it('every entry says where it comes from and when', () => {
    for (const r of POISON_RANGES) expect(r.source.length > 5 && /^\d{4}-\d{2}-\d{2}$/.test(r.checked)).toBe(true);
    for (const p of PROVIDER_HOSTS) if (p.networks) expect(p.networks.source.length > 5 && /^\d{4}-\d{2}-\d{2}$/.test(p.networks.checked)).toBe(true);
  });
  it('looks addresses up', () => {
    expect(isFakeIp('198.18.0.42')).toBe(true);
    expect(isFakeIp('198.19.255.1')).toBe(true);
    expect(isFakeIp('198.20.0.1')).toBe(false);
    expect(poisonRangeOf('31.13.95.37')?.owner).toMatch(/Facebook/);
    expect(poisonRangeOf('128.242.250.148')).not.toBeNull();
    expect(poisonRangeOf('2001:0:1234::1')?.cidr).toBe('2001::/32');
    expect(poisonRangeOf('162.159.140.245')).toBeNull();
    expect(providerFor('API.OpenAI.com.')?.provider).toBe('OpenAI');
    expect(providerFor('my-res.openai.azure.com')?.provider).toBe('Azure OpenAI');
    expect(providerFor('example.com')).toBeNull();
    expect(inProviderNetworks(providerFor('api.anthropic.com')!, '160.79.104.10')).toBe(true);
  });
});

describe('DNS_FAKE_IP and DNS_POISONED rules', () => {
  const codes = (d: DnsProbeData) => dnsRealities(d).map((f) => f.code);
  it('fake-ip answers are DNS_FAKE_IP, never poisoned or a sinkhole', () => {
    expect(codes(dnsData('api.openai.com', ['198.18.0.7']))).toEqual(['DNS_FAKE_IP']);
    expect(codes(dnsData('api.anthropic.com', ['198.18.3.1']))).toEqual(['DNS_FAKE_IP']);
    expect(codes(dnsData('service.example.com', ['198.18.0.9']))).toEqual(['DNS_FAKE_IP']);
  });
  it('a well-known host in a known-poison range → DNS_POISONED with the range and its source', () => {
    const [f] = dnsRealities(dnsData('api.openai.com', ['31.13.95.37'], ['162.159.140.245']));
    expect(f).toMatchObject({ code: 'DNS_POISONED', evidence: { basis: 'known-poison-range', provider: 'OpenAI', reference: ['162.159.140.245'], ranges: [{ address: '31.13.95.37', cidr: '31.13.64.0/18' }] } });
  });
  it('outside the published networks counts only where they are authoritative, never for private answers', () => {
    expect(dnsRealities(dnsData('api.anthropic.com', ['203.0.113.9']))[0]).toMatchObject({ code: 'DNS_POISONED', evidence: { basis: 'outside-provider-networks' } });
    expect(codes(dnsData('api.anthropic.com', ['160.79.104.10']))).toEqual([]);
    expect(codes(dnsData('api.anthropic.com', ['10.20.30.40']))).toEqual([]);
    expect(codes(dnsData('api.openai.com', ['203.0.113.9']))).toEqual([]);
  });
  it('resolvers disagreeing "in that way": ours outside the provider\'s networks, the reference inside → DNS_POISONED', () => {
    expect(dnsRealities(dnsData('api.openai.com', ['203.0.113.9'], ['162.159.140.245']))[0]).toMatchObject({ code: 'DNS_POISONED', evidence: { basis: 'reference-in-provider-networks', addresses: ['203.0.113.9'] } });
    expect(codes(dnsData('api.openai.com', ['203.0.113.9'], ['203.0.113.10']))).toEqual([]);
  });
  it('an unknown host in a "poison" range is not judged', () => {
    expect(codes(dnsData('www.facebook.com', ['157.240.7.35']))).toEqual([]);
  });
});
