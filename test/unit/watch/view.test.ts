import { describe, expect, it } from 'vitest';
import { LiveView, plainLine, sparkline, summaryText } from '../../../src-main/cli/watch-view.js';
import { WatchStats } from '../../../src-main/engine/watch/stats.js';
import type { WatchSample } from '../../../src-main/common/watch.js';

const s = (ok: boolean, totalMs: number, over: Partial<WatchSample> = {}): WatchSample => ({ at: '2026-11-29T10:00:05.000Z', ok, rootCause: ok ? null : 'SERVER_UNAVAILABLE', status: ok ? 200 : 503, timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 1, downloadMs: 1, totalMs }, ...over });

describe('watch terminal view', () => {
  it('sparkline scales to the largest successful total and marks failures', () => {
    expect(sparkline([{ ok: true, totalMs: 10 }, { ok: true, totalMs: 80 }, { ok: false, totalMs: 5 }, { ok: true, totalMs: 40 }])).toBe('▁█✗▄');
  });
  it('plain lines and the summary, in English and Chinese', () => {
    expect(plainLine(s(false, 3.2, { diagnosis: { rootCause: 'SERVER_UNAVAILABLE', verdict: 'failing', headline: 'Down', bundle: '/b.zip' } }))).toBe('10:00:05  FAIL  503  3 ms  SERVER_UNAVAILABLE\n          full diagnosis: SERVER_UNAVAILABLE — Down (bundle /b.zip)\n');
    const sum = { samples: 4, failures: 1, p50Ms: 12, p95Ms: 30, rootCauses: { SERVER_UNAVAILABLE: 1 } };
    expect(summaryText(sum)).toBe('4 samples, 1 failed (25.0 %), p50 12 ms, p95 30 ms; root causes: SERVER_UNAVAILABLE ×1\n');
    expect(summaryText(sum, 'zh-CN')).toBe('4 次采样，1 次失败（25.0 %），p50 12 ms，p95 30 ms；根本原因：SERVER_UNAVAILABLE ×1\n');
  });
  it('redraws in place: cursor up over the previous block and clear, one write per sample', () => {
    const writes: string[] = [];
    const view = new LiveView({ write: (x: string) => writes.push(x) }, 'title');
    const stats = new WatchStats();
    stats.add(s(true, 10));
    view.draw(stats, s(true, 10));
    stats.add(s(false, 5));
    view.draw(stats, s(false, 5));
    expect(writes).toHaveLength(2);
    expect(writes[0]!.startsWith('title\n')).toBe(true);
    expect(writes[1]!.startsWith('\x1b[3F\x1b[Jtitle\n')).toBe(true);
    expect(writes[1]).toContain('last failures:');
  });
});
