import { ANTHROPIC_VERSION } from './anthropic.js';
import { hostIsProvider } from '../../common/providers.js';
import { anthropicMeaning, chatStream, messagesStream, modelsAt, openaiMeaning } from './common.js';
import type { ErrorMeaning, ProviderError, ProviderProfile } from './types.js';
import { ZHIPU_CODES } from './zhipu-codes.js';


/** Zhipu serves an Anthropic-compatible API under /api/anthropic (x-api-key, Anthropic bodies). */
export const isAnthropicPath = (url: URL) => url.pathname.startsWith('/api/anthropic');

/** The OpenAI-shaped bases: the general API and the coding-plan one. */
function paasBase(url: URL): string {
  const m = /^\/api\/(coding\/)?paas\/v4/.exec(url.pathname);
  return `${url.origin}${m ? m[0] : '/api/paas/v4'}`;
}

function zhipuMeaning(status: number, err: ProviderError | null): ErrorMeaning | null {
  if (!err) return null;
  const known = err.code !== null ? ZHIPU_CODES[err.code] : undefined;
  if (known) return { code: known.code, reason: `Zhipu ${err.code}: ${known.en}`, reasonZh: `智谱 ${err.code}：${known.zh}` };
  return anthropicMeaning(status, err) ?? openaiMeaning(status, err);
}

export const zhipu: ProviderProfile = {
  id: 'zhipu',
  name: 'Zhipu GLM (BigModel / Z.ai)',
  matches: (url) => hostIsProvider('zhipu', url.hostname),
  auth: (url) => (isAnthropicPath(url) ? { kind: 'header', name: 'x-api-key' } : { kind: 'bearer' }),
  requiredHeaders: (url) => (isAnthropicPath(url) ? [{ name: 'anthropic-version', value: ANTHROPIC_VERSION }] : []),
  apiBase: (url) => (isAnthropicPath(url) ? `${url.origin}/api/anthropic` : paasBase(url)),
  knownBases: (url) => {
    const origin = /z\.ai$/i.test(url.hostname) ? 'https://api.z.ai' : 'https://open.bigmodel.cn';
    return [`${origin}/api/paas/v4`, `${origin}/api/coding/paas/v4`, `${origin}/api/anthropic`];
  },
  modelsRequest: (url) => (isAnthropicPath(url) ? null : modelsAt(paasBase(url))),
  streamRequest: (url, model) => (isAnthropicPath(url) ? messagesStream(`${url.origin}/api/anthropic`, model, 'glm-4.5-air') : chatStream(paasBase(url), model ?? 'glm-4-flash')),
  cheapModels: ['glm-4-flash', 'glm-4.5-flash', 'glm-4-flashx', 'glm-4.5-air'],
  meaning: zhipuMeaning,
};
