import type { ProviderChoice, ProviderId } from '../../src-main/common/report.js';

export const PROVIDERS: readonly ProviderChoice[] = ['auto', 'openai', 'zhipu', 'anthropic', 'azure-openai', 'generic', 'deepseek', 'moonshot', 'dashscope', 'openrouter'];
export const PROVIDER_NAMES: Record<ProviderId, string> = {
  openai: 'OpenAI',
  zhipu: 'Zhipu GLM',
  anthropic: 'Anthropic',
  'azure-openai': 'Azure OpenAI',
  generic: 'Generic HTTP API',
  deepseek: 'DeepSeek',
  moonshot: 'Moonshot / Kimi',
  dashscope: 'Qwen / DashScope',
  openrouter: 'OpenRouter',
};

/**
 * The provider the engine will pick for this host (mirrors engine/target.ts, which the sandboxed
 * renderer cannot import): shown next to "Automatic" so the user sees the guess before running.
 */
export function detectProvider(rawUrl: string): ProviderId {
  let host: string;
  try {
    host = new URL(rawUrl).hostname.toLowerCase();
  } catch {
    return 'generic';
  }
  if (host === 'open.bigmodel.cn' || host === 'api.z.ai' || host.endsWith('.bigmodel.cn')) return 'zhipu';
  if (host === 'api.anthropic.com') return 'anthropic';
  if (host.endsWith('.openai.azure.com')) return 'azure-openai';
  if (host === 'api.openai.com') return 'openai';
  if (host === 'api.deepseek.com') return 'deepseek';
  if (host === 'api.moonshot.cn' || host === 'api.moonshot.ai') return 'moonshot';
  if (host === 'dashscope.aliyuncs.com' || host === 'dashscope-intl.aliyuncs.com') return 'dashscope';
  if (host === 'openrouter.ai') return 'openrouter';
  return 'generic';
}

/** Product names stay as they are in every language; "generic" is a description and is translated. */
export const providerName = (id: ProviderId, t: (key: 'provider.generic') => string): string => (id === 'generic' ? t('provider.generic') : PROVIDER_NAMES[id]);
