import { describe, expect, it, vi } from 'vitest';
import { defaultRequest } from '../../../../src-main/common/request.js';
import type { ProbeContext, ProbeResult } from '../../../../src-main/engine/probe.js';
import { serverProbe } from '../../../../src-main/engine/probes/server.js';
import { Redactor } from '../../../../src-main/engine/redact.js';
import type { HttpProbeData, AnswerSummary } from '../../../../src-main/engine/http/types.js';
import type { CredentialPlan } from '../../../../src-main/engine/auth/plan.js';

// A quota answer stops sampling whatever its status: a 402, a 403 insufficient_quota or a 400
// "credit balance too low" is as final as a 429, and more calls only cost the user. The target is
// loopback port 1, so even a mutant that samples on never leaves the machine.
const plan: CredentialPlan = { source: 'credential', sentAs: 'Bearer (Authorization header)', headerName: 'authorization', scheme: 'bearer', fingerprint: 'sk-…0000', problem: null, withheld: false, withheldReason: null, placement: { kind: 'bearer' } };
const answer = (status: number): AnswerSummary => ({ url: 'http://127.0.0.1:1/v1/models', method: 'GET', status, statusText: '', headers: {}, contentType: 'application/json', bodyText: '{}', bodyTruncated: false, html: false, title: null, receivedAt: 0, serverIp: '127.0.0.1', ttfbMs: 12, requestBytes: 0 });

function ctx(status: number, verdict: HttpProbeData['verdict']): { ctx: ProbeContext; recorded: ReturnType<typeof vi.fn> } {
  const http: HttpProbeData = { provider: 'generic', plan, hops: [], answer: answer(status), error: null, loop: null, downgrade: null, refused: null, oauthFailed: false, timing: { ttfbMs: 12 }, verdict } as HttpProbeData;
  const recorded = vi.fn();
  const request = defaultRequest('http://127.0.0.1:1/v1/models', { samples: 5 });
  const c = {
    request,
    target: new URL(request.url),
    signal: new AbortController().signal,
    budgetMs: 60_000,
    result: <T>(id: string) => (id === 'http' ? ({ status: 'ok', data: http, durationMs: 1 } as ProbeResult<T>) : undefined),
    platform: { now: () => Date.now() },
    credential: null,
    redactor: new Redactor(),
    recordExchange: recorded,
  } as unknown as ProbeContext;
  return { ctx: c, recorded };
}

describe('server probe: when sampling stops before it starts', () => {
  it.each([
    [402, 'SERVER_QUOTA_EXHAUSTED'],
    [403, 'SERVER_QUOTA_EXHAUSTED'],
    [400, 'SERVER_QUOTA_EXHAUSTED'],
    [429, 'SERVER_RATE_LIMITED'],
    [200, 'SERVER_QUOTA_EXHAUSTED'],
  ] as const)('a %i answer judged %s: no further request, a note says why', async (status, code) => {
    const { ctx: c, recorded } = ctx(status, { code, evidence: {} });
    const out = await serverProbe.run(c);
    expect(out.status).toBe('ok');
    expect(out.data?.samples).toHaveLength(1);
    expect(out.data?.note).toBeTruthy();
    expect(recorded).not.toHaveBeenCalled();
  });
});
