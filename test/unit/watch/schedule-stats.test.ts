import { describe, expect, it } from 'vitest';
import { MAX_BACKOFF_MS, nextDelayMs, type ScheduleInput } from '../../../src-main/engine/watch/schedule.js';
import { WatchStats, PERCENTILE_WINDOW } from '../../../src-main/engine/watch/stats.js';
import type { WatchSample } from '../../../src-main/common/watch.js';

const at = (over: Partial<ScheduleInput> = {}): ScheduleInput => ({ everyMs: 5000, minIntervalMs: 1000, startedAt: 0, endedAt: 50, retryAfterMs: null, rateLimitedStreak: 0, random: 0.5, ...over });

describe('watch schedule', () => {
  it('the next tick starts one interval after this one started (no jitter at random 0.5)', () => {
    expect(nextDelayMs(at())).toBe(4950);
  });
  it('jitter stays within ±10 %', () => {
    expect(nextDelayMs(at({ random: 0, endedAt: 0 }))).toBe(4500);
    expect(nextDelayMs(at({ random: 0.999999, endedAt: 0 }))).toBe(5500);
  });
  it('a tick that ran past its slot delays the next: at least half an interval of quiet after it ends', () => {
    expect(nextDelayMs(at({ endedAt: 9000 }))).toBe(2500);
  });
  it('never more often than the minimum interval, whatever --every says', () => {
    expect(nextDelayMs(at({ everyMs: 10, endedAt: 0 }))).toBe(1000);
  });
  it('Retry-After is obeyed; a 429 without one doubles the wait per consecutive 429', () => {
    expect(nextDelayMs(at({ retryAfterMs: 30_000 }))).toBe(30_000);
    expect(nextDelayMs(at({ rateLimitedStreak: 1 }))).toBe(10_000);
    expect(nextDelayMs(at({ rateLimitedStreak: 3 }))).toBe(40_000);
    expect(nextDelayMs(at({ rateLimitedStreak: 12 }))).toBe(MAX_BACKOFF_MS);
    expect(nextDelayMs(at({ retryAfterMs: 3_600_000 }))).toBe(MAX_BACKOFF_MS);
  });
});

const sample = (ok: boolean, totalMs: number, rootCause: string | null = ok ? null : 'SERVER_UNAVAILABLE'): WatchSample => ({ at: '2026-11-29T10:00:00.000Z', ok, rootCause, status: ok ? 200 : 503, timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 1, downloadMs: 1, totalMs } });

describe('watch stats', () => {
  it('counts, failures, root causes and nearest-rank percentiles of successful totals', () => {
    const s = new WatchStats();
    for (let i = 1; i <= 20; i++) s.add(sample(true, i));
    s.add(sample(false, 900));
    s.add(sample(false, 5, 'TCP_REFUSED'));
    s.add(sample(false, 5, 'TCP_REFUSED'));
    expect(s.summary()).toEqual({ samples: 23, failures: 3, p50Ms: 10, p95Ms: 19, rootCauses: { SERVER_UNAVAILABLE: 1, TCP_REFUSED: 2 } });
    expect(s.recentFailures().map((f) => f.rootCause)).toEqual(['SERVER_UNAVAILABLE', 'TCP_REFUSED', 'TCP_REFUSED']);
  });
  it('no successful sample → null percentiles', () => {
    const s = new WatchStats();
    s.add(sample(false, 3));
    expect(s.summary()).toMatchObject({ p50Ms: null, p95Ms: null });
  });
  it('memory is bounded: percentiles over the last window, recent ring of 60', () => {
    const s = new WatchStats();
    for (let i = 0; i < PERCENTILE_WINDOW + 500; i++) s.add(sample(true, i < 500 ? 100_000 : 1));
    expect(s.summary().p95Ms).toBe(1);
    expect(s.recent()).toHaveLength(60);
    expect(s.summary().samples).toBe(PERCENTILE_WINDOW + 500);
  });
});
