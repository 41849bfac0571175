import { describe, expect, it } from 'vitest';
import type { CredentialPlan } from '../../../../src-main/engine/auth/plan.js';
import { judgeAnswer } from '../../../../src-main/engine/http/answer-finding.js';
import type { AnswerSummary } from '../../../../src-main/engine/http/types.js';
import { profileById } from '../../../../src-main/engine/providers/index.js';

// Every status branch of the answer judge for an API we know nothing about, so a changed boundary
// or a dropped branch is caught (docs/testing.md).
const plan: CredentialPlan = { source: 'credential', sentAs: 'Bearer (Authorization header)', headerName: 'authorization', scheme: 'bearer', fingerprint: 'sk-…0000', problem: null, withheld: false, withheldReason: null, placement: { kind: 'bearer' } };
const a = (status: number, body: unknown = {}, over: Partial<AnswerSummary> = {}): AnswerSummary => ({ url: 'https://api.example.test/v1/things', method: 'POST', status, statusText: '', headers: {}, contentType: 'application/json', bodyText: typeof body === 'string' ? body : JSON.stringify(body), bodyTruncated: false, html: false, title: null, receivedAt: 0, serverIp: null, ttfbMs: 1, requestBytes: 12, ...over });
const judge = (x: AnswerSummary) => judgeAnswer(x, plan, profileById('generic'));

describe('judging a status', () => {
  it('503: "overloaded" in the error is overload (back off), anything else is unavailable', () => {
    expect(judge(a(503, { error: { type: 'overloaded_error', message: 'Overloaded' } }))?.code).toBe('SERVER_OVERLOADED');
    expect(judge(a(503, { error: { message: 'The engine is currently overloaded, please try again later' } }))?.code).toBe('SERVER_OVERLOADED');
    expect(judge(a(503, { error: { message: 'Service temporarily unavailable' } }))?.code).toBe('SERVER_UNAVAILABLE');
    expect(judge(a(503, 'upstream connect error'))?.code).toBe('SERVER_UNAVAILABLE');
  });

  it.each([
    [200, null],
    [204, null],
    [299, null],
    [301, null],
    [399, null],
    [400, 'HTTP_BAD_REQUEST'],
    [402, 'SERVER_QUOTA_EXHAUSTED'],
    [403, 'AUTH_FORBIDDEN'],
    [404, 'HTTP_NOT_FOUND'],
    [405, 'HTTP_METHOD_NOT_ALLOWED'],
    [409, 'HTTP_BAD_REQUEST'],
    [410, 'HTTP_NOT_FOUND'],
    [413, 'HTTP_PAYLOAD_TOO_LARGE'],
    [415, 'HTTP_BAD_REQUEST'],
    [418, 'HTTP_BAD_REQUEST'],
    [422, 'HTTP_BAD_REQUEST'],
    [429, 'SERVER_RATE_LIMITED'],
    [500, 'SERVER_ERROR'],
    [501, 'SERVER_ERROR'],
    [502, 'SERVER_BAD_GATEWAY'],
    [504, 'SERVER_BAD_GATEWAY'],
    [529, 'SERVER_OVERLOADED'],
  ])('%i → %s', (status, code) => {
    expect(judge(a(status))?.code ?? null).toBe(code);
  });

  it('keeps what the next step needs in the evidence', () => {
    expect(judge(a(405, {}, { headers: { allow: 'GET' } }))?.evidence).toMatchObject({ method: 'POST', allow: 'GET' });
    expect(judge(a(413))?.evidence).toMatchObject({ requestBytes: 12 });
    expect(judge(a(429, {}, { headers: { 'retry-after': '7' } }))?.evidence).toMatchObject({ retryAfterSeconds: 7 });
    expect(judge(a(400, { error: { message: 'bad field "x"' } }))?.evidence).toMatchObject({ serverMessage: 'bad field "x"', method: 'POST' });
    expect(judge(a(403, 'no   access\n here'))?.evidence).toMatchObject({ reason: 'no access here', credential: 'sk-…0000' });
  });

  it('an HTML page where JSON was expected (2xx, 401, 403) is unexpected content, with the title', () => {
    const html = (status: number) => a(status, '<html><head><title>Portal</title></head><body><script>x()</script>Sign in</body></html>', { html: true, title: 'Portal', contentType: 'text/html' });
    for (const s of [200, 403]) expect(judge(html(s)), String(s)).toMatchObject({ code: 'HTTP_UNEXPECTED_CONTENT', evidence: { title: 'Portal', snippet: 'Portal Sign in' } });
    expect(judge(html(500))?.code).toBe('SERVER_ERROR');
  });
});
