import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson } from '../lab/index.js';
import { startHttpLab, type HttpLab } from '../lab/http-lab.js';

let lab: HttpLab;
beforeAll(async () => {
  lab = await startHttpLab();
});
afterAll(async () => {
  await lab?.close();
});

const run = (path: string, ...args: string[]) => diagnoseJson([lab.url(path), '--stream', '--samples', '1', ...args]);

describe('streaming (--stream) against the lab', () => {
  it('an error event after 200 → STREAM_ERROR_EVENT quoting it', async () => {
    const r = await run('/s/sse-error/v1/models', '--timeout', '2000');
    expect(r.report.summary.rootCause).toBe('STREAM_ERROR_EVENT');
    expect(r.report.findings[0]!.evidence).toMatchObject({ status: 200, events: 3, message: 'The server had an error processing your request.' });
    expect(r.code).toBe(1);
  });

  it('the connection closes before [DONE] → STREAM_INTERRUPTED (closed)', async () => {
    const r = await run('/s/sse-cut/v1/models', '--timeout', '2000');
    expect(r.report.summary.rootCause).toBe('STREAM_INTERRUPTED');
    expect(r.report.findings[0]!.evidence).toMatchObject({ events: 2, cut: 'closed' });
    expect(r.code).toBe(1);
  });

  it('an endless stream ends at the budget → STREAM_INTERRUPTED (budget), bounded', async () => {
    const t0 = Date.now();
    const r = await run('/s/sse-endless/v1/models', '--timeout', '500');
    expect(codesOf(r.report)).toEqual(['STREAM_INTERRUPTED']);
    expect(r.report.findings[0]!.evidence.cut).toBe('budget');
    expect(Date.now() - t0).toBeLessThan(15_000);
    expect(r.code).toBe(1);
  });
});
