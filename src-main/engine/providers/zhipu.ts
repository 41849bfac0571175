import { ANTHROPIC_VERSION } from './anthropic.js';
import { hostIsProvider } from '../../common/providers.js';
import { anthropicMeaning, chatCompletion, chatStream, messagesCompletion, messagesStream, modelsAt, openaiMeaning } from './common.js';
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
  // The Anthropic-compatible envelope puts the code in error.code and again in the message as "[1211][text][request id]".
  const code = err.code !== null && ZHIPU_CODES[err.code] ? err.code : (/^\[(\d{3,4})\]/.exec(err.message ?? '')?.[1] ?? err.code);
  const known = code !== null ? ZHIPU_CODES[code] : undefined;
  if (known) return { code: known.code, reason: `Zhipu ${code}: ${known.en}`, reasonZh: `智谱 ${code}：${known.zh}` };
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
  completionRequest: (url, model) => (isAnthropicPath(url) ? messagesCompletion(`${url.origin}/api/anthropic`, model, 'glm-4.5-air') : chatCompletion(paasBase(url), model ?? 'glm-4-flash')),
  basePaths: ['/api/paas/v4', '/api/coding/paas/v4', '/api/anthropic/v1'],
  // Keys of BigModel (China) and Z.ai (international) are separate accounts: https://docs.z.ai/guides/overview/quick-start
  siblings: (url) => (/z\.ai$/i.test(url.hostname) ? [{ origin: 'https://open.bigmodel.cn', label: 'BigModel (China, open.bigmodel.cn)' }] : [{ origin: 'https://api.z.ai', label: 'Z.ai (international, api.z.ai)' }]),
};
