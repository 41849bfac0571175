import type { Timings } from './report.js';

/**
 * One tick of `api-doctor watch` (contract section 8): the JSON line it prints. `rootCause` is
 * the contract code of a failed sample, null when it succeeded.
 */
export interface WatchSample {
  /** ISO time the tick started. */
  at: string;
  ok: boolean;
  rootCause: string | null;
  timings: Timings;
  /** HTTP status of the final answer; null when none arrived. */
  status: number | null;
  /** Set on the tick that triggered a full diagnosis (first failure, change of root cause). */
  diagnosis?: WatchDiagnosis;
}

export interface WatchDiagnosis {
  rootCause: string | null;
  verdict: string;
  headline: string;
  /** The bundle written for it (--bundle-dir), or null. */
  bundle: string | null;
}

/** The last JSON line: `{ "summary": WatchSummary }`. */
export interface WatchSummary {
  samples: number;
  failures: number;
  /** Nearest-rank percentiles of the total time of successful samples; null when none succeeded. */
  p50Ms: number | null;
  p95Ms: number | null;
  rootCauses: Record<string, number>;
}

export type WatchState = 'running' | 'stopped';

/** The app's `watch` event: a new sample, or the watch started/stopped. */
export type WatchEvent =
  | { watchId: string; kind: 'sample'; index: number; sample: WatchSample; summary: WatchSummary }
  | { watchId: string; kind: 'state'; state: WatchState; summary: WatchSummary };
