import type { StageId } from './stages.js';

export type Severity = 'error' | 'warn' | 'info';

/**
 * Every finding code of the diagnosis contract, section 2. Public API: add, never rename.
 * Human text (title, detail, fixes in en and zh-CN) lives in src-main/report/explain/.
 */
export const CODES = {
  ENV_NO_NETWORK: { stage: 'environment', severity: 'error' },
  ENV_CLOCK_SKEW: { stage: 'environment', severity: 'warn' },
  ENV_TLS_VERIFY_DISABLED: { stage: 'environment', severity: 'warn' },
  ENV_CONFIG_SUSPECT: { stage: 'environment', severity: 'warn' },
  PROXY_IN_USE: { stage: 'proxy', severity: 'info' },
  PROXY_UNREACHABLE: { stage: 'proxy', severity: 'error' },
  PROXY_AUTH_REQUIRED: { stage: 'proxy', severity: 'error' },
  PROXY_REJECTED: { stage: 'proxy', severity: 'error' },
  PROXY_INTERCEPTS_LOCAL: { stage: 'proxy', severity: 'warn' },
  /** Registered as error; a rule lowers it to warn when the direct path works too (contract section 6). */
  CLIENT_PROXY_IGNORED: { stage: 'proxy', severity: 'error' },
  PROXY_SCHEME_MISMATCH: { stage: 'proxy', severity: 'error' },
  PROXY_UPSTREAM_FAILED: { stage: 'proxy', severity: 'error' },
  DNS_NXDOMAIN: { stage: 'dns', severity: 'error' },
  DNS_NO_ADDRESS: { stage: 'dns', severity: 'error' },
  DNS_SERVFAIL: { stage: 'dns', severity: 'error' },
  DNS_TIMEOUT: { stage: 'dns', severity: 'error' },
  DNS_SINKHOLE: { stage: 'dns', severity: 'error' },
  DNS_RESOLVERS_DISAGREE: { stage: 'dns', severity: 'warn' },
  DNS_HOSTS_OVERRIDE: { stage: 'dns', severity: 'info' },
  DNS_FAKE_IP: { stage: 'dns', severity: 'warn' },
  DNS_POISONED: { stage: 'dns', severity: 'error' },
  TCP_REFUSED: { stage: 'tcp', severity: 'error' },
  TCP_TIMEOUT: { stage: 'tcp', severity: 'error' },
  TCP_RESET: { stage: 'tcp', severity: 'error' },
  TCP_UNREACHABLE: { stage: 'tcp', severity: 'error' },
  TCP_IPV6_BROKEN: { stage: 'tcp', severity: 'warn' },
  TLS_CERT_EXPIRED: { stage: 'tls', severity: 'error' },
  TLS_CERT_NOT_YET_VALID: { stage: 'tls', severity: 'error' },
  TLS_CERT_EXPIRING_SOON: { stage: 'tls', severity: 'warn' },
  TLS_HOSTNAME_MISMATCH: { stage: 'tls', severity: 'error' },
  TLS_UNTRUSTED_CERT: { stage: 'tls', severity: 'error' },
  TLS_OS_TRUST_ONLY: { stage: 'tls', severity: 'error' },
  TLS_INCOMPLETE_CHAIN: { stage: 'tls', severity: 'error' },
  TLS_HANDSHAKE_TIMEOUT: { stage: 'tls', severity: 'error' },
  TLS_NOT_TLS: { stage: 'tls', severity: 'error' },
  TLS_PROTOCOL_ERROR: { stage: 'tls', severity: 'error' },
  TLS_CLIENT_CERT_REQUIRED: { stage: 'tls', severity: 'error' },
  HTTP_HEADERS_TIMEOUT: { stage: 'http', severity: 'error' },
  HTTP_BODY_TIMEOUT: { stage: 'http', severity: 'error' },
  HTTP_EMPTY_REPLY: { stage: 'http', severity: 'error' },
  HTTP_CONNECTION_RESET: { stage: 'http', severity: 'error' },
  HTTP_REDIRECT_LOOP: { stage: 'http', severity: 'error' },
  HTTP_HTTPS_DOWNGRADE: { stage: 'http', severity: 'warn' },
  HTTP_NOT_FOUND: { stage: 'http', severity: 'error' },
  HTTP_METHOD_NOT_ALLOWED: { stage: 'http', severity: 'error' },
  HTTP_BAD_REQUEST: { stage: 'http', severity: 'error' },
  HTTP_PAYLOAD_TOO_LARGE: { stage: 'http', severity: 'error' },
  HTTP_UNEXPECTED_CONTENT: { stage: 'http', severity: 'error' },
  HTTP_BLOCKED_BY_WAF: { stage: 'http', severity: 'error' },
  HTTP_WRONG_BASE_URL: { stage: 'http', severity: 'error' },
  HTTP_REDIRECT_CHANGED_METHOD: { stage: 'http', severity: 'error' },
  AUTH_MISSING: { stage: 'auth', severity: 'error' },
  AUTH_REJECTED: { stage: 'auth', severity: 'error' },
  AUTH_MALFORMED: { stage: 'auth', severity: 'error' },
  AUTH_TOKEN_EXPIRED: { stage: 'auth', severity: 'error' },
  AUTH_KEY_PROVIDER_MISMATCH: { stage: 'auth', severity: 'error' },
  AUTH_SCHEME_MISMATCH: { stage: 'auth', severity: 'error' },
  AUTH_FORBIDDEN: { stage: 'auth', severity: 'error' },
  OAUTH_TOKEN_REQUEST_FAILED: { stage: 'auth', severity: 'error' },
  SERVER_RATE_LIMITED: { stage: 'server', severity: 'error' },
  SERVER_QUOTA_EXHAUSTED: { stage: 'server', severity: 'error' },
  SERVER_UNAVAILABLE: { stage: 'server', severity: 'error' },
  SERVER_OVERLOADED: { stage: 'server', severity: 'error' },
  SERVER_BAD_GATEWAY: { stage: 'server', severity: 'error' },
  SERVER_ERROR: { stage: 'server', severity: 'error' },
  SERVER_SLOW: { stage: 'server', severity: 'warn' },
  SERVER_FLAKY: { stage: 'server', severity: 'warn' },
  STREAM_ERROR_EVENT: { stage: 'server', severity: 'error' },
  STREAM_INTERRUPTED: { stage: 'server', severity: 'error' },
  MODEL_NOT_FOUND: { stage: 'server', severity: 'error' },
  REQUEST_TOO_LARGE_FOR_MODEL: { stage: 'server', severity: 'error' },
  CONTENT_FILTERED: { stage: 'server', severity: 'error' },
  SERVER_RATE_LIMIT_LOW: { stage: 'server', severity: 'warn' },
  RELAY_UPSTREAM_UNAVAILABLE: { stage: 'server', severity: 'error' },
  STREAM_BUFFERED: { stage: 'server', severity: 'warn' },
} as const satisfies Record<string, { stage: StageId; severity: Severity }>;

export type FindingCode = keyof typeof CODES;
export type CodesOfStage<S extends StageId> = {
  [C in FindingCode]: (typeof CODES)[C]['stage'] extends S ? C : never;
}[FindingCode];

export const ALL_CODES = Object.keys(CODES) as FindingCode[];
export const isFindingCode = (s: string): s is FindingCode => Object.hasOwn(CODES, s);
