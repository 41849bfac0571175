import { describe, expect, it } from 'vitest';
import { causeChain, classifyNetworkError, isTrustError, type NetPhase } from '../../../src-main/engine/classify.js';

// Written against the mutants Stryker left alive in classify.ts (docs/testing.md): every errno of
// every table, in the phase where it means something, and the choices between them.
const err = (code: string, message = code, cause?: unknown) => Object.assign(new Error(message, cause ? { cause } : undefined), { code });
const code = (e: unknown, phase: NetPhase) => classifyNetworkError(e, phase).code;

describe('classifyNetworkError: every table entry', () => {
  const table: [NetPhase, string, string][] = [
    ['dns', 'ENONAME', 'DNS_NXDOMAIN'],
    ['dns', 'ECONNREFUSED', 'DNS_SERVFAIL'],
    ['tcp', 'EPIPE', 'TCP_RESET'],
    ['tcp', 'EHOSTDOWN', 'TCP_UNREACHABLE'],
    ['tcp', 'ENETDOWN', 'TCP_UNREACHABLE'],
    ['tcp', 'EADDRNOTAVAIL', 'TCP_UNREACHABLE'],
    ['tcp', 'EACCES', 'TCP_UNREACHABLE'],
    ['tcp', 'EPERM', 'TCP_UNREACHABLE'],
    ['tcp', 'UND_ERR_CONNECT_TIMEOUT', 'TCP_TIMEOUT'],
    ['tls', 'HOSTNAME_MISMATCH', 'TLS_HOSTNAME_MISMATCH'],
    ['tls', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'TLS_UNTRUSTED_CERT'],
    ['tls', 'UNABLE_TO_GET_ISSUER_CERT', 'TLS_INCOMPLETE_CHAIN'],
    ['tls', 'CERT_UNTRUSTED', 'TLS_UNTRUSTED_CERT'],
    ['tls', 'CERT_REVOKED', 'TLS_UNTRUSTED_CERT'],
    ['tls', 'CERT_SIGNATURE_FAILURE', 'TLS_UNTRUSTED_CERT'],
    ['tls', 'CERT_CHAIN_TOO_LONG', 'TLS_UNTRUSTED_CERT'],
    ['tls', 'INVALID_CA', 'TLS_UNTRUSTED_CERT'],
    ['tls', 'ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS_HANDSHAKE_TIMEOUT'],
    ['tls', 'EPIPE', 'TLS_PROTOCOL_ERROR'],
    // EPIPE during HTTP: the server closed while we were still writing the request.
    ['http', 'EPIPE', 'HTTP_CONNECTION_RESET'],
    ['http', 'UND_ERR_CONNECT_TIMEOUT', 'TCP_TIMEOUT'],
    ['http', 'ECONNREFUSED', 'TCP_REFUSED'],
    ['http', 'ENOTFOUND', 'DNS_NXDOMAIN'],
    ['http', 'CERT_HAS_EXPIRED', 'TLS_CERT_EXPIRED'],
    ['proxy', 'ETIMEDOUT', 'PROXY_UNREACHABLE'],
  ];
  it.each(table)('%s: %s → %s', (phase, errno, want) => expect(code(err(errno), phase)).toBe(want));

  it('a code only means something in its phase', () => {
    expect(code(err('ENOTFOUND'), 'tcp')).toBeNull();
    expect(code(err('CERT_HAS_EXPIRED'), 'tcp')).toBeNull();
    expect(code(err('ECONNRESET'), 'dns')).toBeNull();
    expect(code(err('EWHATEVER'), 'proxy')).toBeNull();
    expect(code(err('EWHATEVER'), 'http')).toBeNull();
    expect(code(err('EWHATEVER'), 'tls')).toBeNull();
    expect(code(err('EWHATEVER'), 'dns')).toBeNull();
  });

  it('a timeout (abort) names the phase it cut', () => {
    const abort = Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
    const timeout = Object.assign(new Error('timed out'), { name: 'TimeoutError' });
    const abortCode = Object.assign(new Error('x'), { code: 'ABORT_ERR' });
    for (const e of [abort, timeout, abortCode]) {
      expect(code(e, 'dns')).toBe('DNS_TIMEOUT');
      expect(code(e, 'proxy')).toBe('PROXY_UNREACHABLE');
      expect(code(e, 'tcp')).toBe('TCP_TIMEOUT');
      expect(code(e, 'tls')).toBe('TLS_HANDSHAKE_TIMEOUT');
      expect(code(e, 'http')).toBe('HTTP_HEADERS_TIMEOUT');
    }
  });
});

describe('classifyNetworkError: choosing between signals', () => {
  it('TLS: the messages decide when the code says nothing', () => {
    for (const m of ['tlsv1 alert protocol version', 'sslv3 alert handshake failure', 'unsupported protocol', 'no protocols available', 'no shared cipher']) expect(code(new Error(m), 'tls'), m).toBe('TLS_PROTOCOL_ERROR');
    for (const m of ['Client network socket disconnected before secure TLS connection was established', 'socket hang up']) expect(code(new Error(m), 'tls'), m).toBe('TLS_PROTOCOL_ERROR');
    for (const m of ['SSL routines:ssl3_get_record:WRONG_VERSION_NUMBER', 'ssl3_get_record:http_request', 'HTTPS_PROXY_REQUEST', 'unknown_protocol', 'RECORD_LAYER_FAILURE', 'packet_length_too_long']) expect(code(new Error(m), 'tls'), m).toBe('TLS_NOT_TLS');
    expect(code(err('ERR_SSL_DECRYPTION_FAILED_OR_BAD_RECORD_MAC', 'bad record mac'), 'tls')).toBe('TLS_PROTOCOL_ERROR');
    expect(code(err('EXX_SSL_ODD', 'nothing telling'), 'tls')).toBeNull();
    // A certificate verdict beats "not TLS" and a timeout on the same chain.
    expect(code(err('ETIMEDOUT', 'WRONG_VERSION_NUMBER', err('CERT_HAS_EXPIRED')), 'tls')).toBe('TLS_CERT_EXPIRED');
    expect(code(err('ETIMEDOUT', 'WRONG_VERSION_NUMBER'), 'tls')).toBe('TLS_NOT_TLS');
  });

  it('HTTP: the order of the checks is the order of the causes', () => {
    expect(code(err('UND_ERR_SOCKET', 'other side closed', err('ECONNRESET')), 'http')).toBe('HTTP_CONNECTION_RESET');
    expect(code(new Error('socket hang up'), 'http')).toBe('HTTP_EMPTY_REPLY');
    expect(code(err('UND_ERR_SOCKET', 'closed'), 'http')).toBe('HTTP_EMPTY_REPLY');
    expect(code(err('UND_ERR_HEADERS_TIMEOUT', 'x', err('ECONNRESET')), 'http')).toBe('HTTP_HEADERS_TIMEOUT');
    expect(code(err('UND_ERR_BODY_TIMEOUT', 'x', err('ECONNRESET')), 'http')).toBe('HTTP_BODY_TIMEOUT');
    // A refused connect wins over the DNS code further out on the chain; the innermost code is the real one.
    expect(code(err('ENOTFOUND', 'x', err('ECONNREFUSED')), 'http')).toBe('TCP_REFUSED');
    expect(code(err('ECONNREFUSED', 'x', err('ETIMEDOUT')), 'tcp')).toBe('TCP_TIMEOUT');
    expect(code(err('ENOTFOUND', 'x', err('ESERVFAIL')), 'dns')).toBe('DNS_SERVFAIL');
  });

  it('proxy: refused, any TCP failure or a timeout is "unreachable"; other errors are not', () => {
    expect(code(err('ECONNREFUSED'), 'proxy')).toBe('PROXY_UNREACHABLE');
    expect(code(err('EHOSTUNREACH'), 'proxy')).toBe('PROXY_UNREACHABLE');
    expect(code(err('CERT_HAS_EXPIRED'), 'proxy')).toBeNull();
  });

  it('errno: the innermost specific code, skipping undici wrappers; message: the innermost', () => {
    const e = new TypeError('fetch failed', { cause: err('UND_ERR_SOCKET', 'other side closed', err('ECONNRESET', 'read ECONNRESET', err('ERR_SOCKET_CONNECTION_TIMEOUT', 'socket timeout'))) });
    expect(classifyNetworkError(e, 'http')).toEqual({ code: 'HTTP_CONNECTION_RESET', errno: 'ECONNRESET', message: 'socket timeout' });
    expect(classifyNetworkError(err('UND_ERR_SOCKET', 'other side closed'), 'http').errno).toBe('UND_ERR_SOCKET');
    // Innermost wins, wrappers are skipped wherever they sit, and a code no table knows does not hide a known one further out.
    expect(classifyNetworkError(err('ENOTFOUND', 'x', err('ECONNREFUSED')), 'tcp').errno).toBe('ECONNREFUSED');
    expect(classifyNetworkError(err('ECONNRESET', 'x', err('UND_ERR_SOCKET')), 'http').errno).toBe('ECONNRESET');
    expect(classifyNetworkError(err('ECONNRESET', 'x', err('ERR_SOCKET_CONNECTION_TIMEOUT')), 'http').errno).toBe('ECONNRESET');
    expect(code(err('ECONNRESET', 'x', err('EWHATEVER')), 'tcp')).toBe('TCP_RESET');
    expect(classifyNetworkError(new Error('plain'), 'http')).toEqual({ code: null, errno: null, message: 'plain' });
    expect(classifyNetworkError({ code: 42, message: 7 }, 'http')).toEqual({ code: null, errno: null, message: '[object Object]' });
    expect(classifyNetworkError(err('ECONNRESET', ''), 'tcp').message).toBe('Error');
  });

  it('the cause chain: outermost first, AggregateError members after, bounded', () => {
    const inner = err('B');
    const agg = new AggregateError([err('C'), err('D')], 'many', { cause: inner });
    expect(causeChain(new Error('a', { cause: agg })).map((e) => (e as { code?: string }).code ?? e.message)).toEqual(['a', 'many', 'B', 'C', 'D']);
    expect(causeChain(null)).toEqual([]);
    expect(causeChain('text')).toEqual([]);
    let deep: Error = err('E0');
    for (let i = 1; i < 40; i++) deep = err(`E${i}`, 'x', deep);
    const chain = causeChain(deep);
    expect(chain).toHaveLength(16);
    expect(chain[0]).toBe(deep);
  });
});

describe('isTrustError', () => {
  it('is "no path to a trusted root", not dates or names', () => {
    for (const e of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT']) expect(isTrustError(e), e).toBe(true);
    for (const e of ['CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ECONNRESET']) expect(isTrustError(e), e).toBe(false);
    expect(isTrustError(null)).toBe(false);
  });
});
