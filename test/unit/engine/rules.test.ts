import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { ProbeResult, RunView, StageRules } from '../../../src-main/engine/probe.js';
import { dnsRules, failureCode, isLocalName, isSinkholeAddress } from '../../../src-main/engine/rules/dns.js';
import { tcpRules } from '../../../src-main/engine/rules/tcp.js';
import { tlsRules } from '../../../src-main/engine/rules/tls.js';
import { proxyRules } from '../../../src-main/engine/rules/proxy.js';
import { environmentRules } from '../../../src-main/engine/rules/environment.js';
import type { DnsProbeData } from '../../../src-main/engine/probes/dns.js';
import type { TcpProbeData } from '../../../src-main/engine/probes/tcp.js';
import type { TlsProbeData } from '../../../src-main/engine/probes/tls.js';
import type { ProxyProbeData } from '../../../src-main/engine/probes/proxy.js';
import type { DnsQuery } from '../../../src-main/engine/net/dns-query.js';
import { findInHosts } from '../../../src-main/engine/net/hosts-file.js';

const view = (url: string, results: Record<string, unknown>, status: 'ok' | 'failed' = 'ok'): RunView => ({
  request: defaultRequest(url),
  target: new URL(url),
  result: <T>(id: string) => (id in results ? ({ status, data: results[id], reason: 'x', durationMs: 1 } as ProbeResult<T>) : undefined),
});
const codes = (rules: StageRules, v: RunView) => rules(v).map((d) => d.code);

const q = (type: 'A' | 'AAAA', addresses: string[], code?: DnsQuery['error'] extends infer E ? (E extends { code: infer C } ? C : never) : never): DnsQuery => ({
  resolver: '10.0.0.53:53',
  type,
  addresses,
  ms: 1,
  ...(code !== undefined ? { error: { code, errno: 'X', message: 'x' } } : {}),
});
const dnsData = (host: string, queries: DnsQuery[], over: Partial<DnsProbeData> = {}): DnsProbeData => ({
  host,
  source: 'servers',
  viaProxy: false,
  resolvers: ['10.0.0.53:53'],
  queries,
  reference: [],
  hosts: null,
  addresses: queries.flatMap((x) => x.addresses.map((address) => ({ address, family: (address.includes(':') ? 6 : 4) as 4 | 6 }))),
  ...over,
});

describe('dns rules', () => {
  it('names the most telling failure: NXDOMAIN > SERVFAIL > TIMEOUT > no address', () => {
    expect(failureCode([q('A', [], 'DNS_TIMEOUT'), q('AAAA', [], 'DNS_NXDOMAIN')])).toBe('DNS_NXDOMAIN');
    expect(failureCode([q('A', [], 'DNS_TIMEOUT'), q('AAAA', [], 'DNS_SERVFAIL')])).toBe('DNS_SERVFAIL');
    expect(failureCode([q('A', [], 'DNS_TIMEOUT'), q('AAAA', [], 'DNS_NO_ADDRESS')])).toBe('DNS_TIMEOUT');
    expect(failureCode([q('A', []), q('AAAA', [], 'DNS_NO_ADDRESS')])).toBe('DNS_NO_ADDRESS');
  });
  it('sinkholes are public names on 0.0.0.0, :: or loopback; local names and literals are not', () => {
    expect(codes(dnsRules, view('https://api.openai.com/', { dns: dnsData('api.openai.com', [q('A', ['0.0.0.0'])]) }))).toEqual(['DNS_SINKHOLE']);
    expect(codes(dnsRules, view('https://api.openai.com/', { dns: dnsData('api.openai.com', [q('AAAA', ['::'])]) }))).toEqual(['DNS_SINKHOLE']);
    expect(codes(dnsRules, view('https://db.internal/', { dns: dnsData('db.internal', [q('A', ['127.0.0.1'])]) }))).toEqual([]);
    for (const h of ['x.test', 'x.localhost', 'printer.local', 'nas.home.arpa', 'a.internal', 'intranet', '10.0.0.1']) expect(isLocalName(h), h).toBe(true);
    expect(isLocalName('api.example.com')).toBe(false);
    for (const a of ['0.0.0.0', '::', '::1', '127.0.0.1', '127.1.2.3']) expect(isSinkholeAddress(a), a).toBe(true);
    expect(isSinkholeAddress('10.0.0.1')).toBe(false);
  });
  it('resolvers disagree only when the address sets are disjoint', () => {
    const base = dnsData('api.example.com', [q('A', ['203.0.113.1', '203.0.113.2'])]);
    const overlap = { ...base, reference: [{ ...q('A', ['203.0.113.2']), resolver: '1.1.1.1:53' }] };
    const disjoint = { ...base, reference: [{ ...q('A', ['198.51.100.9']), resolver: '1.1.1.1:53' }] };
    const failed = { ...base, reference: [{ ...q('A', [], 'DNS_TIMEOUT'), resolver: '1.1.1.1:53' }] };
    expect(codes(dnsRules, view('https://api.example.com/', { dns: overlap }))).toEqual([]);
    expect(codes(dnsRules, view('https://api.example.com/', { dns: disjoint }))).toEqual(['DNS_RESOLVERS_DISAGREE']);
    expect(codes(dnsRules, view('https://api.example.com/', { dns: failed }))).toEqual([]);
  });
  it('the hosts file pinning a name is reported, except the localhost line every hosts file has', () => {
    const pinned = (host: string, addresses: string[]) => view(`https://${host}/`, { dns: dnsData(host, [q('A', addresses)], { source: 'system', hosts: { path: '/etc/hosts', line: 1, addresses } }) });
    expect(codes(dnsRules, pinned('api.example.com', ['10.0.0.9']))).toEqual(['DNS_HOSTS_OVERRIDE']);
    expect(codes(dnsRules, pinned('localhost', ['127.0.0.1']))).toEqual([]);
    expect(codes(dnsRules, pinned('app.localhost', ['::1']))).toEqual([]);
    expect(codes(dnsRules, pinned('localhost', ['10.0.0.9']))).toEqual(['DNS_HOSTS_OVERRIDE']);
  });
  it('pinned and literal addresses are not judged as DNS answers', () => {
    const pinned = dnsData('api.example.com', [], { source: 'pinned', addresses: [{ address: '127.0.0.1', family: 4 }] });
    expect(codes(dnsRules, view('https://api.example.com/', { dns: pinned }))).toEqual([]);
  });
  it('hosts file lines: comments, several names, first line quoted', () => {
    const text = '# comment\n127.0.0.1 localhost\n10.0.0.9  api.example.com  api # pinned\n::1 ip6-localhost\n10.0.0.8 API.example.com.\n';
    expect(findInHosts(text, 'api.example.com', '/etc/hosts')).toEqual({ path: '/etc/hosts', line: 3, addresses: ['10.0.0.9', '10.0.0.8'] });
    expect(findInHosts(text, 'example.com', '/etc/hosts')).toBeNull();
  });
});

const tcpData = (attempts: TcpProbeData['attempts']): TcpProbeData => ({
  port: 443,
  viaProxy: false,
  attempts,
  connected: attempts.filter((a) => a.ok).map((a) => ({ address: a.address, family: a.family, connectMs: a.ms })),
});
const fail = (address: string, family: 4 | 6, code: string) => ({ address, family, ok: false, ms: 1, error: { code: code as 'TCP_REFUSED', errno: 'E', message: 'm' } });
const okA = (address: string, family: 4 | 6) => ({ address, family, ok: true, ms: 1 });

describe('tcp rules', () => {
  it('every address failing names the commonest failure', () => {
    expect(codes(tcpRules, view('https://h/', { tcp: tcpData([fail('a', 4, 'TCP_TIMEOUT'), fail('b', 4, 'TCP_REFUSED'), fail('c', 6, 'TCP_TIMEOUT')]) }))).toEqual(['TCP_TIMEOUT']);
  });
  it('IPv6 broken is a warning only when IPv4 works and every IPv6 address failed', () => {
    expect(codes(tcpRules, view('https://h/', { tcp: tcpData([okA('a', 4), fail('b', 6, 'TCP_UNREACHABLE')]) }))).toEqual(['TCP_IPV6_BROKEN']);
    expect(codes(tcpRules, view('https://h/', { tcp: tcpData([okA('a', 4), fail('b', 6, 'TCP_UNREACHABLE'), okA('c', 6)]) }))).toEqual([]);
    expect(codes(tcpRules, view('https://h/', { tcp: tcpData([fail('a', 4, 'TCP_REFUSED'), okA('b', 6)]) }))).toEqual([]);
  });
});

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const tlsData = (over: Partial<TlsProbeData> & { from?: number; to?: number; names?: string[]; selfSigned?: boolean; chainLength?: number } = {}): TlsProbeData => {
  const leaf = { subject: 'api.example.com', issuer: 'Lab Intermediate', validFrom: new Date(NOW + (over.from ?? -10) * DAY).toISOString(), validTo: new Date(NOW + (over.to ?? 60) * DAY).toISOString(), names: over.names ?? ['api.example.com'], selfSigned: over.selfSigned ?? false, fingerprint256: 'AA' };
  const inter = { ...leaf, subject: 'Lab Intermediate', issuer: 'Lab Root', names: [] };
  return {
    host: 'api.example.com', address: '203.0.113.1', servername: 'api.example.com', viaProxy: false, authorized: true, alpn: 'h2', protocol: 'TLSv1.3', handshakeMs: 5, cipher: 'TLS_AES_128_GCM_SHA256',
    chain: (over.chainLength ?? 2) === 1 ? [leaf] : [leaf, inter], authorizationError: null, trust: 'node', osStore: null, hostnameError: null, now: new Date(NOW).toISOString(), caFile: null,
    ...over,
  };
};

describe('tls rules', () => {
  const run = (d: TlsProbeData) => codes(tlsRules, view('https://api.example.com/', { tls: d }));
  it('dates: expired, not yet valid, expiring within 14 days, fine at 15', () => {
    expect(run(tlsData({ to: -1 }))).toEqual(['TLS_CERT_EXPIRED']);
    expect(run(tlsData({ from: 2 }))).toEqual(['TLS_CERT_NOT_YET_VALID']);
    expect(run(tlsData({ to: 13 }))).toEqual(['TLS_CERT_EXPIRING_SOON']);
    expect(run(tlsData({ to: 15 }))).toEqual([]);
  });
  it('trust: OS-only, incomplete chain (leaf alone, not self-issued), untrusted (self-signed), interceptor named', () => {
    expect(run(tlsData({ trust: 'os-only' }))).toEqual(['TLS_OS_TRUST_ONLY']);
    expect(run(tlsData({ trust: 'none', chainLength: 1 }))).toEqual(['TLS_INCOMPLETE_CHAIN']);
    const self = tlsData({ trust: 'none', chainLength: 1, selfSigned: true });
    self.chain[0] = { ...self.chain[0]!, issuer: self.chain[0]!.subject };
    expect(run(self)).toEqual(['TLS_UNTRUSTED_CERT']);
    const z = tlsData({ trust: 'none', chainLength: 1 });
    z.chain[0] = { ...z.chain[0]!, issuer: 'Zscaler Intermediate Root CA' };
    const f = tlsRules(view('https://api.example.com/', { tls: z }));
    expect(f.map((x) => x.code)).toEqual(['TLS_UNTRUSTED_CERT']);
    expect(f[0]!.evidence.interceptor).toBe('Zscaler');
  });
  it('names: a mismatch lists what the certificate covers', () => {
    const f = tlsRules(view('https://api.example.com/', { tls: tlsData({ hostnameError: 'mismatch', names: ['*.cdn.net'] }) }));
    expect(f).toEqual([expect.objectContaining({ code: 'TLS_HOSTNAME_MISMATCH', evidence: expect.objectContaining({ covers: ['*.cdn.net'] }) })]);
  });
  it('handshake failures map to one code each', () => {
    const e = (code: 'TLS_NOT_TLS' | 'TLS_HANDSHAKE_TIMEOUT' | 'TLS_PROTOCOL_ERROR' | null) => tlsData({ chain: [], error: { code, errno: 'E', message: 'm' } });
    expect(run(e('TLS_NOT_TLS'))).toEqual(['TLS_NOT_TLS']);
    expect(run(e('TLS_HANDSHAKE_TIMEOUT'))).toEqual(['TLS_HANDSHAKE_TIMEOUT']);
    expect(run(e(null))).toEqual(['TLS_PROTOCOL_ERROR']);
  });
});

const proxyData = (over: Partial<ProxyProbeData>): ProxyProbeData => ({ proxyUrl: 'http://user:pw@p:8080', source: 'env:https_proxy', noProxy: null, bypassedBy: null, targetIsLocal: false, connect: null, ...over });
const conn = (over: Partial<NonNullable<ProxyProbeData['connect']>>) => ({ ok: false, status: null, statusText: null, authenticate: null, proxyConnectMs: 1, ms: 2, sentCredentials: false, ...over });

describe('proxy rules', () => {
  const run = (d: ProxyProbeData, url = 'https://api.example.com/') => proxyRules(view(url, { proxy: d }));
  it('direct: nothing to say', () => expect(run(proxyData({ proxyUrl: null }))).toEqual([]));
  it('in use, with the password masked in the evidence', () => {
    const f = run(proxyData({ connect: conn({ ok: true, status: 200 }) }));
    expect(f.map((x) => x.code)).toEqual(['PROXY_IN_USE']);
    expect(JSON.stringify(f)).not.toContain(':pw@');
  });
  it('407 carries the scheme; 4xx is policy, a 5xx the proxy wrote is its upstream failing; no status is unreachable', () => {
    expect(run(proxyData({ connect: conn({ status: 407, authenticate: 'NTLM' }) }))[1]).toMatchObject({ code: 'PROXY_AUTH_REQUIRED', evidence: { scheme: 'NTLM' } });
    expect(run(proxyData({ connect: conn({ status: 403 }) }))[1]!.code).toBe('PROXY_REJECTED');
    expect(run(proxyData({ connect: conn({ status: 502 }) }))[1]!.code).toBe('PROXY_UPSTREAM_FAILED');
    expect(run(proxyData({ connect: conn({ status: 503, proxyError: 'ERR_CONNECT_FAIL 111' }) }))[1]).toMatchObject({ code: 'PROXY_UPSTREAM_FAILED', evidence: { proxyError: 'ERR_CONNECT_FAIL 111' } });
    expect(run(proxyData({ connect: conn({ error: { code: 'PROXY_UNREACHABLE', errno: 'ECONNREFUSED', message: 'm' } }) }))[1]!.code).toBe('PROXY_UNREACHABLE');
  });
  it('SOCKS replies from a reached proxy that could not reach the target are its upstream failing; NotAllowed and Failure stay refusals', () => {
    const socksConn = (reply: string) => conn({ socksFailure: 'rejected', socks: { scheme: 'socks5h', remoteDns: true, destination: 'api.example.com', reply, dnsMs: null, handshakeMs: 1, sentCredentials: false }, error: { code: 'PROXY_REJECTED', errno: null, message: `Socks5 proxy rejected connection - ${reply}` } });
    const socks5 = { proxyUrl: 'socks5h://p:1080', source: 'flag' as const };
    for (const reply of ['HostUnreachable', 'NetworkUnreachable', 'ConnectionRefused', 'TTLExpired']) {
      expect(run(proxyData({ ...socks5, connect: socksConn(reply) }))[1]).toMatchObject({ code: 'PROXY_UPSTREAM_FAILED', evidence: { status: null, statusText: reply, target: 'api.example.com:443', socks: { reply } } });
    }
    for (const reply of ['NotAllowed', 'Failure']) expect(run(proxyData({ ...socks5, connect: socksConn(reply) }))[1]!.code).toBe('PROXY_REJECTED');
  });
  it('a local target through an inherited proxy warns; through --proxy it does not', () => {
    expect(run(proxyData({ targetIsLocal: true, connect: conn({ ok: true, status: 200 }) })).map((x) => x.code)).toContain('PROXY_INTERCEPTS_LOCAL');
    expect(run(proxyData({ targetIsLocal: true, source: 'flag', connect: conn({ ok: true, status: 200 }) })).map((x) => x.code)).not.toContain('PROXY_INTERCEPTS_LOCAL');
  });
});

describe('environment rules', () => {
  const env = (usable: string[], targetIsLoopback: boolean) => ({ os: 'Linux', arch: 'x64', node: 'v20', usable, targetIsLoopback });
  it('no network only when nothing usable and the target is not loopback', () => {
    expect(codes(environmentRules, view('https://api.example.com/', { environment: env([], false) }))).toEqual(['ENV_NO_NETWORK']);
    expect(codes(environmentRules, view('http://127.0.0.1/', { environment: env([], true) }))).toEqual([]);
    expect(codes(environmentRules, view('https://api.example.com/', { environment: env(['eth0 10.0.0.2'], false) }))).toEqual([]);
  });
});

describe('dns rules: partial sinkhole', () => {
  it('is reported even though the probe kept only the real addresses for tcp', () => {
    const d = dnsData('api.example.com', [q('A', ['0.0.0.0', '203.0.113.5'])]);
    d.addresses = [{ address: '203.0.113.5', family: 4 }];
    const f = dnsRules(view('https://api.example.com/', { dns: d }));
    expect(f.map((x) => x.code)).toEqual(['DNS_SINKHOLE']);
    expect(f[0]!.evidence.addresses).toEqual(['0.0.0.0']);
  });
});

describe('resolv.conf', () => {
  it('quotes the name servers, and the upstreams behind systemd-resolved\'s stub', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { systemNameservers } = await import('../../../src-main/engine/net/hosts-file.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'resolv-'));
    const plain = path.join(dir, 'plain');
    const stub = path.join(dir, 'stub');
    const up = path.join(dir, 'up');
    writeFileSync(plain, '# x\nnameserver 10.0.0.53\nnameserver 10.0.0.54\nsearch corp\n');
    writeFileSync(stub, 'nameserver 127.0.0.53\noptions edns0\n');
    writeFileSync(up, 'nameserver 192.168.1.1\n');
    expect(await systemNameservers(plain, up)).toEqual(['10.0.0.53', '10.0.0.54']);
    expect(await systemNameservers(stub, up)).toEqual(['127.0.0.53 → 192.168.1.1']);
    expect(await systemNameservers(path.join(dir, 'missing'), up)).toEqual([]);
  });
});
