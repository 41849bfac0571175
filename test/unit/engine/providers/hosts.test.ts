import { describe, expect, it } from 'vitest';
import { defaultRequest } from '../../../../src-main/common/request.js';
import { profileFor } from '../../../../src-main/engine/providers/index.js';
import { resolveProvider } from '../../../../src-main/engine/target.js';

const auto = (url: string) => profileFor({ provider: 'auto' }, new URL(url));

describe('provider recognition and placement', () => {
  it.each([
    ['https://api.openai.com/v1/models', 'openai', { kind: 'bearer' }],
    ['https://open.bigmodel.cn/api/paas/v4/chat/completions', 'zhipu', { kind: 'bearer' }],
    ['https://open.bigmodel.cn/api/coding/paas/v4/models', 'zhipu', { kind: 'bearer' }],
    ['https://api.z.ai/api/paas/v4/models', 'zhipu', { kind: 'bearer' }],
    ['https://open.bigmodel.cn/api/anthropic/v1/messages', 'zhipu', { kind: 'header', name: 'x-api-key' }],
    ['https://api.anthropic.com/v1/messages', 'anthropic', { kind: 'header', name: 'x-api-key' }],
    ['https://my-res.openai.azure.com/openai/deployments/gpt4o/chat/completions?api-version=2024-10-21', 'azure-openai', { kind: 'header', name: 'api-key' }],
    ['https://llm.internal.example/v1/models', 'generic', { kind: 'bearer' }],
  ])('%s → %s', (url, id, auth) => {
    const p = auto(url);
    expect(p.id).toBe(id);
    expect(p.auth(new URL(url))).toEqual(auth);
    expect(resolveProvider(defaultRequest(url), new URL(url))).toBe(id);
  });

  it('an explicit --provider wins over the host', () => {
    expect(resolveProvider(defaultRequest('http://127.0.0.1:8080/api/paas/v4/models', { provider: 'zhipu' }), new URL('http://127.0.0.1:8080/'))).toBe('zhipu');
  });

  it('cheap probe requests: a model list by default, the smallest streamed call only for --stream', () => {
    expect(auto('https://open.bigmodel.cn/api/paas/v4/chat/completions').modelsRequest(new URL('https://open.bigmodel.cn/api/paas/v4/chat/completions'))?.url.href).toBe('https://open.bigmodel.cn/api/paas/v4/models');
    const s = auto('https://api.anthropic.com/v1/messages').streamRequest(new URL('https://api.anthropic.com/v1/messages'), null)!;
    expect(s.url.href).toBe('https://api.anthropic.com/v1/messages');
    expect(JSON.parse(s.body!)).toMatchObject({ max_tokens: 1, stream: true });
    const az = new URL('https://r.openai.azure.com/openai/deployments/d1/chat/completions?api-version=2024-06-01');
    expect(auto(az.href).modelsRequest(az)?.url.href).toBe('https://r.openai.azure.com/openai/models?api-version=2024-06-01');
    expect(auto(az.href).streamRequest(az, null)?.url.pathname).toBe('/openai/deployments/d1/chat/completions');
  });

  it('Anthropic and Zhipu-Anthropic paths send the version header', () => {
    expect(auto('https://api.anthropic.com/v1/models').requiredHeaders(new URL('https://api.anthropic.com/v1/models'))).toEqual([{ name: 'anthropic-version', value: '2023-06-01' }]);
    expect(auto('https://api.z.ai/api/anthropic/v1/messages').requiredHeaders(new URL('https://api.z.ai/api/anthropic/v1/messages'))).toHaveLength(1);
    expect(auto('https://api.z.ai/api/paas/v4/models').requiredHeaders(new URL('https://api.z.ai/api/paas/v4/models'))).toEqual([]);
  });
});
