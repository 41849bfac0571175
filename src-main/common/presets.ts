import type { ProviderId } from './report.js';

/**
 * Provider presets for the Target form: a base URL with the cheapest call that proves the key
 * works (the model list; a one-token completion where the list is not the usual first call), the
 * provider (which decides where the key goes: Bearer, x-api-key, api-key) and the variable most
 * SDKs read the key from. Azure needs the user's own resource name: its URL keeps a placeholder.
 */
export interface Preset {
  id: string;
  name: string;
  provider: ProviderId | 'auto';
  url: string;
  method: 'GET' | 'POST';
  body?: string;
  envVar?: string;
}

const oneToken = (model: string) => JSON.stringify({ model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 });

export const PRESETS: readonly Preset[] = [
  { id: 'openai', name: 'OpenAI', provider: 'openai', url: 'https://api.openai.com/v1/models', method: 'GET', envVar: 'OPENAI_API_KEY' },
  { id: 'azure-openai', name: 'Azure OpenAI', provider: 'azure-openai', url: 'https://YOUR-RESOURCE.openai.azure.com/openai/models?api-version=2024-10-21', method: 'GET', envVar: 'AZURE_OPENAI_API_KEY' },
  { id: 'anthropic', name: 'Anthropic', provider: 'anthropic', url: 'https://api.anthropic.com/v1/models', method: 'GET', envVar: 'ANTHROPIC_API_KEY' },
  { id: 'zhipu', name: 'Zhipu BigModel', provider: 'zhipu', url: 'https://open.bigmodel.cn/api/paas/v4/chat/completions', method: 'POST', body: oneToken('glm-4-flash'), envVar: 'ZHIPUAI_API_KEY' },
  { id: 'zai', name: 'Z.ai', provider: 'zhipu', url: 'https://api.z.ai/api/paas/v4/chat/completions', method: 'POST', body: oneToken('glm-4-flash'), envVar: 'ZAI_API_KEY' },
  { id: 'deepseek', name: 'DeepSeek', provider: 'deepseek', url: 'https://api.deepseek.com/models', method: 'GET', envVar: 'DEEPSEEK_API_KEY' },
  { id: 'moonshot', name: 'Moonshot / Kimi', provider: 'moonshot', url: 'https://api.moonshot.cn/v1/models', method: 'GET', envVar: 'MOONSHOT_API_KEY' },
  { id: 'dashscope', name: 'Qwen / DashScope', provider: 'dashscope', url: 'https://dashscope.aliyuncs.com/compatible-mode/v1/models', method: 'GET', envVar: 'DASHSCOPE_API_KEY' },
  { id: 'openrouter', name: 'OpenRouter', provider: 'openrouter', url: 'https://openrouter.ai/api/v1/models', method: 'GET', envVar: 'OPENROUTER_API_KEY' },
];

/**
 * Why a URL will not do, and what it probably meant ("did you mean"), or null when it is fine.
 * Catches what people paste: no scheme, a space, a doubled scheme, a placeholder left in.
 */
export function checkUrl(raw: string): { problem: 'empty' | 'scheme' | 'invalid' | 'placeholder'; suggestion: string | null } | null {
  const s = raw.trim();
  if (s === '') return { problem: 'empty', suggestion: null };
  if (/YOUR-RESOURCE/.test(s)) return { problem: 'placeholder', suggestion: null };
  const doubled = s.match(/^(https?:\/\/)+(https?:\/\/)/i);
  if (doubled) return { problem: 'invalid', suggestion: s.replace(/^(https?:\/\/)+/i, doubled[2]!) };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(s)) {
    const fixed = `https://${s.replace(/^\/+/, '')}`;
    return { problem: 'scheme', suggestion: isUrl(fixed) ? fixed : null };
  }
  if (!/^https?:\/\//i.test(s)) return { problem: 'scheme', suggestion: null };
  if (/\s/.test(s)) {
    const fixed = s.replace(/\s+/g, '');
    return { problem: 'invalid', suggestion: isUrl(fixed) ? fixed : null };
  }
  return isUrl(s) ? null : { problem: 'invalid', suggestion: null };
}

function isUrl(s: string): boolean {
  try {
    return Boolean(new URL(s).hostname);
  } catch {
    return false;
  }
}
