import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../src-main/common/request.js';
import type { ProbeResult, RunView } from '../../../src-main/engine/probe.js';
import { serverRules } from '../../../src-main/engine/rules/server.js';
import { EXPIRING_SOON_DAYS, tlsRules } from '../../../src-main/engine/rules/tls.js';
import type { ServerProbeData } from '../../../src-main/engine/probes/server.js';
import type { TlsProbeData } from '../../../src-main/engine/probes/tls.js';
import type { StreamProbeData } from '../../../src-main/engine/probes/stream.js';

// Boundaries and counting rules that mutants slipped through (docs/testing.md).
const view = (results: Record<string, unknown>, over = {}, status: 'ok' | 'failed' | 'skipped' = 'ok'): RunView => ({
  request: defaultRequest('https://api.example.test/v1/models', over),
  target: new URL('https://api.example.test/v1/models'),
  result: <T>(id: string) => (id in results ? ({ status, data: results[id], durationMs: 1, reason: 'x' } as ProbeResult<T>) : undefined),
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
    expect(soon[0]!.evidence).toMatchObject({ daysLeft: 13, subject: 'api.example.test', issuer: 'Lab Intermediate', validTo: new Date(NOW + 14 * DAY - 1000).toISOString(), localClock: new Date(NOW).toISOString() });
  });

  it('valid until this very moment is not expired yet; a second ago is, and days are counted down and up', () => {
    expect(codes(run(tls(NOW)))).toEqual(['TLS_CERT_EXPIRING_SOON']);
    expect(run(tls(NOW - 1000))[0]).toMatchObject({ code: 'TLS_CERT_EXPIRED', evidence: { daysAgo: 0 } });
    expect(run(tls(NOW - 3 * DAY - 1000))[0]).toMatchObject({ code: 'TLS_CERT_EXPIRED', evidence: { daysAgo: 3 } });
    expect(codes(run(tls(NOW + 60 * DAY, NOW)))).toEqual([]);
    expect(run(tls(NOW + 60 * DAY, NOW + DAY + 1000))[0]).toMatchObject({ code: 'TLS_CERT_NOT_YET_VALID', evidence: { daysAhead: 2 } });
  });
});

describe('server rules: evidence and the other inputs', () => {
  const sample = (status: number | null, code: string | null, ttfbMs: number | null = 10) => ({ status, code, ttfbMs, totalMs: 1 });
  const data = (samples: ReturnType<typeof sample>[], p50: number | null): ServerProbeData => ({ sampled: { method: 'GET', url: 'https://api.example.test/v1/models' }, samples, note: null, p50TtfbMs: p50, p90TtfbMs: 9000, maxTtfbMs: 9500, errorRate: 0.33 });

  it('SERVER_SLOW counts the samples that had a first byte; SERVER_FLAKY lists each outcome', () => {
    const d = data([sample(200, null, 4000), sample(null, 'HTTP_HEADERS_TIMEOUT', null), sample(401, 'AUTH_REJECTED', 3900)], 4000);
    const found = serverRules(view({ server: d }, { slowMs: 3000 }));
    expect(found).toEqual([
      { code: 'SERVER_SLOW', evidence: { p50TtfbMs: 4000, p90TtfbMs: 9000, maxTtfbMs: 9500, slowMs: 3000, samples: 2, url: 'https://api.example.test/v1/models' } },
      { code: 'SERVER_FLAKY', evidence: { samples: 3, failures: 1, errorRate: 0.33, outcomes: ['200', 'no answer HTTP_HEADERS_TIMEOUT', '401'], url: 'https://api.example.test/v1/models' } },
    ]);
    expect(serverRules(view({ server: data([sample(200, null), sample(503, 'SERVER_UNAVAILABLE')], 10) }))[0]!.evidence.outcomes).toEqual(['200', '503 SERVER_UNAVAILABLE']);
  });

  it('a server probe that did not finish says nothing; the http verdict counts only when it is a server code', () => {
    expect(serverRules(view({ server: data([sample(200, null), sample(503, 'SERVER_UNAVAILABLE')], 99_999) }, {}, 'failed'))).toEqual([]);
    const http = (code: string) => ({ verdict: { code, evidence: { status: 503 } } });
    expect(codes(serverRules(view({ http: http('SERVER_UNAVAILABLE') })))).toEqual(['SERVER_UNAVAILABLE']);
    expect(codes(serverRules(view({ http: http('AUTH_REJECTED') })))).toEqual([]);
  });

  it('the stream: an error event, a cut, a clean end, a refusal', () => {
    const stream = (over: Partial<StreamProbeData>): StreamProbeData => ({ url: 'https://api.example.test/v1/chat', status: 200, contentType: 'text/event-stream', events: 3, firstEventMs: 100, lastEventMs: 300, headersMs: 50, server: null, totalMs: 400, ended: true, error: null, cut: null, refused: null, ...over });
    const run = (d: StreamProbeData) => serverRules(view({ stream: d }));
    expect(run(stream({ error: 'overloaded' }))).toEqual([{ code: 'STREAM_ERROR_EVENT', evidence: { url: 'https://api.example.test/v1/chat', status: 200, events: 3, firstEventMs: 100, message: 'overloaded' } }]);
    expect(run(stream({ ended: false, cut: 'closed' }))).toEqual([{ code: 'STREAM_INTERRUPTED', evidence: { url: 'https://api.example.test/v1/chat', events: 3, firstEventMs: 100, totalMs: 400, cut: 'closed' } }]);
    expect(codes(run(stream({})))).toEqual([]);
    expect(codes(run(stream({ ended: false, error: 'x', refused: { code: 'AUTH_REJECTED', message: null } })))).toEqual([]);
  });
});

describe('tls rules: handshake errors and trust', () => {
  const NOW = Date.parse('2026-06-01T00:00:00Z');
  const cert = (subject: string, issuer: string, selfSigned = false) => ({ subject, issuer, validFrom: new Date(NOW - 86_400_000 * 10).toISOString(), validTo: new Date(NOW + 86_400_000 * 60).toISOString(), names: [subject], selfSigned, fingerprint256: 'AA' });
  const base = (over: Partial<TlsProbeData>): TlsProbeData =>
    ({ host: 'api.example.test', address: '127.0.0.1', servername: 'api.example.test', viaProxy: false, authorized: false, alpn: null, protocol: null, handshakeMs: 7, cipher: null, chain: [cert('api.example.test', 'Lab Intermediate'), cert('Lab Intermediate', 'Lab Root')], authorizationError: null, trust: 'node', osStore: null, hostnameError: null, now: new Date(NOW).toISOString(), caFile: null, ...over }) as TlsProbeData;
  const run = (d: TlsProbeData, status: 'ok' | 'failed' | 'skipped' = 'ok') => tlsRules(view({ tls: d }, {}, status));
  const error = (code: string | null) => ({ code, errno: 'E', message: 'boom' }) as TlsProbeData['error'];

  it('a handshake error keeps its own code only when it is one the tls stage can name, with the evidence', () => {
    for (const c of ['TLS_NOT_TLS', 'TLS_HANDSHAKE_TIMEOUT', 'TLS_CLIENT_CERT_REQUIRED']) expect(codes(run(base({ error: error(c) }))), c).toEqual([c]);
    for (const c of ['TLS_UNTRUSTED_CERT', null]) expect(codes(run(base({ error: error(c) }))), String(c)).toEqual(['TLS_PROTOCOL_ERROR']);
    expect(run(base({ error: error('TLS_NOT_TLS'), firstBytes: 'HTTP/1.1 400' }))[0]!.evidence).toEqual({ host: 'api.example.test', address: '127.0.0.1', viaProxy: false, errno: 'E', error: 'boom', handshakeMs: 7, firstBytes: 'HTTP/1.1 400' });
    expect(run(base({ error: error('TLS_NOT_TLS') }))[0]!.evidence).not.toHaveProperty('firstBytes');
  });

  it('nothing from a skipped probe, or from one without a certificate', () => {
    expect(run(base({ error: error('TLS_NOT_TLS') }), 'skipped')).toEqual([]);
    expect(run(base({ chain: [] }))).toEqual([]);
  });

  it('untrusted: the issuer at the top of the chain, the subjects, and when only the intermediate is missing', () => {
    expect(run(base({ trust: 'none' }))).toEqual([{ code: 'TLS_UNTRUSTED_CERT', evidence: expect.objectContaining({ subject: 'api.example.test', issuer: 'Lab Root', chain: ['api.example.test', 'Lab Intermediate'], selfSigned: false, interceptor: null }) }]);
    expect(run(base({ trust: 'os-only', osStore: '/etc/ssl/certs' }))).toEqual([{ code: 'TLS_OS_TRUST_ONLY', evidence: expect.objectContaining({ issuer: 'Lab Root', chain: ['api.example.test', 'Lab Intermediate'], osStore: '/etc/ssl/certs' }) }]);
    expect(run(base({ trust: 'none', chain: [cert('api.example.test', 'Lab Intermediate')], authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' }))).toEqual([
      { code: 'TLS_INCOMPLETE_CHAIN', evidence: { host: 'api.example.test', address: '127.0.0.1', viaProxy: false, subject: 'api.example.test', missingIssuer: 'Lab Intermediate', sent: 1, authorizationError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' } },
    ]);
    // Three certificates: the top one's issuer is named, and an interceptor anywhere in the chain is recognised.
    const three = [cert('api.example.test', 'Corp Intermediate'), cert('Corp Intermediate', 'mitmproxy'), cert('mitmproxy', 'Top Root')];
    expect(run(base({ trust: 'none', chain: three }))[0]!.evidence).toMatchObject({ issuer: 'Top Root', interceptor: 'mitmproxy', chain: ['api.example.test', 'Corp Intermediate', 'mitmproxy'] });
    expect(run(base({ trust: 'os-only', chain: three }))[0]!.evidence).toMatchObject({ issuer: 'Top Root', interceptor: 'mitmproxy' });
    // A leaf alone that signed itself, names itself as issuer, or comes from an interceptor is untrusted, not incomplete.
    expect(codes(run(base({ trust: 'none', chain: [cert('api.example.test', 'Other', true)] })))).toEqual(['TLS_UNTRUSTED_CERT']);
    expect(codes(run(base({ trust: 'none', chain: [cert('api.example.test', 'api.example.test')] })))).toEqual(['TLS_UNTRUSTED_CERT']);
    expect(run(base({ trust: 'none', chain: [cert('api.example.test', 'mitmproxy')] }))).toEqual([{ code: 'TLS_UNTRUSTED_CERT', evidence: expect.objectContaining({ interceptor: 'mitmproxy', issuer: 'mitmproxy' }) }]);
  });
});
