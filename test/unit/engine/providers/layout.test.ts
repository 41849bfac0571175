import { describe, expect, it } from 'vitest';
import { fixBaseUrl } from '../../../../src-main/engine/providers/base-url.js';
import { profileById, profileFor } from '../../../../src-main/engine/providers/index.js';
import { closestModels, modelIds } from '../../../../src-main/engine/providers/models.js';
import { lowRateBudget } from '../../../../src-main/engine/server/rate-budget.js';
import { detectWaf } from '../../../../src-main/engine/http/waf.js';
import type { ProviderId } from '../../../../src-main/common/report.js';

const fix = (url: string, id: ProviderId) => fixBaseUrl(new URL(url), profileById(id));

describe('base URL layout (HTTP_WRONG_BASE_URL)', () => {
  it.each([
    ['https://api.openai.com/v1/v1/chat/completions', 'openai', 'doubled-version', 'https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1'],
    ['https://api.openai.com/chat/completions', 'openai', 'missing-base-path', 'https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/chat/completions/chat/completions', 'openai', 'endpoint-as-base', 'https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/chat/completions/models', 'openai', 'endpoint-as-base', 'https://api.openai.com/v1/models', 'https://api.openai.com/v1'],
    ['https://open.bigmodel.cn/api/v4/chat/completions', 'zhipu', 'missing-base-path', 'https://open.bigmodel.cn/api/paas/v4/chat/completions', 'https://open.bigmodel.cn/api/paas/v4'],
    ['https://open.bigmodel.cn/v4/chat/completions', 'zhipu', 'missing-base-path', 'https://open.bigmodel.cn/api/paas/v4/chat/completions', 'https://open.bigmodel.cn/api/paas/v4'],
    ['https://open.bigmodel.cn/api/paas/v4/api/paas/v4/chat/completions', 'zhipu', 'doubled-version', 'https://open.bigmodel.cn/api/paas/v4/chat/completions', 'https://open.bigmodel.cn/api/paas/v4'],
    ['https://dashscope.aliyuncs.com/v1/chat/completions', 'dashscope', 'missing-base-path', 'https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions', 'https://dashscope.aliyuncs.com/compatible-mode/v1'],
    ['https://openrouter.ai/v1/models', 'openrouter', 'missing-base-path', 'https://openrouter.ai/api/v1/models', 'https://openrouter.ai/api/v1'],
    ['https://api.moonshot.cn/chat/completions', 'moonshot', 'missing-base-path', 'https://api.moonshot.cn/v1/chat/completions', 'https://api.moonshot.cn/v1'],
  ] as const)('%s (%s) → %s', (url, id, problem, correctedUrl, correctedBase) => {
    expect(fix(url, id)).toMatchObject({ problem, correctedUrl, correctedBase, certain: true });
  });

  it.each([
    ['https://api.openai.com/v1/chat/completions', 'openai'],
    ['https://api.openai.com/v1/models/gpt-4o', 'openai'],
    ['https://api.deepseek.com/chat/completions', 'deepseek'],
    ['https://api.deepseek.com/v1/chat/completions', 'deepseek'],
    ['https://open.bigmodel.cn/api/paas/v4/chat/completions', 'zhipu'],
    ['https://open.bigmodel.cn/api/coding/paas/v4/chat/completions', 'zhipu'],
    ['https://open.bigmodel.cn/api/anthropic/v1/messages', 'zhipu'],
    ['https://open.bigmodel.cn/api/paas/v4/async/chat/completions', 'zhipu'],
    ['https://api.anthropic.com/v1/messages/count_tokens', 'anthropic'],
    ['https://dashscope.aliyuncs.com/api/v1/services/aigc/text-generation/generation', 'dashscope'],
    ['https://llm.internal.example/v1/chat/completions', 'generic'],
    ['https://my.openai.azure.com/openai/deployments/x/chat/completions?api-version=2024-10-21', 'azure-openai'],
  ] as const)('%s fits the %s layout', (url, id) => {
    expect(fix(url, id)).toBeNull();
  });

  it('an unknown API without a version gets a guess the probe must confirm', () => {
    expect(fix('https://llm.internal.example/chat/completions', 'generic')).toMatchObject({ correctedUrl: 'https://llm.internal.example/v1/chat/completions', certain: false });
    // open-webui serves /api/chat/completions: only a confirming probe may call it wrong.
    expect(fix('https://webui.example/api/chat/completions', 'generic')?.certain).toBe(false);
  });

  it('keeps the query string (Azure api-version)', () => {
    expect(fix('https://my.openai.azure.com/openai/v1/v1/chat/completions?api-version=preview', 'azure-openai')?.correctedUrl).toBe('https://my.openai.azure.com/openai/v1/chat/completions?api-version=preview');
  });
});

describe('provider hosts', () => {
  it.each([
    ['https://api.deepseek.com/chat/completions', 'deepseek'],
    ['https://api.moonshot.cn/v1/models', 'moonshot'],
    ['https://api.moonshot.ai/v1/models', 'moonshot'],
    ['https://dashscope.aliyuncs.com/compatible-mode/v1/models', 'dashscope'],
    ['https://dashscope-intl.aliyuncs.com/compatible-mode/v1/models', 'dashscope'],
    ['https://openrouter.ai/api/v1/models', 'openrouter'],
    ['https://api.z.ai/api/paas/v4/models', 'zhipu'],
  ])('%s → %s', (url, id) => {
    expect(profileFor({ provider: 'auto' }, new URL(url)).id).toBe(id);
  });

  it('siblings: the other region of the same provider', () => {
    expect(profileById('dashscope').siblings?.(new URL('https://dashscope-intl.aliyuncs.com/'))[0]?.origin).toBe('https://dashscope.aliyuncs.com');
    expect(profileById('moonshot').siblings?.(new URL('https://api.moonshot.ai/'))[0]?.origin).toBe('https://api.moonshot.cn');
    expect(profileById('zhipu').siblings?.(new URL('https://api.z.ai/'))[0]?.origin).toBe('https://open.bigmodel.cn');
  });

  it('every profile can build a one-token completion', () => {
    for (const id of ['openai', 'zhipu', 'anthropic', 'deepseek', 'moonshot', 'dashscope', 'openrouter'] as const) {
      const p = profileById(id);
      const base = p.knownBases(new URL('https://example.test/'))[0] ?? 'https://example.test/v1';
      const r = p.completionRequest(new URL(`${base.replace('<deployment>', 'd')}/models`), null)!;
      expect(r.method).toBe('POST');
      expect(JSON.parse(r.body!)).toMatchObject({ max_tokens: 1 });
      expect(JSON.parse(r.body!).stream).toBeUndefined();
    }
    expect(profileById('azure-openai').completionRequest(new URL('https://r.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21'), null)!.url.href).toBe('https://r.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21');
  });
});

describe('model lists', () => {
  it('reads OpenAI, Zhipu slug and bare-array shapes', () => {
    expect(modelIds('{"object":"list","data":[{"id":"gpt-4o"},{"id":"gpt-4o-mini"}]}')).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(modelIds('{"models":[{"slug":"glm-4-flash"}]}')).toEqual(['glm-4-flash']);
    expect(modelIds('["a","b"]')).toEqual(['a', 'b']);
    expect(modelIds('{"id":"chatcmpl-1","choices":[]}')).toEqual([]);
    expect(modelIds('<html>')).toEqual([]);
  });

  it('the closest names first', () => {
    expect(closestModels('gpt-4-1106-preveiw', ['o1', 'gpt-4o', 'gpt-4-1106-preview', 'gpt-3.5-turbo'], 2)).toEqual(['gpt-4-1106-preview', 'gpt-4o']);
    expect(closestModels('glm-4.6', ['glm-4-flash', 'glm-4.5', 'cogview-3'], 1)).toEqual(['glm-4.5']);
  });
});

describe('rate-limit budget (SERVER_RATE_LIMIT_LOW)', () => {
  it('names the lowest header at ≤ 5 % and its reset', () => {
    expect(lowRateBudget({ 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '3', 'x-ratelimit-reset-requests': '54s', 'x-ratelimit-limit-tokens': '30000', 'x-ratelimit-remaining-tokens': '29000' })).toEqual({
      header: 'x-ratelimit-remaining-requests', remaining: 3, limit: 500, limitHeader: 'x-ratelimit-limit-requests', percentLeft: 0.6, reset: '54s', resetHeader: 'x-ratelimit-reset-requests',
    });
    expect(lowRateBudget({ 'anthropic-ratelimit-tokens-limit': '40000', 'anthropic-ratelimit-tokens-remaining': '0', 'anthropic-ratelimit-tokens-reset': '2026-11-23T20:01:00Z' })).toMatchObject({ header: 'anthropic-ratelimit-tokens-remaining', remaining: 0, reset: '2026-11-23T20:01:00Z' });
    expect(lowRateBudget({ 'x-ratelimit-remaining': '0' })).toMatchObject({ header: 'x-ratelimit-remaining', remaining: 0 });
  });

  it('says nothing above 5 %, or without numbers', () => {
    expect(lowRateBudget({ 'x-ratelimit-limit-requests': '500', 'x-ratelimit-remaining-requests': '499' })).toBeNull();
    expect(lowRateBudget({ 'x-ratelimit-limit-requests': '100', 'x-ratelimit-remaining-requests': '6' })).toBeNull();
    expect(lowRateBudget({ 'x-ratelimit-remaining-requests': 'n/a' })).toBeNull();
    expect(lowRateBudget({})).toBeNull();
  });
});

describe('WAF detection stays narrow', () => {
  const a = (status: number, headers: Record<string, string>, bodyText: string, title: string | null = null) => ({ status, headers, bodyText, title });
  it('an API error or success behind Cloudflare is not a block', () => {
    expect(detectWaf(a(429, { server: 'cloudflare', 'cf-ray': 'x' }, '{"error":{"message":"Rate limit reached"}}'))).toBeNull();
    expect(detectWaf(a(200, { server: 'cloudflare', 'cf-ray': 'x', 'content-security-policy': "script-src https://cdnjs.cloudflare.com" }, '{"data":[]}'))).toBeNull();
    expect(detectWaf(a(400, { 'cf-ray': 'x' }, '{"error":{"message":"Error 1020 in your prompt"}}'))).toBeNull();
  });
  it('a 403 "Access Denied" without an Akamai reference is not Akamai', () => {
    expect(detectWaf(a(403, { server: 'nginx' }, '<h1>Access Denied</h1>'))).toBeNull();
  });
});

describe('credential rules of follow-up calls', () => {
  it('no secret over a certificate that failed verification', async () => {
    const { tlsTrustedFor } = await import('../../../../src-main/engine/auth/tls-trusted.js');
    const ctx = (tls: unknown) => ({ result: (() => tls) as never });
    const url = (protocol: string) => new URL(`${protocol}//api.example.com/v1/models`);
    expect(tlsTrustedFor(ctx({ status: 'ok', data: { authorized: false } }), url('https:'))).toBe(false);
    expect(tlsTrustedFor(ctx({ status: 'ok', data: { authorized: true } }), url('https:'))).toBe(true);
    expect(tlsTrustedFor(ctx(undefined), url('http:'))).toBe(true);
  });

  it('a key of another provider sent to DeepSeek, Moonshot, DashScope or OpenRouter is named before sending', async () => {
    const { keyMismatch } = await import('../../../../src-main/engine/providers/key-formats.js');
    expect(keyMismatch('deepseek', 'sk-ant-api03-abcdefghijklmnopqrstuv')?.owner).toBe('anthropic');
    expect(keyMismatch('openrouter', 'sk-or-v1-abcdef0123456789')).toBeNull();
    expect(keyMismatch('moonshot', 'sk-abcdef0123456789abcdef0123456789')).toBeNull();
  });
});
