import type { ProviderChoice, ProviderId } from './report.js';

/** Every --provider value (the request schema's list and the wizard's menu). */
export const PROVIDER_CHOICES: readonly ProviderChoice[] = ['auto', 'openai', 'zhipu', 'anthropic', 'azure-openai', 'generic', 'deepseek', 'moonshot', 'dashscope', 'openrouter'];

/** Product names; they stay as they are in every language. */
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

const ZHIPU_HOSTS = ['open.bigmodel.cn', 'api.z.ai', 'bigmodel.cn'];

/**
 * How a provider is recognised from the host, in the order they are tried. One table for the
 * engine (engine/providers: each profile's `matches`) and the wizard (the guess it shows next to
 * "Automatic"), so the two cannot drift apart again (the wizard's copy had missed Azure's
 * *.cognitiveservices.azure.com and *.services.ai.azure.com).
 */
export const PROVIDER_HOSTS: readonly { id: Exclude<ProviderId, 'generic'>; matches: (host: string) => boolean }[] = [
  { id: 'openai', matches: (h) => h === 'api.openai.com' },
  { id: 'zhipu', matches: (h) => ZHIPU_HOSTS.includes(h) || h.endsWith('.bigmodel.cn') },
  { id: 'anthropic', matches: (h) => h === 'api.anthropic.com' },
  { id: 'azure-openai', matches: (h) => /\.(openai\.azure\.com|cognitiveservices\.azure\.com|services\.ai\.azure\.com)$/.test(h) },
  { id: 'deepseek', matches: (h) => h === 'api.deepseek.com' },
  { id: 'moonshot', matches: (h) => /^api\.moonshot\.(cn|ai)$/.test(h) },
  { id: 'dashscope', matches: (h) => /^dashscope(-intl)?\.aliyuncs\.com$/.test(h) },
  { id: 'openrouter', matches: (h) => h === 'openrouter.ai' },
];

/** Whether `host` belongs to provider `id` (case-insensitive). */
export const hostIsProvider = (id: ProviderId, host: string): boolean => PROVIDER_HOSTS.find((p) => p.id === id)?.matches(host.toLowerCase()) ?? false;

/** The provider `--provider auto` picks for a URL; 'generic' for an unknown host or a string that is not a URL. */
export function detectProvider(url: string | URL): ProviderId {
  let host: string;
  try {
    host = (typeof url === 'string' ? new URL(url) : url).hostname.toLowerCase();
  } catch {
    return 'generic';
  }
  return PROVIDER_HOSTS.find((p) => p.matches(host))?.id ?? 'generic';
}
