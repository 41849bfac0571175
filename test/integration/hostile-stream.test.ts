import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnoseJson, type DiagnoseRun } from '../lab/diagnose.js';
import type { HostileServer } from '../lab/hostile-http.js';
import { activeResources, loopLagMs, settledResources } from '../lab/hostile-resources.js';
import { startEndlessSseServer } from '../lab/hostile-sse.js';

// An SSE stream that never ends (no [DONE], no close): the streamed-call probe and the plain GET
// both get it. The run must end on its budgets and close the stream it opened.

const TIMEOUT = 1000;
let server: HostileServer;
/** One run, shared: it takes a few seconds by design (the budgets), so both tests read it. */
let run: { r: DiagnoseRun; ms: number; open: Record<string, number> };
beforeAll(async () => {
  server = await startEndlessSseServer(50);
  const before = activeResources();
  const t0 = performance.now();
  const r = await diagnoseJson([server.url('http', '/v1/chat/completions'), '--timeout', String(TIMEOUT), '--samples', '1', '--stream']);
  run = { r, ms: performance.now() - t0, open: await settledResources(before) };
}, 30_000);
afterAll(() => server.close());

describe('an SSE stream that never ends', () => {
  it('ends on the budgets, closes the stream, and the process stays healthy', async () => {
    const { r, ms, open } = run;
    // Bounded: the http probe's budget is a few phases long (and the test below: within 2×).
    expect(ms).toBeLessThan(8 * TIMEOUT + 1000);
    expect(r.report.stages.find((s) => s.id === 'http')?.status).not.toBe('pass');
    expect(open).toEqual({});
    // The server sees its client gone: nothing more is sent.
    const sentAfter = server.sent();
    await new Promise((res) => setTimeout(res, 300));
    expect(server.sent()).toBe(sentAfter);
    expect(await loopLagMs()).toBeLessThan(200);
  });

  // Was a known bug (fixed: engine/http/exchange.ts gives the body one per-phase budget in total): a
  // body that never ends is now HTTP_BODY_TIMEOUT after --timeout, not read until the probe's budget.
  // The bound tells the two budgets apart (about 1-2 × --timeout against the probe's 8 ×) with room
  // for a loaded 2-core machine (3.2 s seen at load 24); it is not a timing benchmark.
  it('ends on the body budget, well before the probe budget, with a finding that names it', async () => {
    const { r, ms } = run;
    expect(r.report.findings.some((f) => f.stage === 'http' || f.stage === 'server')).toBe(true);
    expect(r.report.summary.verdict).not.toBe('healthy');
    expect(ms).toBeLessThan(4 * TIMEOUT + 500);
  });
});
