import { isSampleFailure } from './sample-class.js';

/**
 * Adaptive sampling: how many requests the server probe makes in all (the http probe's answer
 * counts as the first when the sampled call is the user's own).
 *
 * A healthy, fast first answer is the common case, and two more requests with a pause before
 * each would triple the cost of a default diagnosis (~400 ms of pauses alone) for nothing: it is
 * taken as one sample. More samples are taken, with the pause, only when the first answer makes
 * them informative — it failed in a way that can pass (a 5xx, a reset, a timeout: SERVER_FLAKY
 * needs a second look) or it was slow enough that SERVER_SLOW is in question (over half of
 * `slowMs`) — or when the user asked for a number (`--samples N`, `samplesExplicit`), which is
 * then honoured exactly. An intermittent failure behind a healthy first answer is what `watch`
 * is for.
 */

export interface FirstAnswer {
  /** The contract code the first answer implies, null when it was healthy. */
  code: string | null;
  ttfbMs: number | null;
}

export interface SamplingInput {
  /** request.samples: the user's number, or the default ceiling. */
  requested: number;
  /** True when the user set the number (`--samples`): sample exactly that many. */
  explicit: boolean;
  slowMs: number;
  first: FirstAnswer;
}

export type SamplingReason = 'explicit' | 'healthy-and-fast' | 'slow' | 'transient-failure' | 'same-every-time';

export interface SamplingDecision {
  /** Samples in all, the first answer included (>= 1). */
  total: number;
  reason: SamplingReason;
}

/** A first answer this slow (a fraction of slowMs) may be SERVER_SLOW: the median needs more than one sample. */
export const SLOW_FRACTION = 0.5;

/**
 * Failures that can pass on a retry: server-side errors, and the connection or the answer
 * breaking or timing out: the one classification from the code table (sample-class.ts) that the
 * error rate, SERVER_FLAKY and the sampling stop rule use too, timeouts included.
 */
export const isTransientFailure = (code: string): boolean => isSampleFailure(code);

export function decideSampling(inp: SamplingInput): SamplingDecision {
  const requested = Math.max(1, Math.floor(inp.requested));
  if (inp.explicit) return { total: requested, reason: 'explicit' };
  const { code, ttfbMs } = inp.first;
  if (code !== null) return isTransientFailure(code) ? { total: requested, reason: 'transient-failure' } : { total: 1, reason: 'same-every-time' };
  if (ttfbMs !== null && ttfbMs > inp.slowMs * SLOW_FRACTION) return { total: requested, reason: 'slow' };
  return { total: 1, reason: 'healthy-and-fast' };
}
