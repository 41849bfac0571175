import { describe, expect, it } from 'vitest';
import { checkUrl, PRESETS } from '../../../src-main/common/presets.js';
import { detectProvider } from '../../../src-main/common/providers.js';
import { resolveProvider } from '../../../src-main/engine/target.js';
import { defaultRequest } from '../../../src-main/common/request.js';

describe('provider presets', () => {
  it('cover the providers of the issue, and the engine agrees on the provider of each URL', () => {
    expect(PRESETS.map((p) => p.name)).toEqual(['OpenAI', 'Azure OpenAI', 'Anthropic', 'Zhipu BigModel', 'Z.ai', 'DeepSeek', 'Moonshot / Kimi', 'Qwen / DashScope', 'OpenRouter']);
    for (const p of PRESETS) {
      const url = p.url.replace('YOUR-RESOURCE', 'me');
      expect(resolveProvider(defaultRequest(url), new URL(url)), p.name).toBe(p.provider);
      expect(detectProvider(url), p.name).toBe(p.provider);
      if (p.method === 'POST') expect(JSON.parse(p.body!)).toMatchObject({ max_tokens: 1 });
    }
  });
});

describe('URL check', () => {
  it('says what is wrong and what was probably meant', () => {
    expect(checkUrl('https://api.openai.com/v1/models')).toBeNull();
    expect(checkUrl('api.openai.com/v1/models')).toEqual({ problem: 'scheme', suggestion: 'https://api.openai.com/v1/models' });
    expect(checkUrl('https://https://api.openai.com/v1')).toEqual({ problem: 'invalid', suggestion: 'https://api.openai.com/v1' });
    expect(checkUrl('https://api.openai.com/v1/ models')).toEqual({ problem: 'invalid', suggestion: 'https://api.openai.com/v1/models' });
    expect(checkUrl('ftp://x.test/')).toEqual({ problem: 'scheme', suggestion: null });
    expect(checkUrl('')?.problem).toBe('empty');
    expect(checkUrl('https://YOUR-RESOURCE.openai.azure.com/openai/models')?.problem).toBe('placeholder');
  });
});
