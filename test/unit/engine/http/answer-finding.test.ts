import { describe, expect, it } from 'vitest';
import type { CredentialPlan } from '../../../../src-main/engine/auth/plan.js';
import { judgeAnswer } from '../../../../src-main/engine/http/answer-finding.js';
import type { AnswerSummary } from '../../../../src-main/engine/http/types.js';
import { profileById } from '../../../../src-main/engine/providers/index.js';

const bearer: CredentialPlan = { source: 'credential', sentAs: 'Bearer (Authorization header)', headerName: 'authorization', scheme: 'bearer', fingerprint: 'sk-…0000', problem: null, withheld: false, withheldReason: null, placement: { kind: 'bearer' } };
const xApiKey: CredentialPlan = { ...bearer, sentAs: 'header x-api-key', headerName: 'x-api-key', scheme: null, placement: { kind: 'header', name: 'x-api-key' } };
const a = (over: Partial<AnswerSummary>): AnswerSummary => ({ url: 'https://api.openai.com/models', method: 'GET', status: 200, statusText: '', headers: {}, contentType: 'application/json', bodyText: '{}', bodyTruncated: false, html: false, title: null, receivedAt: 0, serverIp: null, ttfbMs: 1, requestBytes: 0, ...over });

describe('judging an answer', () => {
  it('404 on OpenAI without the /v1 prefix is a wrong base URL with the corrected URL; on the right base a plain 404', () => {
    const v = judgeAnswer(a({ status: 404 }), bearer, profileById('openai'))!;
    expect(v.code).toBe('HTTP_WRONG_BASE_URL');
    expect(v.evidence).toMatchObject({ problem: 'missing-base-path', correctedUrl: 'https://api.openai.com/v1/models', correctedBase: 'https://api.openai.com/v1' });
    const right = judgeAnswer(a({ status: 404, url: 'https://api.openai.com/v1/modelz' }), bearer, profileById('openai'))!;
    expect(right.code).toBe('HTTP_NOT_FOUND');
    expect(right.evidence.suggestedBases).toBeUndefined();
  });

  it('a Cloudflare block page (403 HTML) is a WAF block naming the CDN, not a permission problem', () => {
    const v = judgeAnswer(a({ status: 403, html: true, title: 'Attention Required! | Cloudflare', contentType: 'text/html', bodyText: '<html><title>Attention Required! | Cloudflare</title></html>' }), bearer, profileById('generic'))!;
    expect(v.code).toBe('HTTP_BLOCKED_BY_WAF');
    expect(v.evidence).toMatchObject({ cdn: 'Cloudflare', title: 'Attention Required! | Cloudflare' });
  });

  it('an HTML page without a CDN signature stays unexpected content', () => {
    const v = judgeAnswer(a({ status: 403, html: true, title: 'Forbidden', contentType: 'text/html', bodyText: '<html><title>Forbidden</title><body>Access denied by corporate policy</body></html>' }), bearer, profileById('generic'))!;
    expect(v.code).toBe('HTTP_UNEXPECTED_CONTENT');
  });

  it('401: a Bearer challenge while we sent x-api-key is a scheme mismatch; a plain refusal is rejected', () => {
    expect(judgeAnswer(a({ status: 401, headers: { 'www-authenticate': 'Bearer realm="api"' } }), xApiKey, profileById('generic'))!.code).toBe('AUTH_SCHEME_MISMATCH');
    expect(judgeAnswer(a({ status: 401, headers: { 'www-authenticate': 'Bearer realm="api"' } }), bearer, profileById('generic'))!.code).toBe('AUTH_REJECTED');
    expect(judgeAnswer(a({ status: 401, headers: { 'www-authenticate': 'Bearer error="invalid_token", error_description="Token expired"' } }), bearer, profileById('generic'))!.code).toBe('AUTH_TOKEN_EXPIRED');
  });

  it('after a failed OAuth token request, the 401 is not judged again', () => {
    expect(judgeAnswer(a({ status: 401 }), { ...bearer, source: 'none' }, profileById('generic'), true)).toBeNull();
  });

  it('a precheck problem wins over whatever the server answered', () => {
    const problem = { code: 'AUTH_MALFORMED' as const, evidence: { problems: ['quotes'] } };
    expect(judgeAnswer(a({ status: 200 }), { ...bearer, problem, withheld: true }, profileById('generic'))!.code).toBe('AUTH_MALFORMED');
  });

  it('2xx JSON is fine; 402 is quota; 429 with no body is a rate limit; 5xx by status', () => {
    expect(judgeAnswer(a({}), bearer, profileById('openai'))).toBeNull();
    expect(judgeAnswer(a({ status: 402, bodyText: '' }), bearer, profileById('generic'))!.code).toBe('SERVER_QUOTA_EXHAUSTED');
    expect(judgeAnswer(a({ status: 429, bodyText: '' }), bearer, profileById('generic'))!.code).toBe('SERVER_RATE_LIMITED');
    expect(judgeAnswer(a({ status: 529, bodyText: '' }), bearer, profileById('generic'))!.code).toBe('SERVER_OVERLOADED');
    expect(judgeAnswer(a({ status: 504, bodyText: '' }), bearer, profileById('generic'))!.code).toBe('SERVER_BAD_GATEWAY');
    expect(judgeAnswer(a({ status: 507, bodyText: '' }), bearer, profileById('generic'))!.code).toBe('SERVER_ERROR');
  });
});
