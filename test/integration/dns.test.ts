import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, createNetns, diagnoseInNetns, httpServerInNetns, netnsUnavailable, diagnoseJson, stageOf, startDnsServer, startPlainHttpServer, type LabDns, type LabServer, type Netns } from '../lab/index.js';

const TIMEOUT = 1_500;
const BOUND_MS = 5 * TIMEOUT + 5_000;

let dns: LabDns;
let reference: LabDns;
let web: LabServer;
beforeAll(async () => {
  web = await startPlainHttpServer();
  dns = await startDnsServer({
    'api.lab.test': { A: ['127.0.0.1'] },
    'nodata.example.com': {},
    'servfail.example.com': 'servfail',
    'refused.example.com': 'refused',
    'silent.example.com': 'silent',
    'blocked.example.com': { A: ['0.0.0.0'], AAAA: ['::'] },
    'loop.example.com': { A: ['127.0.0.1'] },
    'dev.lab.test': { A: ['127.0.0.1'] },
    'split.lab.test': { A: ['127.0.0.1'] },
  });
  reference = await startDnsServer({ 'split.lab.test': { A: ['127.0.0.2'] }, 'api.lab.test': { A: ['127.0.0.1'] } });
});
afterAll(async () => {
  await Promise.all([dns.close(), reference.close(), web.close()]);
});

const url = (host: string) => `http://${host}:${web.port}/v1/models`;
const run = (host: string, ...extra: string[]) => diagnoseJson([url(host), '--dns-server', dns.server, '--timeout', String(TIMEOUT), ...extra]);

describe('dns stage against the lab resolver', () => {
  it('resolves A and AAAA separately with timings through --dns-server and quotes the server', async () => {
    const r = await run('api.lab.test');
    expect(stageOf(r.report, 'dns').status).toBe('pass');
    expect(stageOf(r.report, 'tcp').status).toBe('pass');
    expect(r.report.timings.dnsMs).toBeGreaterThanOrEqual(0);
    expect(dns.asked).toEqual(expect.arrayContaining(['A api.lab.test', 'AAAA api.lab.test']));
    expect(r.code).toBe(0);
  });

  const cases: [string, string][] = [
    ['missing.example.com', 'DNS_NXDOMAIN'],
    ['nodata.example.com', 'DNS_NO_ADDRESS'],
    ['servfail.example.com', 'DNS_SERVFAIL'],
    ['refused.example.com', 'DNS_SERVFAIL'],
    ['silent.example.com', 'DNS_TIMEOUT'],
    ['blocked.example.com', 'DNS_SINKHOLE'],
    ['loop.example.com', 'DNS_SINKHOLE'],
  ];
  for (const [host, code] of cases) {
    it(`${host} → ${code}`, async () => {
      const r = await run(host);
      expect(codesOf(r.report)).toContain(code);
      expect(r.report.summary.rootCause).toBe(code);
      expect(r.code).toBe(1);
      const f = r.report.findings.find((x) => x.code === code)!;
      expect(JSON.stringify(f.evidence)).toContain(dns.server);
      // A failed lookup blocks the connection stages: they are skipped with the reason, not run.
      expect(stageOf(r.report, 'tcp').status).toBe('skipped');
      expect(stageOf(r.report, 'tcp').reason).toMatch(/DNS lookup failed/);
      expect(r.ms).toBeLessThan(BOUND_MS);
    });
  }

  it('a name under .test pointing at loopback is local, not a sinkhole', async () => {
    const r = await run('dev.lab.test');
    expect(codesOf(r.report)).not.toContain('DNS_SINKHOLE');
    expect(r.code).toBe(0);
  });

  it('--reference-dns that answers a disjoint set → DNS_RESOLVERS_DISAGREE (a warning)', async () => {
    const r = await run('split.lab.test', '--reference-dns', reference.server);
    expect(codesOf(r.report)).toContain('DNS_RESOLVERS_DISAGREE');
    const f = r.report.findings.find((x) => x.code === 'DNS_RESOLVERS_DISAGREE')!;
    expect(f.evidence).toMatchObject({ system: ['127.0.0.1'], reference: ['127.0.0.2'] });
    expect(r.report.summary.rootCause).toBeNull();
    expect(r.report.summary.verdict).toBe('degraded');
    expect(r.code).toBe(0);
    const same = await run('api.lab.test', '--reference-dns', reference.server);
    expect(codesOf(same.report)).not.toContain('DNS_RESOLVERS_DISAGREE');
  });

  it('an IPv6 resolver given as [::1]:port works, and an IPv6-only name connects over ::1', async () => {
    const v6 = await startDnsServer({ 'six.lab.test': { AAAA: ['::1'] } }, '::1');
    const web6 = await startPlainHttpServer('::1');
    try {
      const r = await diagnoseJson([`http://six.lab.test:${web6.port}/`, '--dns-server', v6.server, '--timeout', String(TIMEOUT)]);
      expect(v6.server).toMatch(/^\[::1\]:\d+$/);
      expect(stageOf(r.report, 'dns').status).toBe('pass');
      expect(stageOf(r.report, 'tcp').status).toBe('pass');
      expect(r.code).toBe(0);
    } finally {
      await Promise.all([v6.close(), web6.close()]);
    }
  });

  it('--resolve pins the name like curl: no resolver is asked', async () => {
    const before = dns.asked.length;
    const r = await run('pinned.example.com', '--resolve', `pinned.example.com:${web.port}:127.0.0.1`);
    expect(dns.asked.length).toBe(before);
    expect(stageOf(r.report, 'tcp').status).toBe('pass');
    expect(r.code).toBe(0);
  });
});

const why = netnsUnavailable();
if (why) console.log(`[skip] system-resolver namespace tests: ${why}`);

describe.skipIf(why !== null)('the system resolver in a network namespace (its own hosts file and resolv.conf)', () => {
  let ns: Netns;
  beforeAll(async () => {
    ns = createNetns({
      veth: { address: '10.99.0.2/24' },
      hosts: '127.0.0.1 localhost\n::1 localhost\n# pinned for a test\n127.0.0.1 api.pinned.test\n',
      // Nothing listens on 127.0.0.1:53 inside: DNS questions are refused locally, never sent out.
      resolvConf: 'nameserver 127.0.0.1\n',
    });
    await httpServerInNetns(ns, 8080);
  });
  afterAll(() => ns?.close());

  it('the hosts file pinning the name → DNS_HOSTS_OVERRIDE, quoting file, line and resolver', async () => {
    const r = await diagnoseInNetns(ns, ['http://api.pinned.test:8080/', '--timeout', String(TIMEOUT)]);
    const f = r.report.findings.find((x) => x.code === 'DNS_HOSTS_OVERRIDE')!;
    expect(f.evidence).toMatchObject({ file: '/etc/hosts', line: 4, addresses: ['127.0.0.1'] });
    expect(stageOf(r.report, 'tcp').status).toBe('pass');
    expect(r.report.summary.rootCause).toBeNull();
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(BOUND_MS + 3_000);
  });

  it('a name nobody knows through the system resolver fails as a DNS error naming resolv.conf\'s server', async () => {
    const r = await diagnoseInNetns(ns, ['http://nowhere.example.com:8080/', '--timeout', String(TIMEOUT)]);
    expect(r.report.summary.rootCause).toMatch(/^DNS_/);
    expect(JSON.stringify(r.report.findings[0]!.evidence.resolvers)).toContain('127.0.0.1');
    expect(r.code).toBe(1);
  });
});
