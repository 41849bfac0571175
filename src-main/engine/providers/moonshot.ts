import { hostIsProvider } from '../../common/providers.js';
import { chatCompletion, chatStream, modelsAt, openaiMeaning } from './common.js';
import type { ErrorMeaning, ProviderError, ProviderProfile } from './types.js';

/**
 * Moonshot / Kimi: OpenAI-compatible under /v1 at api.moonshot.cn (China) and api.moonshot.ai
 * (international); keys of one platform are not accepted by the other
 * (https://www.kimi.com/help/kimi-api/api-troubleshooting). Error table: https://platform.kimi.ai/docs/api/errors.
 * - 403 means the balance is used up: `exceeded_current_quota_error` (https://github.com/MoonshotAI/Kimi-K2/issues/5)
 * - 429 `engine_overloaded_error` is overload, not a rate limit (https://forum.moonshot.ai/t/the-engine-is-currently-overloaded/569)
 * - 429 `rate_limit_reached_error` is the caller's rate limit (https://github.com/CherryHQ/cherry-studio/issues/2959)
 */
function moonshotMeaning(status: number, err: ProviderError | null): ErrorMeaning | null {
  const m = openaiMeaning(status, err);
  if (m) return m;
  if (status === 403 && !/access_terminated|permission/i.test(`${err?.type ?? ''} ${err?.message ?? ''}`)) return { code: 'SERVER_QUOTA_EXHAUSTED', reason: 'Moonshot 403: account balance used up', reasonZh: 'Moonshot 403：账户余额已用完' };
  return null;
}

export const moonshot: ProviderProfile = {
  id: 'moonshot',
  name: 'Moonshot / Kimi',
  matches: (url) => hostIsProvider('moonshot', url.hostname),
  auth: () => ({ kind: 'bearer' }),
  requiredHeaders: () => [],
  apiBase: (url) => `${url.origin}/v1`,
  knownBases: (url) => [`${url.origin}/v1`],
  modelsRequest: (url) => modelsAt(`${url.origin}/v1`),
  streamRequest: (url, model) => chatStream(`${url.origin}/v1`, model ?? 'moonshot-v1-8k'),
  completionRequest: (url, model) => chatCompletion(`${url.origin}/v1`, model ?? 'moonshot-v1-8k'),
  cheapModels: ['moonshot-v1-8k', 'kimi-latest'],
  meaning: moonshotMeaning,
  basePaths: ['/v1'],
  siblings: (url) => (/\.cn$/i.test(url.hostname) ? [{ origin: 'https://api.moonshot.ai', label: 'Kimi international (api.moonshot.ai, keys from platform.kimi.ai)' }] : [{ origin: 'https://api.moonshot.cn', label: 'Moonshot China (api.moonshot.cn, keys from platform.moonshot.cn)' }]),
};
