/**
 * Real resolvers (unbound 1.17, dnsmasq 2.90) answering from their own config: NXDOMAIN, NODATA,
 * REFUSED, DNSSEC-bogus SERVFAIL, ad-block sinkholes, a stalling forwarder, fake-ip answers.
 * Nothing is forwarded anywhere but to loopback lab servers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseJson, type DiagnoseRun } from '../lab/diagnose.js';
import { startDnsServer, type LabDns } from '../lab/dns-server.js';
import { createNetns, diagnoseInNetns, netnsUnavailable } from '../lab/netns.js';
import type { Finding } from '../../src-main/common/report.js';
import { freePort, IN_CI, PEER_BINARIES, peersMissing, writeConfig } from './common.js';
import { startDnsmasq, type PeerDnsmasq } from './dnsmasq.js';
import { startUnbound, type PeerUnbound } from './unbound.js';
import { startUpstream, type Upstream } from './upstream.js';

const missing = peersMissing('unbound', 'dnsmasq', 'tinyproxy');

const finding = (r: DiagnoseRun, code: string): Finding | undefined => r.report.findings.find((f) => f.code === code);
/** On failure, the findings say what the engine saw instead. */
const why = (r: Pick<DiagnoseRun, 'report'>) => JSON.stringify(r.report.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.evidence])).slice(0, 1500);
/** Generous for answers; the stalling forwarders pass a short one (their finding is the timeout). */
const BASE = ['--samples', '1'];

describe.skipIf(missing !== null).concurrent('real resolvers', () => {
  let api: Upstream;
  let bogus: LabDns;
  let stall: LabDns;
  let unbound: PeerUnbound;
  let dnsmasq: PeerDnsmasq;

  beforeAll(async () => {
    [api, bogus, stall] = await Promise.all([
      startUpstream(),
      // Serves bogus.test without any DNSSEC record: unbound holds a trust anchor for it.
      startDnsServer({ 'bogus.test': {}, 'api.bogus.test': { A: ['127.0.0.1'] } }),
      startDnsServer({ 'api.stall.test': 'silent', 'api.stall.peer.test': 'silent' }),
    ]);
    [unbound, dnsmasq] = await Promise.all([
      startUnbound({ bogusDnsPort: bogus.port, stallPort: stall.port }),
      startDnsmasq({ addr: '127.0.0.1', port: await freePort(), stall: `127.0.0.1#${stall.port}` }),
    ]);
  });
  afterAll(async () => {
    await Promise.allSettled([unbound?.stop(), dnsmasq?.stop(), api?.close(), bogus?.close(), stall?.close()]);
  });

  const call = (host: string, server: string, timeoutMs = 8000) => diagnoseJson([`http://${host}:${api.port}/v1/models`, '--dns-server', server, '--timeout', String(timeoutMs), ...BASE]);

  it('unbound local-data → the name resolves and the call is healthy', async () => {
    const r = await call('api.peer.test', unbound.server);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
  });

  it('unbound static zone, unknown name → DNS_NXDOMAIN', async () => {
    const r = await call('nope.peer.test', unbound.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_NXDOMAIN');
  });

  it('unbound, a name with only a TXT record → DNS_NO_ADDRESS (NODATA)', async () => {
    const r = await call('nodata.peer.test', unbound.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_NO_ADDRESS');
  });

  it('unbound refusing the name → DNS_SERVFAIL with the REFUSED errno', async () => {
    const r = await call('api.refused.example', unbound.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_SERVFAIL');
    expect(JSON.stringify(finding(r, 'DNS_SERVFAIL')!.evidence)).toMatch(/EREFUSED/);
  });

  it('unbound, DNSSEC validation fails (trust anchor, unsigned zone) → DNS_SERVFAIL', async () => {
    const r = await call('api.bogus.test', unbound.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_SERVFAIL');
    expect(JSON.stringify(finding(r, 'DNS_SERVFAIL')!.evidence)).toMatch(/ESERVFAIL/);
    expect(bogus.asked.some((q) => q.startsWith('DNSKEY') || q.startsWith('DS'))).toBe(true);
  });

  it('unbound local-zone always_null for a public API name → DNS_SINKHOLE (0.0.0.0)', async () => {
    const r = await call('api.anthropic.com', unbound.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_SINKHOLE');
    expect(finding(r, 'DNS_SINKHOLE')!.evidence.addresses).toEqual(expect.arrayContaining(['0.0.0.0']));
    expect(r.report.exchanges).toEqual([]); // stopped at DNS: nothing was sent to the sinkhole
  });

  it('unbound forwarding to a server that never answers → DNS_TIMEOUT', async () => {
    const r = await call('api.stall.test', unbound.server, 1500);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_TIMEOUT');
  });

  it('dnsmasq address= → healthy', async () => {
    const r = await call('api.peer.test', dnsmasq.server);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
  });

  it('dnsmasq local=/peer.test/, unknown name → DNS_NXDOMAIN', async () => {
    const r = await call('nope.peer.test', dnsmasq.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_NXDOMAIN');
  });

  it('dnsmasq, a name with only a TXT record → DNS_NO_ADDRESS', async () => {
    const r = await call('nodata.peer.test', dnsmasq.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_NO_ADDRESS');
  });

  it('dnsmasq without upstream servers refuses other names → DNS_SERVFAIL (REFUSED)', async () => {
    const r = await call('api.refused.example', dnsmasq.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_SERVFAIL');
    expect(JSON.stringify(finding(r, 'DNS_SERVFAIL')!.evidence)).toMatch(/EREFUSED/);
  });

  it('dnsmasq address=/api.openai.com/0.0.0.0 (Pi-hole style) → DNS_SINKHOLE', async () => {
    const r = await call('api.openai.com', dnsmasq.server);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_SINKHOLE');
    expect(finding(r, 'DNS_SINKHOLE')!.evidence.addresses).toEqual(expect.arrayContaining(['0.0.0.0']));
  });

  it('dnsmasq forwarding to a server that never answers → DNS_TIMEOUT', async () => {
    const r = await call('api.stall.peer.test', dnsmasq.server, 1500);
    expect(r.report.summary.rootCause, why(r)).toBe('DNS_TIMEOUT');
  });
});

// A fake-ip answer (198.18.0.0/15) cannot be followed on the host without leaving loopback: the
// run happens in a namespace with only `lo`, dnsmasq inside it.
const nsMissing = missing ?? netnsUnavailable();
if (nsMissing && IN_CI) throw new Error(`fake-ip scenario cannot run in CI: ${nsMissing}`);

describe.skipIf(nsMissing !== null)('real resolvers in a namespace', () => {
  it('dnsmasq fake-ip answer for api.deepseek.com (198.18.0.7, as Clash / mihomo hand out) → DNS_FAKE_IP with the address', async () => {
    // An interface without a default route: the fake address is unreachable, nothing can leave.
    const ns = createNetns({ veth: { address: '10.99.7.2/24' } });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'peer-dnsmasq-ns-'));
    try {
      const conf = writeConfig('dnsmasq.conf', dir, { ADDR: '127.0.0.1', PORT: 5353, STALL: '127.0.0.1#9' });
      const dm = ns.spawn(PEER_BINARIES.dnsmasq.bin, ['-k', '-C', conf, `--pid-file=${dir}/dnsmasq.pid`, '--log-facility=-']);
      await new Promise((r) => setTimeout(r, 300));
      expect(dm.exitCode).toBeNull();
      const r = await diagnoseInNetns(ns, ['https://api.deepseek.com/v1/models', '--dns-server', '127.0.0.1:5353', '--samples', '1', '--timeout', '5000']);
      expect(r.report.summary.verdict).toBe('failing');
      const dnsStage = r.report.stages.find((s) => s.id === 'dns')!;
      expect(dnsStage.status).not.toBe('fail');
      // The answer is in the report, named for what it is (DNS_FAKE_IP, issue #13).
      expect(JSON.stringify(r.report.findings)).toContain('198.18.0.7');
      expect(r.report.findings.map((f) => f.code)).toContain('DNS_FAKE_IP');
    } finally {
      ns.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tinyproxy whose system resolver (dnsmasq) says NXDOMAIN → PROXY_UPSTREAM_FAILED 500 "Unable to connect"', async () => {
    // tinyproxy resolves with getaddrinfo: inside the namespace /etc/resolv.conf points at dnsmasq.
    const ns = createNetns({ resolvConf: 'nameserver 127.0.0.1\n', veth: { address: '10.99.8.2/24' } });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'peer-tinyproxy-ns-'));
    try {
      const dm = writeConfig('dnsmasq.conf', dir, { ADDR: '127.0.0.1', PORT: 53, STALL: '127.0.0.1#9' });
      const tp = writeConfig('tinyproxy.conf', dir, { PORT: 8888, DIR: dir, AUTH: '' });
      ns.spawn(PEER_BINARIES.dnsmasq.bin, ['-k', '-C', dm, `--pid-file=${dir}/dnsmasq.pid`, '--log-facility=-']);
      ns.spawn(PEER_BINARIES.tinyproxy.bin, ['-d', '-c', tp]);
      await new Promise((r) => setTimeout(r, 400));
      const r = await diagnoseInNetns(ns, ['https://nope.peer.test/v1/models', '--proxy', 'http://127.0.0.1:8888', '--samples', '1', '--timeout', '8000']);
      expect(r.report.summary.rootCause, why(r)).toBe('PROXY_UPSTREAM_FAILED');
      expect(r.report.findings.find((f) => f.code === 'PROXY_UPSTREAM_FAILED')!.evidence).toMatchObject({ status: 500, statusText: 'Unable to connect', proxyProduct: expect.stringMatching(/^tinyproxy\//) });
    } finally {
      ns.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
