import { CODES, isFindingCode } from '../../common/codes.js';

/**
 * How one sampled call counts, decided once from the code table for the error rate, the
 * SERVER_FLAKY rule and the sampling stop rule (they used to count three different things):
 *   - ok: it succeeded;
 *   - transient: it failed in a way that can pass by itself (a 5xx, a reset, a timeout, a
 *     dropped connection): a failure of the service;
 *   - limited: the service refused to serve more (rate limit, quota): a failure, and a reason to
 *     stop sampling at once, since more requests only make it worse;
 *   - deterministic: the same answer every time (a 401, a 404, a bad certificate): a property of
 *     the call, not of the service's health.
 */
export type SampleClass = 'ok' | 'transient' | 'limited' | 'deterministic';

const LIMITED = new Set<string>(['SERVER_RATE_LIMITED', 'SERVER_QUOTA_EXHAUSTED']);
/** The http stage's transport failures; its other codes (404, 405, 400, …) answer the same every time. */
const TRANSIENT_HTTP = new Set<string>(['HTTP_HEADERS_TIMEOUT', 'HTTP_BODY_TIMEOUT', 'HTTP_EMPTY_REPLY', 'HTTP_CONNECTION_RESET']);

export function sampleClass(code: string | null, status: number | null = null): SampleClass {
  if (code === null) return status === 429 ? 'limited' : 'ok';
  if (LIMITED.has(code) || status === 429) return 'limited';
  // A failure without a contract code (an unclassified error) still failed.
  if (!isFindingCode(code)) return 'transient';
  switch (CODES[code].stage) {
    case 'server':
    case 'proxy':
    case 'tcp':
      return 'transient';
    case 'dns':
      // A resolver that timed out may answer next time; a name that does not exist will not.
      return code === 'DNS_TIMEOUT' ? 'transient' : 'deterministic';
    case 'tls':
      return code.startsWith('TLS_HANDSHAKE') ? 'transient' : 'deterministic';
    case 'http':
      return TRANSIENT_HTTP.has(code) ? 'transient' : 'deterministic';
    default:
      return 'deterministic';
  }
}

/** Counts toward the error rate and SERVER_FLAKY. */
export const isSampleFailure = (code: string | null, status: number | null = null): boolean => {
  const c = sampleClass(code, status);
  return c === 'transient' || c === 'limited';
};

/** Sampling stops after this answer. */
export const stopsSampling = (code: string | null, status: number | null = null): boolean => sampleClass(code, status) === 'limited';
