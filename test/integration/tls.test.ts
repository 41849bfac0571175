import { describe, expect, it } from 'vitest';
import { PROBES } from '../../src-main/engine/probes/index.js';
import { STAGES } from '../../src-main/common/stages.js';
import type { Report } from '../../src-main/common/report.js';
import { codesOf, diagnoseJson, stageOf, startAlertServer, startPlainHttpServer, startSilentServer, type TlsFault } from '../lab/index.js';
import { useTlsLab } from '../lab/tls-pool.js';

const TIMEOUT = 2_000;
/** Five network phases at most, each bounded by --timeout, plus generous slack for a noisy 2-core machine. */
const BOUND_MS = 5 * TIMEOUT + 5_000;
const OWN = ['environment', 'proxy', 'dns', 'tcp', 'tls'] as const;

const lab = useTlsLab();
const start = (fault: TlsFault) => lab.start(fault);

/** No stage may pass unless some probe of that stage ran: "not checked" is never "fine". */
function expectNoPassWithoutProbes(r: Report) {
  for (const s of r.stages) {
    if (s.status === 'pass') expect(PROBES.some((p) => p.stage === s.id), `${s.id} passed without a probe`).toBe(true);
  }
  expect(r.stages.map((s) => s.id)).toEqual([...STAGES]);
}

describe('tls stage against the lab', () => {
  it('a healthy HTTPS target (trusted with --ca-file) passes environment..tls with timings and exits 0', async () => {
    const s = await start('healthy');
    const run = await diagnoseJson([s.url('https', '/v1/models'), '--ca-file', lab.pki.caFile, '--timeout', String(TIMEOUT)]);
    expect(run.code).toBe(0);
    for (const id of OWN) expect(stageOf(run.report, id).status).toBe('pass');
    expect(run.report.summary.rootCause).toBeNull();
    expect(run.report.findings.filter((f) => (OWN as readonly string[]).includes(f.stage) && f.severity !== 'info')).toEqual([]);
    expect(run.report.timings.connectMs).toBeGreaterThan(0);
    expect(run.report.timings.tlsMs).toBeGreaterThan(0);
    expectNoPassWithoutProbes(run.report);
    expect(run.ms).toBeLessThan(BOUND_MS);
  });

  it('sends SNI for a name (--resolve pin) and verifies it', async () => {
    const s = await start('healthy');
    const run = await diagnoseJson([`https://api.lab.test:${s.port}/`, '--resolve', `api.lab.test:${s.port}:127.0.0.1`, '--ca-file', lab.pki.caFile]);
    for (const id of OWN) expect(stageOf(run.report, id).status).toBe('pass');
  });

  it('without --ca-file the same lab server is untrusted: the flag is what adds trust', async () => {
    const s = await start('healthy');
    const run = await diagnoseJson([s.url(), '--timeout', String(TIMEOUT)]);
    expect(run.report.summary.rootCause).toBe('TLS_UNTRUSTED_CERT');
    expect(run.code).toBe(1);
  });

  const cases: [TlsFault, string, (r: Report) => void][] = [
    ['expired', 'TLS_CERT_EXPIRED', (r) => expect(r.findings[0]!.evidence.daysAgo).toBe(10)],
    ['not-yet-valid', 'TLS_CERT_NOT_YET_VALID', (r) => expect(r.findings[0]!.evidence.localClock).toMatch(/^\d{4}-/)],
    ['wrong-name', 'TLS_HOSTNAME_MISMATCH', (r) => expect(r.findings[0]!.evidence.covers).toEqual(['other.example', 'www.other.example'])],
    ['self-signed', 'TLS_UNTRUSTED_CERT', (r) => expect(r.findings[0]!.evidence).toMatchObject({ selfSigned: true, interceptor: null })],
    ['interceptor', 'TLS_UNTRUSTED_CERT', (r) => expect(r.findings[0]!.evidence).toMatchObject({ interceptor: 'Zscaler' })],
    ['no-intermediate', 'TLS_INCOMPLETE_CHAIN', (r) => expect(r.findings[0]!.evidence.missingIssuer).toMatch(/Lab Intermediate/)],
  ];
  for (const [fault, code, more] of cases) {
    it(`${fault} → ${code}`, async () => {
      const s = await start(fault);
      const run = await diagnoseJson([s.url(), '--ca-file', lab.pki.caFile, '--timeout', String(TIMEOUT)]);
      expect(codesOf(run.report)).toContain(code);
      expect(run.report.summary.rootCause).toBe(code);
      expect(run.code).toBe(1);
      expect(stageOf(run.report, 'tls').status).toBe('fail');
      expect(stageOf(run.report, 'tcp').status).toBe('pass');
      more(run.report);
      expect(run.ms).toBeLessThan(BOUND_MS);
    });
  }

  it('expiring in 5 days → TLS_CERT_EXPIRING_SOON: a warning, degraded, exit 0, no root cause', async () => {
    const s = await start('expiring');
    const run = await diagnoseJson([s.url(), '--ca-file', lab.pki.caFile, '--timeout', String(TIMEOUT)]);
    expect(codesOf(run.report)).toContain('TLS_CERT_EXPIRING_SOON');
    expect(run.report.findings.find((f) => f.code === 'TLS_CERT_EXPIRING_SOON')!.evidence.daysLeft).toBe(4);
    expect(run.report.summary.rootCause).toBeNull();
    expect(stageOf(run.report, 'tls').status).toBe('warn');
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(BOUND_MS);
  });

  it('a private root only the OS store holds: judged as curl (default) the call works and Node\'s refusal is a warning; --client node makes TLS_OS_TRUST_ONLY the root cause; without it in the store it is just untrusted', async () => {
    const s = await start('os-only');
    const osStore = { deps: { platform: { systemCaCertificates: async () => [lab.pki.corpRoot.cert] } } };
    const asCurl = await diagnoseJson([s.url(), '--timeout', String(TIMEOUT)], osStore);
    // curl trusts the OS store: the request went out over the chain it accepts, and the verdict says so.
    expect(asCurl.report.summary.rootCause).toBeNull();
    expect(asCurl.report.summary.verdict).toBe('degraded');
    expect(asCurl.code).toBe(0);
    expect(stageOf(asCurl.report, 'http').status).toBe('pass');
    expect(asCurl.report.exchanges.length).toBeGreaterThan(0);
    const warn = asCurl.report.findings.find((x) => x.code === 'TLS_OS_TRUST_ONLY')!;
    expect(warn.severity).toBe('warn');
    expect(warn.evidence).toMatchObject({ judgedFor: 'curl' });
    expect(asCurl.report.summary.headline).toContain('not by Node.js');
    expect(asCurl.report.clients?.find((c) => c.id === 'curl')?.outcome).toBe('ok');
    expect(asCurl.report.clients?.find((c) => c.id === 'node')).toMatchObject({ outcome: 'fail', code: 'TLS_OS_TRUST_ONLY' });

    const asNode = await diagnoseJson([s.url(), '--timeout', String(TIMEOUT), '--client', 'node'], osStore);
    expect(asNode.report.summary.rootCause).toBe('TLS_OS_TRUST_ONLY');
    const f = asNode.report.findings.find((x) => x.code === 'TLS_OS_TRUST_ONLY')!;
    expect(f.severity).toBe('error');
    expect(f.evidence.issuer).toMatch(/Example Corp/);
    expect(f.fixes.join(' ')).toContain('NODE_EXTRA_CA_CERTS');
    expect(asNode.code).toBe(1);
    expect(asNode.ms).toBeLessThan(BOUND_MS);
    // No request goes over a chain the judged client refuses.
    expect(asNode.report.exchanges).toEqual([]);

    const without = await diagnoseJson([s.url(), '--timeout', String(TIMEOUT)], { deps: { platform: { systemCaCertificates: async () => [] } } });
    expect(without.report.summary.rootCause).toBe('TLS_UNTRUSTED_CERT');
    expect(without.report.findings.find((x) => x.code === 'TLS_UNTRUSTED_CERT')?.evidence).toMatchObject({ client: 'curl', store: 'os' });
  });

  it('a port that accepts and stays silent → TLS_HANDSHAKE_TIMEOUT within the budget', async () => {
    const s = await startSilentServer();
    lab.keep(s);
    const run = await diagnoseJson([s.url(), '--timeout', '800']);
    expect(run.report.summary.rootCause).toBe('TLS_HANDSHAKE_TIMEOUT');
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(5 * 800 + 5_000);
  });

  it('plain HTTP on an https:// URL → TLS_NOT_TLS, quoting what the port answered', async () => {
    const s = await startPlainHttpServer();
    lab.keep(s);
    const run = await diagnoseJson([s.url('https'), '--timeout', String(TIMEOUT)]);
    expect(run.report.summary.rootCause).toBe('TLS_NOT_TLS');
    expect(String(run.report.findings[0]!.evidence.firstBytes)).toMatch(/^HTTP\/1\.1 /);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(BOUND_MS);
  });

  it('a fatal alert in the handshake → TLS_PROTOCOL_ERROR', async () => {
    const s = await startAlertServer();
    lab.keep(s);
    const run = await diagnoseJson([s.url(), '--timeout', String(TIMEOUT)]);
    expect(run.report.summary.rootCause).toBe('TLS_PROTOCOL_ERROR');
    expect(run.report.findings[0]!.evidence.errno).toMatch(/ALERT|HANDSHAKE/i);
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(BOUND_MS);
  });

  it('an http:// URL skips tls as not applicable without blocking later stages', async () => {
    const s = await startPlainHttpServer();
    lab.keep(s);
    const run = await diagnoseJson([s.url('http')]);
    expect(stageOf(run.report, 'tls')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/plain http/) });
    expect(stageOf(run.report, 'tcp').status).toBe('pass');
    expectNoPassWithoutProbes(run.report);
  });
});
