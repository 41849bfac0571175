/**
 * When the next tick starts. Polite by construction:
 * - never more often than MIN_INTERVAL_MS (a bench against its own loopback server may lower it);
 * - ±10 % jitter, so many watchers do not beat in step;
 * - ticks never overlap: the delay is counted after a tick ends, and a tick that ran past its
 *   slot still leaves at least half an interval of quiet before the next;
 * - a 429/503 with Retry-After is obeyed; a 429 without one doubles the wait each time.
 */
export const MIN_INTERVAL_MS = 1000;
export const JITTER = 0.1;
/** No backoff waits longer than this: the watch should still notice when the service is back. */
export const MAX_BACKOFF_MS = 10 * 60_000;

export interface ScheduleInput {
  everyMs: number;
  /** MIN_INTERVAL_MS unless a bench lowered it. */
  minIntervalMs: number;
  /** performance.now() at the start and end of the tick just finished. */
  startedAt: number;
  endedAt: number;
  /** The tick's Retry-After (429/503), ms. */
  retryAfterMs: number | null;
  /** Consecutive 429 answers, this tick included (0 when it was not a 429). */
  rateLimitedStreak: number;
  /** A number in [0, 1) (Math.random in use, fixed in tests). */
  random: number;
}

/** Milliseconds to wait after the tick that just ended. */
export function nextDelayMs(s: ScheduleInput): number {
  const base = Math.max(s.everyMs, s.minIntervalMs);
  const slot = base * (1 + JITTER * (2 * s.random - 1));
  let delay = Math.max(s.startedAt + slot - s.endedAt, base / 2);
  if (s.retryAfterMs !== null) delay = Math.max(delay, s.retryAfterMs);
  else if (s.rateLimitedStreak > 0) delay = Math.max(delay, base * 2 ** Math.min(s.rateLimitedStreak, 10));
  return Math.round(Math.min(delay, Math.max(MAX_BACKOFF_MS, base)));
}
