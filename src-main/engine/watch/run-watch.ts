import type { WatchDiagnosis, WatchSample } from '../../common/watch.js';
import type { LightResult } from './light-probe.js';
import { nextDelayMs } from './schedule.js';
import { WatchStats } from './stats.js';

export interface WatchPlan {
  everyMs: number;
  minIntervalMs: number;
  /** Stop after this many samples (--count); null: no limit. */
  count: number | null;
  /** Stop after this long (--for); null: no limit. */
  forMs: number | null;
}

export interface WatchHooks {
  /** One light probe. */
  tick(signal: AbortSignal): Promise<LightResult>;
  /** A full diagnosis (and bundle) for a failed sample; null when it could not run. */
  diagnose(sample: LightResult, signal: AbortSignal): Promise<WatchDiagnosis | null>;
  /** Each sample, once counted (the diagnosis attached when one ran). */
  onSample(sample: LightResult, stats: WatchStats): void;
  /** Tests fix these; the defaults are the real clock and Math.random. */
  now?: () => number;
  random?: () => number;
  /** Continue these figures (a resumed watch) instead of starting from zero. */
  stats?: WatchStats;
}

export interface WatchOutcome {
  stats: WatchStats;
  /** True when the signal stopped the watch (Ctrl-C) rather than --count/--for. */
  stopped: boolean;
}

/**
 * The watch loop: one tick at a time (a tick is awaited before the next is scheduled, so ticks
 * never overlap), a full diagnosis on the first failure and on every change of root cause, then
 * the polite wait of schedule.ts. A tick cut short by the signal is not counted.
 */
export async function runWatch(plan: WatchPlan, hooks: WatchHooks, signal: AbortSignal): Promise<WatchOutcome> {
  const now = hooks.now ?? (() => performance.now());
  const random = hooks.random ?? Math.random;
  const stats = hooks.stats ?? new WatchStats();
  const t0 = now();
  let diagnosedCause: string | null = null;
  let streak = 0;
  const first = stats.samples;
  for (;;) {
    if (signal.aborted) break;
    if (plan.count !== null && stats.samples - first >= plan.count) break;
    if (plan.forMs !== null && now() - t0 >= plan.forMs) break;
    const startedAt = now();
    const sample = await hooks.tick(signal);
    if (signal.aborted) break;
    if (!sample.ok && sample.rootCause !== diagnosedCause) {
      diagnosedCause = sample.rootCause;
      const d = await hooks.diagnose(sample, signal).catch(() => null);
      if (d) sample.diagnosis = d;
    }
    stats.add(sample);
    hooks.onSample(sample, stats);
    streak = sample.status === 429 ? streak + 1 : 0;
    if (plan.count !== null && stats.samples - first >= plan.count) break;
    let delay = nextDelayMs({ everyMs: plan.everyMs, minIntervalMs: plan.minIntervalMs, startedAt, endedAt: now(), retryAfterMs: sample.retryAfterMs, rateLimitedStreak: streak, random: random() });
    if (plan.forMs !== null) {
      const left = t0 + plan.forMs - now();
      if (left <= 0) break;
      delay = Math.min(delay, left);
    }
    await sleep(delay, signal);
  }
  return { stats, stopped: signal.aborted };
}

/** The JSON line of a sample: the contract's four keys first, then status and any diagnosis. */
export function sampleLine(s: WatchSample): string {
  const { at, ok, rootCause, timings, status, diagnosis } = s;
  return JSON.stringify({ at, ok, rootCause, timings, status, ...(diagnosis ? { diagnosis } : {}) });
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
