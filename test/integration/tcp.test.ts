import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, codesOf, startFullBacklogServer, createNetns, diagnoseInNetns, diagnoseJson, netnsUnavailable, stageOf, startDnsServer, startPlainHttpServer, startResetServer, type LabDns, type LabServer, type Netns } from '../lab/index.js';

const TIMEOUT = 1_500;
const BOUND_MS = 5 * TIMEOUT + 5_000;

describe('tcp stage on loopback', () => {
  let web: LabServer;
  let dns: LabDns;
  beforeAll(async () => {
    web = await startPlainHttpServer('127.0.0.1');
    dns = await startDnsServer({ 'dual.lab.test': { A: ['127.0.0.1'], AAAA: ['::1'] } });
  });
  afterAll(async () => {
    await Promise.all([web.close(), dns.close()]);
  });

  it('a closed port → TCP_REFUSED', async () => {
    const port = await closedPort();
    const r = await diagnoseJson([`https://127.0.0.1:${port}/`, '--timeout', String(TIMEOUT)]);
    expect(r.report.summary.rootCause).toBe('TCP_REFUSED');
    expect(r.report.findings[0]!.evidence.attempts).toEqual([expect.objectContaining({ address: '127.0.0.1', ok: false, error: 'ECONNREFUSED' })]);
    expect(stageOf(r.report, 'tls')).toMatchObject({ status: 'skipped' });
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it('a server that resets every new connection → TCP_RESET', async () => {
    const s = await startResetServer();
    const r = await diagnoseJson([s.url(), '--timeout', String(TIMEOUT)]);
    await s.close();
    expect(r.report.summary.rootCause).toBe('TCP_RESET');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it('a port whose accept queue is full (connects hang) → TCP_TIMEOUT within the budget', async () => {
    const s = await startFullBacklogServer();
    try {
      const r = await diagnoseJson([s.url(), '--timeout', '1000']);
      expect(r.report.summary.rootCause).toBe('TCP_TIMEOUT');
      expect(r.report.findings[0]!.evidence.attempts).toEqual([expect.objectContaining({ ok: false, error: 'ETIMEDOUT' })]);
      expect(r.code).toBe(1);
      expect(r.ms).toBeLessThan(5 * 1000 + 5_000);
    } finally {
      await s.close();
    }
  });

  it('AAAA present but IPv6 refused while IPv4 works → TCP_IPV6_BROKEN (warning, exit 0)', async () => {
    const r = await diagnoseJson([`http://dual.lab.test:${web.port}/`, '--dns-server', dns.server, '--timeout', String(TIMEOUT)]);
    expect(codesOf(r.report)).toContain('TCP_IPV6_BROKEN');
    expect(r.report.findings.find((f) => f.code === 'TCP_IPV6_BROKEN')!.evidence.ipv6).toEqual(['::1']);
    expect(r.report.summary.rootCause).toBeNull();
    expect(stageOf(r.report, 'tcp').status).toBe('warn');
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });
});

const why = netnsUnavailable();
if (why) console.log(`[skip] tcp timeout/unreachable namespace tests: ${why}`);

describe.skipIf(why !== null)('tcp stage in a network namespace (routes and silent peers loopback cannot stage)', () => {
  let ns: Netns;
  beforeAll(() => {
    ns = createNetns({ veth: { address: '10.99.0.2/24', silentPeer: '10.99.0.1' }, routes: [['unreachable', '10.98.0.0/24'], ['blackhole', '10.97.0.0/24']] });
  });
  afterAll(() => ns?.close());

  it('an address whose packets vanish → TCP_TIMEOUT within the budget', async () => {
    const r = await diagnoseInNetns(ns, ['https://10.99.0.1/', '--timeout', '1000']);
    expect(r.report.summary.rootCause).toBe('TCP_TIMEOUT');
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(5 * 1000 + 8_000);
  });

  it('an unreachable route → TCP_UNREACHABLE', async () => {
    const r = await diagnoseInNetns(ns, ['https://10.98.0.1/', '--timeout', '1000']);
    expect(r.report.summary.rootCause).toBe('TCP_UNREACHABLE');
    expect(r.report.findings[0]!.evidence.attempts).toEqual([expect.objectContaining({ error: 'EHOSTUNREACH' })]);
    expect(r.code).toBe(1);
    expect(r.ms).toBeLessThan(5 * 1000 + 8_000);
  });

  it('a blackhole route → TCP_UNREACHABLE as well (the kernel refuses locally)', async () => {
    const r = await diagnoseInNetns(ns, ['https://10.97.0.1/', '--timeout', '1000']);
    expect(r.report.summary.rootCause).toBe('TCP_UNREACHABLE');
  });
});
