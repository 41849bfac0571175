import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetns, diagnoseInNetns, netnsUnavailable, type Netns } from '../lab/index.js';
import { dnsServerInNetns } from '../lab/netns-dns.js';

/**
 * Fake-ip and poisoned answers from the lab DNS, in a namespace with loopback only: the answers
 * point at public-looking addresses, and in there nothing can reach them (no route), so the
 * test never touches a real host.
 */
const why = netnsUnavailable();
if (why && process.env.CI === 'true') throw new Error(`netns tests cannot run in CI: ${why}`);
if (why) console.log(`skipping netns DNS tests: ${why}`);

let ns: Netns;
let dns: string;
let ref: string;

describe.skipIf(why !== null)('DNS realities (netns, lab DNS)', () => {
  beforeAll(async () => {
    // A real interface (so the environment stage sees a network) but no route beyond its own /24.
    ns = createNetns({ veth: { address: '10.99.7.2/24' } });
    dns = await dnsServerInNetns(ns, {
      'api.openai.com': { A: ['198.18.0.7'] },
      'api.anthropic.com': { A: ['31.13.95.37'] },
      'generativelanguage.googleapis.com': { A: ['157.240.7.8'], AAAA: ['2001::1f0d:4a13'] },
      'real.example.com': { A: ['198.18.1.20'] },
    });
    // A reference resolver with the real answers: it disagrees, and the finding must say why instead.
    ref = await dnsServerInNetns(ns, { 'api.openai.com': { A: ['162.159.140.245'] }, 'api.anthropic.com': { A: ['160.79.104.10'] } });
  }, 30_000);
  afterAll(() => ns?.close());

  const run = (host: string, extra: string[] = []) => diagnoseInNetns(ns, [`https://${host}/v1/models`, '--dns-server', dns, '--reference-dns', ref, '--timeout', '2000', ...extra]);

  it('a fake-ip answer → DNS_FAKE_IP (warn), not DNS_RESOLVERS_DISAGREE, not a sinkhole, not poisoned', async () => {
    const r = await run('api.openai.com');
    const codes = r.report.findings.map((f) => f.code);
    expect(codes).toContain('DNS_FAKE_IP');
    expect(codes).not.toContain('DNS_RESOLVERS_DISAGREE');
    expect(codes).not.toContain('DNS_SINKHOLE');
    expect(codes).not.toContain('DNS_POISONED');
    expect(r.report.findings.find((f) => f.code === 'DNS_FAKE_IP')!.evidence).toMatchObject({ addresses: ['198.18.0.7'], range: '198.18.0.0/15' });
    expect(r.report.stages.find((s) => s.id === 'dns')!.status).toBe('warn');
  });

  it('a well-known host in a Facebook range → DNS_POISONED (error, root cause); nothing connects there', async () => {
    const r = await run('api.anthropic.com');
    expect(r.report.summary.rootCause).toBe('DNS_POISONED');
    expect(r.report.findings.find((f) => f.code === 'DNS_POISONED')!.evidence).toMatchObject({ provider: 'Anthropic', basis: 'known-poison-range', addresses: ['31.13.95.37'], reference: ['160.79.104.10'] });
    expect(r.report.findings.map((f) => f.code)).not.toContain('DNS_RESOLVERS_DISAGREE');
    expect(r.report.stages.find((s) => s.id === 'tcp')!.status).toBe('skipped');
  });

  it('Facebook IPv4 and a Teredo IPv6 for Gemini → DNS_POISONED naming both ranges', async () => {
    const r = await run('generativelanguage.googleapis.com');
    const f = r.report.findings.find((x) => x.code === 'DNS_POISONED')!;
    expect((f.evidence.ranges as { cidr: string }[]).map((x) => x.cidr).sort()).toEqual(['157.240.0.0/16', '2001::/32']);
  });

  it('zh-CN text for the poisoned answer', async () => {
    const r = await run('api.anthropic.com', ['--lang', 'zh-CN']);
    expect(r.report.findings.find((f) => f.code === 'DNS_POISONED')!.title).toContain('不可能是 Anthropic 的地址');
  });
});
