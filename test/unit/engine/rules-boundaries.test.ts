import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { ProbeResult, RunView } from '../../../src-main/engine/probe.js';
import { serverRules } from '../../../src-main/engine/rules/server.js';
import { EXPIRING_SOON_DAYS, tlsRules } from '../../../src-main/engine/rules/tls.js';
import type { ServerProbeData } from '../../../src-main/engine/probes/server.js';
import type { TlsProbeData } from '../../../src-main/engine/probes/tls.js';

// Boundaries and counting rules that mutants slipped through (docs/testing.md).
const view = (results: Record<string, unknown>, over = {}): RunView => ({
  request: defaultRequest('https://api.example.test/v1/models', over),
  target: new URL('https://api.example.test/v1/models'),
  result: <T>(id: string) => (id in results ? ({ status: 'ok', data: results[id], durationMs: 1 } as ProbeResult<T>) : undefined),
});
const codes = (xs: { code: string }[]) => xs.map((x) => x.code);

describe('server rules: SERVER_SLOW and SERVER_FLAKY', () => {
  const sample = (status: number | null, code: string | null, ttfbMs: number | null = 10) => ({ status, code, ttfbMs, totalMs: 1 });
  const server = (samples: ReturnType<typeof sample>[], p50: number | null = 10): ServerProbeData => ({ sampled: { method: 'GET', url: 'https://api.example.test/v1/models' }, samples, note: null, p50TtfbMs: p50, p90TtfbMs: p50, maxTtfbMs: p50, errorRate: 0 });
  const run = (d: ServerProbeData, slowMs = 3000) => serverRules(view({ server: d }, { slowMs }));

  it('slow means a median strictly above --slow-ms', () => {
    const ok = [sample(200, null), sample(200, null)];
    expect(codes(run(server(ok, 3000), 3000))).toEqual([]);
    expect(codes(run(server(ok, 3001), 3000))).toEqual(['SERVER_SLOW']);
    expect(run(server(ok, 3001), 3000)[0]!.evidence).toMatchObject({ p50TtfbMs: 3001, slowMs: 3000, samples: 2 });
    expect(codes(run(server(ok, null), 3000))).toEqual([]);
  });

  it.each([['HTTP_HEADERS_TIMEOUT'], ['HTTP_BODY_TIMEOUT'], ['TCP_TIMEOUT'], ['TLS_HANDSHAKE_TIMEOUT'], ['HTTP_EMPTY_REPLY'], ['HTTP_CONNECTION_RESET'], ['TCP_RESET'], ['SERVER_UNAVAILABLE']])('a sample that failed with %s counts toward SERVER_FLAKY', (code) => {
    const found = run(server([sample(200, null), sample(null, code, null), sample(200, null)]));
    expect(codes(found)).toEqual(['SERVER_FLAKY']);
    expect(found[0]!.evidence).toMatchObject({ samples: 3, failures: 1 });
  });

  it('answers that are the same every time are not flakiness, nor is failing every time or one sample', () => {
    expect(codes(run(server([sample(200, null), sample(401, 'AUTH_REJECTED'), sample(404, 'HTTP_NOT_FOUND')])))).toEqual([]);
    expect(codes(run(server([sample(503, 'SERVER_UNAVAILABLE'), sample(null, 'HTTP_HEADERS_TIMEOUT', null)])))).toEqual([]);
    expect(codes(run(server([sample(503, 'SERVER_UNAVAILABLE')])))).toEqual([]);
    expect(codes(run(server([sample(200, null), sample(503, 'SERVER_UNAVAILABLE')])))).toEqual(['SERVER_FLAKY']);
  });
});

describe('tls rules: the 14-day renewal boundary', () => {
  const DAY = 86_400_000;
  const NOW = Date.parse('2026-06-01T00:00:00Z');
  const tls = (validToMs: number, validFromMs = NOW - 10 * DAY): TlsProbeData => {
    const leaf = { subject: 'api.example.test', issuer: 'Lab Intermediate', validFrom: new Date(validFromMs).toISOString(), validTo: new Date(validToMs).toISOString(), names: ['api.example.test'], selfSigned: false, fingerprint256: 'AA' };
    return {
      host: 'api.example.test', address: '127.0.0.1', servername: 'api.example.test', viaProxy: false, authorized: true, alpn: 'h2', protocol: 'TLSv1.3', handshakeMs: 5, cipher: 'x',
      chain: [leaf, { ...leaf, subject: 'Lab Intermediate', issuer: 'Lab Root', names: [] }], authorizationError: null, trust: 'node', osStore: null, hostnameError: null, now: new Date(NOW).toISOString(), caFile: null,
    } as TlsProbeData;
  };
  const run = (d: TlsProbeData) => tlsRules(view({ tls: d }));

  it('exactly 14 days left is fine; a second less is expiring soon, with whole days left', () => {
    expect(EXPIRING_SOON_DAYS).toBe(14);
    expect(codes(run(tls(NOW + 14 * DAY)))).toEqual([]);
    const soon = run(tls(NOW + 14 * DAY - 1000));
    expect(codes(soon)).toEqual(['TLS_CERT_EXPIRING_SOON']);
    expect(soon[0]!.evidence).toMatchObject({ daysLeft: 13 });
  });

  it('valid until this very moment is not expired yet; a second ago is, and days are counted down and up', () => {
    expect(codes(run(tls(NOW)))).toEqual(['TLS_CERT_EXPIRING_SOON']);
    expect(run(tls(NOW - 1000))[0]).toMatchObject({ code: 'TLS_CERT_EXPIRED', evidence: { daysAgo: 0 } });
    expect(run(tls(NOW - 3 * DAY - 1000))[0]).toMatchObject({ code: 'TLS_CERT_EXPIRED', evidence: { daysAgo: 3 } });
    expect(codes(run(tls(NOW + 60 * DAY, NOW)))).toEqual([]);
    expect(run(tls(NOW + 60 * DAY, NOW + DAY + 1000))[0]).toMatchObject({ code: 'TLS_CERT_NOT_YET_VALID', evidence: { daysAhead: 2 } });
  });
});
