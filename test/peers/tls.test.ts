/**
 * Real TLS peers (`openssl s_server`): client certificates in TLS 1.2 and 1.3, broken chains,
 * expired and wrong-host certificates, servers stuck on TLS 1.0 or offering only TLS 1.3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseJson, type DiagnoseRun } from '../lab/diagnose.js';
import type { Finding } from '../../src-main/common/report.js';
import { peersMissing } from './common.js';
import { makePeerPki, type PeerPki } from './pki.js';
import { startSServer, type PeerSServer } from './s-server.js';

const missing = peersMissing('openssl');

const finding = (r: DiagnoseRun, code: string): Finding | undefined => r.report.findings.find((f) => f.code === code);
const codes = (r: DiagnoseRun) => r.report.findings.map((f) => f.code);
/** On failure, the findings say what the engine saw instead. */
const why = (r: Pick<DiagnoseRun, 'report'>) => JSON.stringify(r.report.findings.filter((f) => f.severity !== 'info').map((f) => [f.code, f.evidence])).slice(0, 1500);
/** A generous per-phase budget: no scenario here waits for a timeout, and a loaded machine must not fail them. */
const BASE = ['--samples', '1', '--timeout', '8000'];

describe.skipIf(missing !== null).concurrent('real TLS servers (openssl s_server)', () => {
  let pki: PeerPki;
  const s: Record<string, PeerSServer> = {};

  beforeAll(async () => {
    pki = makePeerPki();
    const good = { cert: pki.leaf.cert, key: pki.leaf.key, chain: pki.intermediate };
    const started = await Promise.all([
      startSServer({ ...good, protocol: ['-tls1_3'], verifyClientsFrom: pki.caFile }),
      startSServer({ ...good, protocol: ['-tls1_2'], verifyClientsFrom: pki.caFile }),
      startSServer({ ...good, protocol: ['-tls1_3'] }),
      startSServer({ ...good, protocol: ['-tls1', '-cipher', 'DEFAULT@SECLEVEL=0'] }),
      startSServer({ cert: pki.leaf.cert, key: pki.leaf.key }),
      startSServer({ cert: pki.expired.cert, key: pki.expired.key, chain: pki.intermediate }),
      startSServer({ cert: pki.wrongHost.cert, key: pki.wrongHost.key, chain: pki.intermediate }),
    ]);
    ['mtls13', 'mtls12', 'only13', 'only10', 'leafOnly', 'expired', 'wrongHost'].forEach((k, i) => (s[k] = started[i]!));
  });
  afterAll(async () => {
    await Promise.allSettled(Object.values(s).map((x) => x.stop()));
    pki?.remove();
  });

  it('TLS 1.3 server wanting a client certificate: alert 116 after the handshake → TLS_CLIENT_CERT_REQUIRED, not an empty reply', async () => {
    const r = await diagnoseJson([s.mtls13!.url('/v1/models'), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('TLS_CLIENT_CERT_REQUIRED');
    expect(String(finding(r, 'TLS_CLIENT_CERT_REQUIRED')!.evidence.errno)).toMatch(/CERTIFICATE_REQUIRED/);
    expect(codes(r)).not.toContain('HTTP_EMPTY_REPLY');
  });

  it('TLS 1.2 server wanting a client certificate: handshake_failure after its CertificateRequest → TLS_CLIENT_CERT_REQUIRED', async () => {
    const r = await diagnoseJson([s.mtls12!.url('/v1/models'), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('TLS_CLIENT_CERT_REQUIRED');
    expect(String(finding(r, 'TLS_CLIENT_CERT_REQUIRED')!.evidence.errno)).toMatch(/HANDSHAKE_FAILURE/);
  });

  it('TLS 1.3-only server → healthy, negotiated TLSv1.3', async () => {
    const r = await diagnoseJson([s.only13!.url('/v1/models'), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBeNull();
    expect(r.report.stages.find((x) => x.id === 'tls')!.status).toBe('pass');
  });

  it('TLS 1.0-only server → TLS_PROTOCOL_ERROR', async () => {
    const r = await diagnoseJson([s.only10!.url('/v1/models'), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('TLS_PROTOCOL_ERROR');
  });

  it('server sending only its leaf (no intermediate) → TLS_INCOMPLETE_CHAIN', async () => {
    const r = await diagnoseJson([s.leafOnly!.url('/v1/models'), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('TLS_INCOMPLETE_CHAIN');
    expect(finding(r, 'TLS_INCOMPLETE_CHAIN')!.evidence).toMatchObject({ missingIssuer: expect.stringContaining('Peer Lab Intermediate') });
  });

  it('expired certificate → TLS_CERT_EXPIRED', async () => {
    const r = await diagnoseJson([s.expired!.url('/v1/models'), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('TLS_CERT_EXPIRED');
  });

  it('certificate for another host → TLS_HOSTNAME_MISMATCH', async () => {
    const r = await diagnoseJson([s.wrongHost!.url('/v1/models'), '--ca-file', pki.caFile, ...BASE]);
    expect(r.report.summary.rootCause, why(r)).toBe('TLS_HOSTNAME_MISMATCH');
    expect(finding(r, 'TLS_HOSTNAME_MISMATCH')!.evidence).toMatchObject({ covers: expect.arrayContaining(['other.peer.test']) });
  });
});
