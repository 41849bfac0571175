import type { ProviderId } from './report.js';

/** What the advice is based on: the run's measurements (the timeout reason is rendered from these). */
export interface AdviceBasis {
  /** DNS + TCP + TLS of one connection, ms. */
  connectPhaseMs: number | null;
  p90TtfbMs: number | null;
  samples: number;
  streamFirstEventMs: number | null;
}

/** Findings that change the retry advice; report/text has a note for each. */
export type RetryNoteCode =
  | 'SERVER_QUOTA_EXHAUSTED'
  | 'AUTH_REJECTED'
  | 'AUTH_MISSING'
  | 'AUTH_FORBIDDEN'
  | 'MODEL_NOT_FOUND'
  | 'REQUEST_TOO_LARGE_FOR_MODEL'
  | 'CONTENT_FILTERED'
  | 'SERVER_RATE_LIMITED'
  | 'SERVER_FLAKY'
  | 'SERVER_OVERLOADED'
  | 'RELAY_UPSTREAM_UNAVAILABLE'
  | 'SERVER_RATE_LIMIT_LOW';

export interface RetryAdvice {
  /** Statuses and failures worth retrying: they pass by themselves (items: status codes, "connection-reset", "timeout"). */
  retryOn: string[];
  /** Never retry these: the same request fails the same way, and retrying only burns quota or locks accounts. */
  neverRetry: string[];
  maxAttempts: number;
  backoff: { initialMs: number; factor: number; maxMs: number; jitter: 'full' };
  honourRetryAfter: true;
  /** The finding of this run that shapes the retry advice, if any. */
  noteCode: RetryNoteCode | null;
  /** Its note, rendered in the report's language when the report was written. */
  note: string | null;
}

export type SnippetId = 'curl' | 'pythonRequests' | 'pythonHttpx' | 'typescript';

/** Client advice from what a run measured (engine/advice makes it; report/text words it). */
export interface Advice {
  provider: ProviderId;
  basedOn: AdviceBasis;
  /** `reason` is rendered in the report's language at write time, from `basedOn`. */
  timeouts: { connectMs: number; readMs: number; reason: string };
  retry: RetryAdvice;
  /** Header lines to send, the credential as a placeholder naming `secretEnvVar`. */
  headers: string[];
  secretEnvVar: string;
  snippets: Record<SnippetId, string>;
}
