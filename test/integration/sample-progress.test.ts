import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDiagnosis } from '../../src-main/engine/run.js';
import { defaultRequest } from '../../src-main/common/request.js';
import type { ProgressEvent, SampleEvent } from '../../src-main/common/progress.js';
import { startWatchLab, type WatchLab } from '../lab/watch-lab.js';

/**
 * The server probe says which sample it is at while it samples ("sample 2 of 5"): one `started`
 * and one `finished` event per request it sends, numbered as the report counts samples (the http
 * probe's answer is sample 1), in order, each before the next request, all before `done`.
 */
let lab: WatchLab;
beforeAll(async () => {
  lab = await startWatchLab();
  lab.script('/flaky', (n) => (n % 2 === 1 ? { status: 503 } : {}));
  lab.script('/ok', () => ({}));
});
afterAll(async () => {
  await lab?.close();
});

async function run(path: string, over: Parameters<typeof defaultRequest>[1]): Promise<{ events: ProgressEvent[]; samples: SampleEvent[] }> {
  const events: ProgressEvent[] = [];
  await runDiagnosis(defaultRequest(lab.url(path), { timeoutMs: 2000, ...over }), { onProgress: (e) => events.push(e), platform: { env: {} }, clientMatrix: false });
  return { events, samples: events.filter((e): e is SampleEvent => e.type === 'sample') };
}

describe('per-sample progress events', () => {
  it('--samples 5: samples 2..5 of 5, started then finished, in order, inside the server probe', async () => {
    const before = lab.hits.get('/flaky')?.length ?? 0;
    const { events, samples } = await run('/flaky', { samples: 5, samplesExplicit: true });
    expect(samples.map((e) => `${e.state} ${e.n}/${e.of}`)).toEqual(['started 2/5', 'finished 2/5', 'started 3/5', 'finished 3/5', 'started 4/5', 'finished 4/5', 'started 5/5', 'finished 5/5']);
    expect(samples.every((e) => e.probe === 'server' && e.stage === 'server')).toBe(true);
    // What each finished sample got: the lab answers 503 on odd requests (the first was the http probe's).
    expect(samples.filter((e) => e.state === 'finished').map((e) => e.status)).toEqual([200, 503, 200, 503]);
    expect(samples.find((e) => e.state === 'finished' && e.status === 503)?.code).toBe('SERVER_UNAVAILABLE');
    // One request per started event (the first request was the http probe's own).
    expect((lab.hits.get('/flaky')?.length ?? 0) - before).toBe(5);
    const idx = (pred: (e: ProgressEvent) => boolean) => events.findIndex(pred);
    const started = idx((e) => e.type === 'probe-started' && e.probe === 'server');
    const finished = idx((e) => e.type === 'probe-finished' && e.probe === 'server');
    expect(started).toBeGreaterThanOrEqual(0);
    expect(idx((e) => e.type === 'sample')).toBeGreaterThan(started);
    expect(events.findLastIndex((e) => e.type === 'sample')).toBeLessThan(finished);
    expect(events.at(-1)?.type).toBe('done');
  });

  it('a healthy, fast first answer (adaptive sampling): no sample is sent, so no sample event', async () => {
    const { samples, events } = await run('/ok', {});
    expect(samples).toEqual([]);
    expect(events.some((e) => e.type === 'probe-finished' && e.probe === 'server' && e.status === 'ok')).toBe(true);
  });
});
