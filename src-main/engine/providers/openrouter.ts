import { hostIsProvider } from '../../common/providers.js';
import { chatCompletion, chatStream, modelsAt, openaiMeaning } from './common.js';
import type { ErrorMeaning, ProviderError, ProviderProfile } from './types.js';

/**
 * OpenRouter: an aggregator, OpenAI-compatible under /api/v1. Its errors
 * (https://openrouter.ai/docs/api-reference/errors): 402 insufficient credits, 404 "No endpoints
 * found for <model>" (https://github.com/chatboxai/chatbox/issues/2743), and upstream failures
 * passed on as "Provider returned error" with metadata.provider_name / metadata.raw
 * (https://github.com/anomalyco/opencode/issues/24462): the fault is behind the relay.
 */
function openrouterMeaning(status: number, err: ProviderError | null): ErrorMeaning | null {
  if (status === 402) return { code: 'SERVER_QUOTA_EXHAUSTED', reason: 'OpenRouter 402: insufficient credits', reasonZh: 'OpenRouter 402：额度（credits）不足' };
  return openaiMeaning(status, err);
}

const BASE = '/api/v1';

export const openrouter: ProviderProfile = {
  id: 'openrouter',
  name: 'OpenRouter',
  matches: (url) => hostIsProvider('openrouter', url.hostname),
  auth: () => ({ kind: 'bearer' }),
  requiredHeaders: () => [],
  apiBase: (url) => `${url.origin}${BASE}`,
  knownBases: () => ['https://openrouter.ai/api/v1'],
  modelsRequest: (url) => modelsAt(`${url.origin}${BASE}`),
  streamRequest: (url, model) => chatStream(`${url.origin}${BASE}`, model ?? 'openai/gpt-4o-mini'),
  completionRequest: (url, model) => chatCompletion(`${url.origin}${BASE}`, model ?? 'openai/gpt-4o-mini'),
  cheapModels: ['openai/gpt-4o-mini', 'meta-llama/llama-3.2-1b-instruct'],
  meaning: openrouterMeaning,
  basePaths: [BASE],
};
