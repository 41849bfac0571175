import { describe, expect, it } from 'vitest';
import { runWatch, sampleLine, type WatchPlan } from '../../../src-main/engine/watch/run-watch.js';
import type { LightResult } from '../../../src-main/engine/watch/light-probe.js';
import { parseDuration, parseWatchArgs } from '../../../src-main/cli/watch-args.js';

const result = (rootCause: string | null, status = rootCause ? 503 : 200): LightResult => ({ at: new Date().toISOString(), ok: rootCause === null, rootCause, status, timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: 2, downloadMs: 1, totalMs: 4 }, retryAfterMs: null, certExpiry: null });
const plan = (over: Partial<WatchPlan> = {}): WatchPlan => ({ everyMs: 5, minIntervalMs: 0, count: null, forMs: null, ...over });

describe('the watch loop', () => {
  it('a full diagnosis on the first failure and on every change of root cause, not on repeats', async () => {
    const script = [null, 'SERVER_UNAVAILABLE', 'SERVER_UNAVAILABLE', null, 'TCP_REFUSED', 'SERVER_UNAVAILABLE', null];
    let i = 0;
    const diagnosed: string[] = [];
    const lines: string[] = [];
    const out = await runWatch(plan({ count: script.length }), {
      tick: async () => result(script[i++]!),
      diagnose: async (s) => (diagnosed.push(s.rootCause!), { rootCause: s.rootCause, verdict: 'failing', headline: 'h', bundle: null }),
      onSample: (s) => lines.push(sampleLine(s)),
    }, new AbortController().signal);
    expect(diagnosed).toEqual(['SERVER_UNAVAILABLE', 'TCP_REFUSED', 'SERVER_UNAVAILABLE']);
    expect(out.stats.summary()).toMatchObject({ samples: 7, failures: 4, rootCauses: { SERVER_UNAVAILABLE: 3, TCP_REFUSED: 1 } });
    expect(out.stopped).toBe(false);
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(parsed[0]!)).toEqual(['at', 'ok', 'rootCause', 'timings', 'status']);
    expect(parsed[0]!.rootCause).toBeNull();
    expect(parsed[1]!.diagnosis).toEqual({ rootCause: 'SERVER_UNAVAILABLE', verdict: 'failing', headline: 'h', bundle: null });
    expect(parsed[2]!.diagnosis).toBeUndefined();
  });

  it('ticks never overlap, even when a tick runs longer than the interval', async () => {
    let running = 0;
    let maxRunning = 0;
    const spans: [number, number][] = [];
    await runWatch(plan({ count: 5, everyMs: 10 }), {
      tick: async () => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        const t = performance.now();
        await new Promise((r) => setTimeout(r, 30));
        spans.push([t, performance.now()]);
        running--;
        return result(null);
      },
      diagnose: async () => null,
      onSample: () => {},
    }, new AbortController().signal);
    expect(maxRunning).toBe(1);
    for (let k = 1; k < spans.length; k++) expect(spans[k]![0]).toBeGreaterThanOrEqual(spans[k - 1]![1]);
  });

  it('an abort mid-tick stops the watch and the cut tick is not counted', async () => {
    const ac = new AbortController();
    let n = 0;
    const out = await runWatch(plan(), {
      tick: async () => {
        if (++n === 3) ac.abort();
        return result(null);
      },
      diagnose: async () => null,
      onSample: () => {},
    }, ac.signal);
    expect(out.stopped).toBe(true);
    expect(out.stats.samples).toBe(2);
  });

  it('--for ends the watch after its duration', async () => {
    const t0 = performance.now();
    const out = await runWatch(plan({ forMs: 120, everyMs: 50 }), { tick: async () => result(null), diagnose: async () => null, onSample: () => {} }, new AbortController().signal);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(out.stats.samples).toBeGreaterThanOrEqual(2);
    expect(out.stats.samples).toBeLessThanOrEqual(4);
  });
});

describe('watch arguments', () => {
  it('parses every/count/for/metrics/bundle-dir beside diagnose options', () => {
    const c = parseWatchArgs(['https://api.example.com/v1/models', '--every', '30', '--count', '5', '--timeout', '2000', '--metrics', '9464', '--bundle-dir', 'b', '--json'], '/tmp');
    expect(c).toMatchObject({ everyMs: 30_000, count: 5, forMs: null, metrics: { host: '127.0.0.1', port: 9464 }, bundleDir: '/tmp/b', json: true, minIntervalMs: 1000 });
    expect(c.request.timeoutMs).toBe(2000);
    expect(parseWatchArgs(['https://a.test/', '--every=2.5', '--for', '10m'], '/').forMs).toBe(600_000);
    expect(parseDuration('--for', '1.5h')).toBe(5_400_000);
  });
  it.each([
    [['https://a.test/'], /needs --every/],
    [['https://a.test/', '--every', '0.2'], /at least 1 s/],
    [['https://a.test/', '--every', '5', '--count', '3', '--for', '1m'], /either --count or --for/],
    [['https://a.test/', '--every', '5', '--count', '0'], /at least 1/],
    [['https://a.test/', '--every', '5', '--bundle', 'x.zip'], /--bundle-dir/],
    [['https://a.test/', '--every', '5', '--metrics', ':9464'], /name the host/],
    [['https://a.test/', '--every', '5', '--bench-min-interval-ms', '0'], /loopback/],
    [['https://a.test/', '--every', '5', '--for', 'soon'], /duration/],
    [['--every', '5'], /URL/],
  ])('%j → usage error', (args, msg) => {
    expect(() => parseWatchArgs(args, '/')).toThrow(msg);
  });
  it('the bench-only floor works against loopback', () => {
    expect(parseWatchArgs(['http://127.0.0.1:8080/', '--every', '10ms', '--bench-min-interval-ms', '0'], '/')).toMatchObject({ everyMs: 10, minIntervalMs: 0 });
  });
});
