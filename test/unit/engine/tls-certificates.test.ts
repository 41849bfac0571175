import { describe, expect, it } from 'vitest';
import { tlsCertificates } from '../../../src-main/engine/tls-certificates.js';
import type { RunView } from '../../../src-main/engine/probe.js';
import type { TlsProbeData } from '../../../src-main/engine/probes/tls.js';
import { defaultRequest } from '../../../src-main/common/request.js';

const cert = { subject: 'api.example.com', issuer: 'Corp CA', validFrom: '2026-01-01T00:00:00.000Z', validTo: '2027-01-01T00:00:00.000Z', names: ['api.example.com'], selfSigned: false, fingerprint256: 'AA' };
const data = (over: Partial<TlsProbeData>): TlsProbeData => ({
  host: 'api.example.com', address: '203.0.113.7', servername: 'api.example.com', viaProxy: false, authorized: false, alpn: null, protocol: 'TLSv1.3', handshakeMs: 5, cipher: null,
  chain: [cert], authorizationError: null, trust: null, osStore: null, hostnameError: null, now: '2026-11-29T00:00:00.000Z', caFile: null, chainPem: [], ...over,
});
const viewOf = (r: unknown): RunView => ({ request: defaultRequest('https://api.example.com/'), target: new URL('https://api.example.com/'), result: (() => r) as unknown as RunView['result'] });

describe('tlsCertificates without the matrix’s stores (cancelled run, matrix left out): the probe’s own verdict', () => {
  it('os-only: Node’s bundle no, the OS store yes', async () => {
    const t = await tlsCertificates(viewOf({ status: 'failed', data: data({ trust: 'os-only', osStore: '/etc/ssl/certs/ca-certificates.crt' }) }), null);
    expect(t?.stores).toEqual([
      { store: 'node-bundled', source: 'tls.rootCertificates', trusts: false, reason: null },
      { store: 'os', source: '/etc/ssl/certs/ca-certificates.crt', trusts: true, reason: null },
    ]);
  });

  it('node: Node’s bundle yes; the OS store was never read, so unknown with a reason, never "no"', async () => {
    const t = await tlsCertificates(viewOf({ status: 'ok', data: data({ trust: 'node' }) }), null);
    expect(t?.stores.find((s) => s.store === 'os')).toMatchObject({ trusts: null, reason: 'not read in this run' });
    expect(t?.stores.find((s) => s.store === 'node-bundled')?.trusts).toBe(true);
  });

  it('an unreadable --ca-file is unknown with its reason; no chain or a skipped probe gives no section', async () => {
    const t = await tlsCertificates(viewOf({ status: 'failed', data: data({ trust: 'none', caFile: '/nonexistent/ca.pem' }) }), null);
    expect(t?.stores.find((s) => s.store === 'ca-file')).toEqual({ store: 'ca-file', source: '/nonexistent/ca.pem', trusts: null, reason: 'cannot read /nonexistent/ca.pem' });
    expect(t?.caFile).toBe('/nonexistent/ca.pem');
    expect(await tlsCertificates(viewOf({ status: 'failed', data: data({ chain: [] }) }), null)).toBeUndefined();
    expect(await tlsCertificates(viewOf({ status: 'skipped', reason: { code: 'tls.notApplicable' } }), null)).toBeUndefined();
    expect(await tlsCertificates(viewOf(undefined), null)).toBeUndefined();
  });
});
