import { describe, expect, it } from 'vitest';
import { classifyNetworkError, type NetPhase } from '../../../src-main/engine/classify.js';

const err = (code: string, message = code, cause?: unknown) => Object.assign(new Error(message, cause ? { cause } : undefined), { code });

describe('classifyNetworkError', () => {
  const table: [NetPhase, unknown, string | null][] = [
    ['dns', err('ENOTFOUND'), 'DNS_NXDOMAIN'],
    ['dns', err('ENODATA'), 'DNS_NO_ADDRESS'],
    ['dns', err('ESERVFAIL'), 'DNS_SERVFAIL'],
    ['dns', err('EREFUSED'), 'DNS_SERVFAIL'],
    ['dns', err('ETIMEOUT'), 'DNS_TIMEOUT'],
    ['dns', err('EAI_AGAIN'), 'DNS_TIMEOUT'],
    ['dns', err('ECANCELLED'), 'DNS_TIMEOUT'],
    ['tcp', err('ECONNREFUSED'), 'TCP_REFUSED'],
    ['tcp', err('ETIMEDOUT'), 'TCP_TIMEOUT'],
    ['tcp', err('ECONNRESET'), 'TCP_RESET'],
    ['tcp', err('EHOSTUNREACH'), 'TCP_UNREACHABLE'],
    ['tcp', err('ENETUNREACH'), 'TCP_UNREACHABLE'],
    ['tcp', err('EINVAL'), 'TCP_UNREACHABLE'],
    ['tcp', Object.assign(new Error('aborted'), { name: 'AbortError' }), 'TCP_TIMEOUT'],
    ['proxy', err('ECONNREFUSED'), 'PROXY_UNREACHABLE'],
    ['tls', err('CERT_HAS_EXPIRED'), 'TLS_CERT_EXPIRED'],
    ['tls', err('CERT_NOT_YET_VALID'), 'TLS_CERT_NOT_YET_VALID'],
    ['tls', err('ERR_TLS_CERT_ALTNAME_INVALID'), 'TLS_HOSTNAME_MISMATCH'],
    ['tls', err('DEPTH_ZERO_SELF_SIGNED_CERT'), 'TLS_UNTRUSTED_CERT'],
    ['tls', err('SELF_SIGNED_CERT_IN_CHAIN'), 'TLS_UNTRUSTED_CERT'],
    ['tls', err('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'TLS_INCOMPLETE_CHAIN'],
    ['tls', err('ERR_SSL_WRONG_VERSION_NUMBER', 'wrong version number'), 'TLS_NOT_TLS'],
    ['tls', err('ERR_SSL_PACKET_LENGTH_TOO_LONG'), 'TLS_NOT_TLS'],
    ['tls', err('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'sslv3 alert handshake failure'), 'TLS_PROTOCOL_ERROR'],
    ['tls', err('ERR_SSL_UNSUPPORTED_PROTOCOL', 'unsupported protocol'), 'TLS_PROTOCOL_ERROR'],
    ['tls', err('ECONNRESET'), 'TLS_PROTOCOL_ERROR'],
    ['tls', err('ETIMEDOUT'), 'TLS_HANDSHAKE_TIMEOUT'],
    ['http', err('UND_ERR_HEADERS_TIMEOUT'), 'HTTP_HEADERS_TIMEOUT'],
    ['http', err('UND_ERR_BODY_TIMEOUT'), 'HTTP_BODY_TIMEOUT'],
    ['http', err('UND_ERR_SOCKET', 'other side closed'), 'HTTP_EMPTY_REPLY'],
    ['http', err('ECONNRESET'), 'HTTP_CONNECTION_RESET'],
    ['tcp', err('EWHATEVER'), null],
  ];
  for (const [phase, e, code] of table) {
    it(`${phase}: ${(e as { code?: string }).code ?? (e as Error).name} → ${code}`, () => expect(classifyNetworkError(e, phase).code).toBe(code));
  }

  it('walks the cause chain: undici "fetch failed" hides the real error', () => {
    const inner = err('CERT_HAS_EXPIRED', 'certificate has expired');
    const outer = new TypeError('fetch failed', { cause: inner });
    expect(classifyNetworkError(outer, 'http')).toEqual({ code: 'TLS_CERT_EXPIRED', errno: 'CERT_HAS_EXPIRED', message: 'certificate has expired' });
  });

  it('looks inside AggregateError (one error per address from happy eyeballs)', () => {
    const agg = new AggregateError([err('ECONNREFUSED'), err('ECONNREFUSED')], 'connect failed');
    expect(classifyNetworkError(new Error('x', { cause: agg }), 'tcp').code).toBe('TCP_REFUSED');
  });

  it('survives cycles and non-errors', () => {
    const a: { cause?: unknown; code: string } = { code: 'ECONNRESET' };
    a.cause = a;
    expect(classifyNetworkError(a, 'tcp').code).toBe('TCP_RESET');
    expect(classifyNetworkError('boom', 'tcp')).toEqual({ code: null, errno: null, message: 'boom' });
    expect(classifyNetworkError(undefined, 'dns').code).toBeNull();
  });
});
