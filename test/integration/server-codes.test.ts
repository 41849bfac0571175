import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codesOf, diagnoseJson, stageOf } from '../lab/index.js';
import { LAB_KEYS, startHttpLab, type HttpLab } from '../lab/http-lab.js';

let lab: HttpLab;
beforeAll(async () => {
  lab = await startHttpLab();
});
afterAll(async () => {
  await lab?.close();
});

const env = { K: LAB_KEYS.openai, Z: LAB_KEYS.zhipu, A: LAB_KEYS.anthropic };
const run = (path: string, ...args: string[]) => diagnoseJson([lab.url(path), '--timeout', '2000', ...args], { env });
const first = (r: Awaited<ReturnType<typeof run>>) => r.report.findings.find((f) => f.code === r.report.summary.rootCause)!;

describe('server stage against the lab', () => {
  it('OpenAI 429 rate limit → SERVER_RATE_LIMITED with Retry-After and the x-ratelimit table; no sampling', async () => {
    const r = await run('/s/rate', '--token-env', 'K');
    expect(r.report.summary.rootCause).toBe('SERVER_RATE_LIMITED');
    expect(first(r).evidence).toMatchObject({ retryAfterSeconds: 20, limits: { 'retry-after': '20', 'x-ratelimit-remaining-requests': '0' }, providerCode: 'rate_limit_exceeded' });
    expect(first(r).evidence.requestId).toMatch(/^x-request-id: req_lab_429/);
    expect(lab.counters.get('rate')).toBe(1); // a rate limit is not hammered with samples
    expect(r.code).toBe(1);
  });

  it('OpenAI insufficient_quota (also 429) → SERVER_QUOTA_EXHAUSTED, saying retrying will not help', async () => {
    const r = await run('/s/quota', '--token-env', 'K');
    expect(r.report.summary.rootCause).toBe('SERVER_QUOTA_EXHAUSTED');
    expect(first(r).title).toContain('retrying will not help');
    expect(r.code).toBe(1);
  });

  it('Zhipu 1113 (429, Chinese message) → SERVER_QUOTA_EXHAUSTED; zh-CN human output quotes it', async () => {
    const r = await run('/s/zhipu-arrears', '--provider', 'zhipu', '--token-env', 'Z', '--lang', 'zh-CN');
    expect(r.report.summary.rootCause).toBe('SERVER_QUOTA_EXHAUSTED');
    expect(first(r).evidence).toMatchObject({ providerCode: '1113', providerMessage: '您的账户已欠费，请充值后重试。' });
    expect(first(r).title).toBe('账户额度或余额已用尽：重试没有用');
    expect(r.code).toBe(1);
  });

  it('Zhipu 1302 (429, concurrency) → SERVER_RATE_LIMITED, not quota', async () => {
    const r = await run('/s/zhipu-concurrency', '--provider', 'zhipu', '--token-env', 'Z');
    expect(r.report.summary.rootCause).toBe('SERVER_RATE_LIMITED');
    expect(r.code).toBe(1);
  });

  it('Anthropic rate_limit_error → SERVER_RATE_LIMITED with the anthropic-ratelimit-* table and request-id', async () => {
    const r = await run('/s/anthropic-rate', '--provider', 'anthropic', '--token-env', 'A');
    expect(r.report.summary.rootCause).toBe('SERVER_RATE_LIMITED');
    expect(first(r).evidence).toMatchObject({ retryAfterSeconds: 7, requestId: 'request-id: req_011rate', limits: { 'anthropic-ratelimit-requests-remaining': '0' } });
    expect(r.code).toBe(1);
  });

  it('Anthropic "credit balance is too low" (a 400) → SERVER_QUOTA_EXHAUSTED, not a bad request', async () => {
    const r = await run('/s/anthropic-credit', '--provider', 'anthropic', '--token-env', 'A');
    expect(r.report.summary.rootCause).toBe('SERVER_QUOTA_EXHAUSTED');
    expect(codesOf(r.report)).not.toContain('HTTP_BAD_REQUEST');
    expect(r.code).toBe(1);
  });

  it('503 → SERVER_UNAVAILABLE with Retry-After', async () => {
    const r = await run('/s/unavailable', '--samples', '1');
    expect(r.report.summary.rootCause).toBe('SERVER_UNAVAILABLE');
    expect(first(r).evidence.retryAfterSeconds).toBe(30);
    expect(r.code).toBe(1);
  });

  it('529 overloaded_error → SERVER_OVERLOADED', async () => {
    const r = await run('/s/overloaded', '--samples', '1');
    expect(r.report.summary.rootCause).toBe('SERVER_OVERLOADED');
    expect(r.code).toBe(1);
  });

  it('502 from a CDN → SERVER_BAD_GATEWAY naming who answered (server, cf-ray)', async () => {
    const r = await run('/s/bad-gateway', '--samples', '1');
    expect(r.report.summary.rootCause).toBe('SERVER_BAD_GATEWAY');
    expect(first(r).evidence.gateway).toEqual({ server: 'cloudflare', 'cf-ray': '8e1f2a3b4c5d-SJC' });
    expect(first(r).detail).toContain('cloudflare');
    expect(r.code).toBe(1);
  });

  it('504 from a gateway → SERVER_BAD_GATEWAY with via', async () => {
    const r = await run('/s/gateway-timeout', '--samples', '1');
    expect(r.report.summary.rootCause).toBe('SERVER_BAD_GATEWAY');
    expect(first(r).evidence.gateway).toMatchObject({ via: '1.1 lab-gateway' });
    expect(r.code).toBe(1);
  });

  it('500 → SERVER_ERROR with the request id', async () => {
    const r = await run('/s/server-error', '--samples', '1');
    expect(r.report.summary.rootCause).toBe('SERVER_ERROR');
    expect(first(r).detail).toContain('x-request-id');
    expect(r.code).toBe(1);
  });

  it('slow time to first byte over the samples → SERVER_SLOW (warn, degraded, exit 0)', async () => {
    const r = await run('/s/slow', '--slow-ms', '150', '--samples', '3');
    expect(codesOf(r.report)).toEqual(['SERVER_SLOW']);
    const f = r.report.findings[0]!;
    expect(f.evidence.samples).toBe(3);
    expect(f.evidence.p50TtfbMs).toBeGreaterThan(150);
    expect(r.report.summary).toMatchObject({ verdict: 'degraded', rootCause: null });
    expect(stageOf(r.report, 'server').status).toBe('warn');
    expect(r.code).toBe(0);
  });

  it('some samples fail, some succeed → SERVER_FLAKY (warn) with the error rate', async () => {
    const r = await run('/s/flaky', '--samples', '4');
    expect(codesOf(r.report)).toEqual(['SERVER_FLAKY']);
    expect(r.report.findings[0]!.evidence).toMatchObject({ samples: 4, failures: 2, errorRate: 0.5 });
    expect(r.report.summary.rootCause).toBeNull();
    expect(r.code).toBe(0);
  });

  it('sampling never repeats an expensive call: a POST completion samples the provider\'s model list, an unknown API is not sampled', async () => {
    const body = '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}';
    const known = await run('/openai/v1/chat/completions', '--provider', 'openai', '--token-env', 'K', '-X', 'POST', '-d', body, '--samples', '3');
    expect(known.report.exchanges.map((x) => `${x.request.method} ${new URL(x.request.url).pathname}`)).toEqual(['POST /openai/v1/chat/completions', 'GET /openai/v1/models', 'GET /openai/v1/models', 'GET /openai/v1/models']);
    expect(known.code).toBe(0);
    const unknown = await run('/openai/v1/chat/completions', '--token-env', 'K', '-X', 'POST', '-d', body, '--samples', '3');
    expect(unknown.report.exchanges).toHaveLength(1);
    expect(unknown.report.summary.verdict).toBe('healthy');
  });
});
