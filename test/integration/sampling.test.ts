import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson } from '../lab/index.js';
import { startWatchLab, type WatchLab } from '../lab/watch-lab.js';
import type { Report } from '../../src-main/common/report.js';

let lab: WatchLab;
beforeAll(async () => {
  lab = await startWatchLab();
  lab.script('/fail-first', (n) => (n === 1 ? { status: 503 } : n === 3 ? { status: 503 } : {}));
  lab.script('/slow', () => ({ delayMs: 120 }));
  lab.script('/timeout-then-ok', (n) => (n === 2 ? { hang: true } : n === 1 ? { status: 502 } : {}));
});
afterAll(async () => {
  await lab?.close();
});

const calls = (r: Report, path: string) => r.exchanges.filter((x) => new URL(x.request.url).pathname === path).length;

describe('adaptive sampling (default diagnose, no --samples)', () => {
  it('healthy and fast target → exactly one request, healthy, exit 0', async () => {
    const r = await diagnoseJson([lab.url('/ok'), '--timeout', '2000']);
    expect(r.report.summary.verdict).toBe('healthy');
    expect(calls(r.report, '/ok')).toBe(1);
    expect(lab.hits.get('/ok')!.length).toBe(1);
    expect(r.code).toBe(0);
  });

  it('--samples 3 is honoured on the same healthy target', async () => {
    const before = lab.hits.get('/ok')?.length ?? 0;
    const r = await diagnoseJson([lab.url('/ok'), '--timeout', '2000', '--samples', '3']);
    expect(calls(r.report, '/ok')).toBe(3);
    expect(lab.hits.get('/ok')!.length - before).toBe(3);
  });

  it('first answer fails transiently (503) → samples more and finds SERVER_FLAKY', async () => {
    const r = await diagnoseJson([lab.url('/fail-first'), '--timeout', '2000']);
    expect(calls(r.report, '/fail-first')).toBe(3);
    expect(codesOf(r.report)).toContain('SERVER_FLAKY');
    const f = r.report.findings.find((x) => x.code === 'SERVER_FLAKY')!;
    expect(f.evidence).toMatchObject({ samples: 3, failures: 2 });
  });

  it('first answer slow (over half of --slow-ms) → samples more and confirms SERVER_SLOW over 3 samples', async () => {
    const r = await diagnoseJson([lab.url('/slow'), '--timeout', '2000', '--slow-ms', '100']);
    expect(calls(r.report, '/slow')).toBe(3);
    const f = r.report.findings.find((x) => x.code === 'SERVER_SLOW')!;
    expect(f.evidence.samples).toBe(3);
  });

  it('a sample that times out counts toward SERVER_FLAKY', async () => {
    const r = await diagnoseJson([lab.url('/timeout-then-ok'), '--timeout', '400']);
    const f = r.report.findings.find((x) => x.code === 'SERVER_FLAKY');
    expect(f?.evidence).toMatchObject({ samples: 3, failures: 2 });
    expect(JSON.stringify(f?.evidence.outcomes)).toContain('HTTP_HEADERS_TIMEOUT');
  });
});
