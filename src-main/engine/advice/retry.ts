import type { RetryAdvice, RetryNoteCode } from '../../common/advice.js';
import type { FindingCode } from '../../common/codes.js';

/** Findings that mean "do not retry" (checked first), then ones that shape how to retry. */
const NO_RETRY: readonly RetryNoteCode[] = ['SERVER_QUOTA_EXHAUSTED', 'AUTH_REJECTED', 'AUTH_MISSING', 'AUTH_FORBIDDEN', 'MODEL_NOT_FOUND', 'REQUEST_TOO_LARGE_FOR_MODEL', 'CONTENT_FILTERED'];
const RETRY_NOTE: readonly RetryNoteCode[] = ['SERVER_RATE_LIMITED', 'SERVER_FLAKY', 'SERVER_OVERLOADED', 'RELAY_UPSTREAM_UNAVAILABLE', 'SERVER_RATE_LIMIT_LOW'];

/**
 * Retry only what is retryable, with exponential backoff and full jitter, honouring Retry-After.
 * `note` is left for the caller to word (report/text retryNote) from `noteCode`.
 */
export function adviseRetry(codes: readonly FindingCode[]): Omit<RetryAdvice, 'note'> {
  const first = (list: readonly string[]) => (codes.find((c) => list.includes(c)) as RetryNoteCode | undefined) ?? null;
  const noteCode = first(NO_RETRY) ?? first(RETRY_NOTE);
  return {
    // Items are status codes or a name report/text words ("429" is the rate limit, not the quota).
    retryOn: ['429', '500', '502', '503', '504', '529', 'connection-reset', 'timeout'],
    neverRetry: ['400', '401', '403', '404', '405', '413', '422', '429-quota', '429-too-large'],
    maxAttempts: 4,
    backoff: { initialMs: codes.includes('SERVER_OVERLOADED') || codes.includes('RELAY_UPSTREAM_UNAVAILABLE') ? 2000 : 500, factor: 2, maxMs: 30_000, jitter: 'full' },
    honourRetryAfter: true,
    noteCode,
  };
}
