import type { FindingCode } from '../common/codes.js';

/** Where in a request an error happened: the same errno means different things in different phases. */
export type NetPhase = 'proxy' | 'dns' | 'tcp' | 'tls' | 'http';

export interface ClassifiedError {
  /** The contract code this error means in this phase, or null when it names nothing we know. */
  code: FindingCode | null;
  /** The most specific low-level code found on the cause chain (ECONNREFUSED, ERR_SSL_…, UND_ERR_…, CERT_HAS_EXPIRED). */
  errno: string | null;
  /** The innermost message: `fetch failed` hides the real one. */
  message: string;
}

interface ErrLike {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  name?: unknown;
  reason?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** Every error on the cause chain, outermost first (AggregateError members included, bounded against cycles). */
export function causeChain(err: unknown): ErrLike[] {
  const out: ErrLike[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && out.length < 16) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const x = e as ErrLike;
    out.push(x);
    if (x.cause !== undefined) queue.push(x.cause);
    if (Array.isArray(x.errors)) queue.push(...(x.errors as unknown[]));
  }
  return out;
}

const DNS_CODES: Record<string, FindingCode> = {
  ENOTFOUND: 'DNS_NXDOMAIN',
  ENODATA: 'DNS_NO_ADDRESS',
  ENONAME: 'DNS_NXDOMAIN',
  ESERVFAIL: 'DNS_SERVFAIL',
  EREFUSED: 'DNS_SERVFAIL',
  ETIMEOUT: 'DNS_TIMEOUT',
  // getaddrinfo says "try again" when every configured resolver failed or stayed silent.
  EAI_AGAIN: 'DNS_TIMEOUT',
  ECONNREFUSED: 'DNS_SERVFAIL',
  // We cancel a query when its budget is spent.
  ECANCELLED: 'DNS_TIMEOUT',
};

const TCP_CODES: Record<string, FindingCode> = {
  ECONNREFUSED: 'TCP_REFUSED',
  ETIMEDOUT: 'TCP_TIMEOUT',
  ECONNRESET: 'TCP_RESET',
  EPIPE: 'TCP_RESET',
  EHOSTUNREACH: 'TCP_UNREACHABLE',
  ENETUNREACH: 'TCP_UNREACHABLE',
  EHOSTDOWN: 'TCP_UNREACHABLE',
  ENETDOWN: 'TCP_UNREACHABLE',
  EADDRNOTAVAIL: 'TCP_UNREACHABLE',
  // A blackhole or prohibit route answers connect() locally.
  EINVAL: 'TCP_UNREACHABLE',
  EACCES: 'TCP_UNREACHABLE',
  EPERM: 'TCP_UNREACHABLE',
  UND_ERR_CONNECT_TIMEOUT: 'TCP_TIMEOUT',
};

/** OpenSSL verification results: what the certificate is wrong about. */
const CERT_CODES: Record<string, FindingCode> = {
  CERT_HAS_EXPIRED: 'TLS_CERT_EXPIRED',
  CERT_NOT_YET_VALID: 'TLS_CERT_NOT_YET_VALID',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS_HOSTNAME_MISMATCH',
  HOSTNAME_MISMATCH: 'TLS_HOSTNAME_MISMATCH',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS_UNTRUSTED_CERT',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS_UNTRUSTED_CERT',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS_UNTRUSTED_CERT',
  UNABLE_TO_GET_ISSUER_CERT: 'TLS_INCOMPLETE_CHAIN',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS_INCOMPLETE_CHAIN',
  CERT_UNTRUSTED: 'TLS_UNTRUSTED_CERT',
  CERT_REVOKED: 'TLS_UNTRUSTED_CERT',
  CERT_SIGNATURE_FAILURE: 'TLS_UNTRUSTED_CERT',
  CERT_CHAIN_TOO_LONG: 'TLS_UNTRUSTED_CERT',
  INVALID_CA: 'TLS_UNTRUSTED_CERT',
};

/** The server answered bytes that are not a TLS record: typically plain HTTP on the port. */
const NOT_TLS = /WRONG_VERSION_NUMBER|PACKET_LENGTH_TOO_LONG|HTTP_REQUEST|HTTPS_PROXY_REQUEST|UNKNOWN_PROTOCOL|RECORD_LAYER_FAILURE/i;

/**
 * The server wants a client certificate (mutual TLS): TLS 1.3 alert 116 `certificate_required`,
 * which arrives after the client already thinks the handshake is done (so on the first read).
 */
const CLIENT_CERT = /CERTIFICATE_REQUIRED|alert certificate required|alert number 116/i;

/** True for an OpenSSL verification code that says "no path to a trusted root" (as opposed to dates or names). */
export const isTrustError = (errno: string | null): boolean => errno !== null && ['TLS_UNTRUSTED_CERT', 'TLS_INCOMPLETE_CHAIN'].includes(CERT_CODES[errno] ?? '');

/**
 * Maps a Node, OpenSSL or undici error to the contract code it means in `phase`. Walks `cause`
 * (and AggregateError members: happy-eyeballs connects fail with one per address) and prefers
 * the innermost specific errno.
 */
export function classifyNetworkError(err: unknown, phase: NetPhase): ClassifiedError {
  const chain = causeChain(err);
  const codes = chain.map((e) => (typeof e.code === 'string' ? e.code : null)).filter((c): c is string => c !== null);
  const messages = chain.map((e) => (typeof e.message === 'string' ? e.message : '')).filter((m) => m !== '');
  const message = messages.at(-1) ?? (typeof err === 'string' ? err : String(err));
  const errno = [...codes].reverse().find((c) => c !== 'UND_ERR_SOCKET' && c !== 'ERR_SOCKET_CONNECTION_TIMEOUT') ?? codes.at(-1) ?? null;
  const aborted = chain.some((e) => e.name === 'AbortError' || e.name === 'TimeoutError' || e.code === 'ABORT_ERR');
  const has = (c: string) => codes.includes(c);
  const pick = (table: Record<string, FindingCode>): FindingCode | null => {
    for (const c of [...codes].reverse()) if (table[c]) return table[c];
    return null;
  };

  switch (phase) {
    case 'dns':
      return { code: pick(DNS_CODES) ?? (aborted ? 'DNS_TIMEOUT' : null), errno, message };
    case 'proxy':
      return { code: aborted || has('ECONNREFUSED') || pick(TCP_CODES) ? 'PROXY_UNREACHABLE' : null, errno, message };
    case 'tcp':
      return { code: pick(TCP_CODES) ?? (aborted ? 'TCP_TIMEOUT' : null), errno, message };
    case 'tls': {
      const cert = pick(CERT_CODES);
      if (cert) return { code: cert, errno, message };
      const all = [...codes, ...messages].join(' ');
      if (CLIENT_CERT.test(all)) return { code: 'TLS_CLIENT_CERT_REQUIRED', errno, message };
      if (NOT_TLS.test(all)) return { code: 'TLS_NOT_TLS', errno, message };
      if (aborted || has('ETIMEDOUT') || has('ERR_TLS_HANDSHAKE_TIMEOUT')) return { code: 'TLS_HANDSHAKE_TIMEOUT', errno, message };
      if (codes.some((c) => c.startsWith('ERR_SSL_')) || /alert|handshake failure|unsupported protocol|no protocols available|no shared cipher/i.test(all)) {
        return { code: 'TLS_PROTOCOL_ERROR', errno, message };
      }
      // The peer hung up or reset during the handshake: a protocol-level failure from the client's view.
      if (has('ECONNRESET') || has('EPIPE') || /socket disconnected|socket hang up/i.test(all)) return { code: 'TLS_PROTOCOL_ERROR', errno, message };
      return { code: null, errno, message };
    }
    case 'http': {
      const cert = pick(CERT_CODES);
      if (cert) return { code: cert, errno, message };
      if (CLIENT_CERT.test([...codes, ...messages].join(' '))) return { code: 'TLS_CLIENT_CERT_REQUIRED', errno, message };
      if (has('UND_ERR_HEADERS_TIMEOUT')) return { code: 'HTTP_HEADERS_TIMEOUT', errno, message };
      if (has('UND_ERR_BODY_TIMEOUT')) return { code: 'HTTP_BODY_TIMEOUT', errno, message };
      if (has('ECONNRESET') || has('EPIPE')) return { code: 'HTTP_CONNECTION_RESET', errno, message };
      if (has('UND_ERR_SOCKET') || /other side closed|socket hang up/i.test(messages.join(' '))) return { code: 'HTTP_EMPTY_REPLY', errno, message };
      if (has('UND_ERR_CONNECT_TIMEOUT')) return { code: 'TCP_TIMEOUT', errno, message };
      const tcp = pick(TCP_CODES);
      if (tcp) return { code: tcp, errno, message };
      const dns = pick(DNS_CODES);
      if (dns) return { code: dns, errno, message };
      if (aborted) return { code: 'HTTP_HEADERS_TIMEOUT', errno, message };
      return { code: null, errno, message };
    }
  }
}
