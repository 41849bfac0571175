import { hostIsProvider } from '../../common/providers.js';
import { chatCompletion, chatStream, modelsAt, openaiMeaning } from './common.js';
import type { ErrorMeaning, ProviderError, ProviderProfile } from './types.js';

/**
 * DeepSeek: OpenAI-compatible, served at https://api.deepseek.com and https://api.deepseek.com/v1.
 * Status table: https://api-docs.deepseek.com/quick_start/error_codes (402 Insufficient Balance,
 * 503 Server Overloaded). A 402 body seen in the wild:
 * {"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}
 * (https://github.com/Aider-AI/aider/issues/4851).
 */
function deepseekMeaning(status: number, err: ProviderError | null): ErrorMeaning | null {
  if (status === 402) return { code: 'SERVER_QUOTA_EXHAUSTED', reason: 'DeepSeek 402: insufficient balance', reasonZh: 'DeepSeek 402：余额不足' };
  if (status === 503) return { code: 'SERVER_OVERLOADED', reason: 'DeepSeek 503: server overloaded (服务器繁忙)', reasonZh: 'DeepSeek 503：服务器繁忙' };
  return openaiMeaning(status, err);
}

const base = (url: URL) => `${url.origin}${url.pathname.startsWith('/v1/') || url.pathname === '/v1' ? '/v1' : ''}`;

export const deepseek: ProviderProfile = {
  id: 'deepseek',
  name: 'DeepSeek',
  matches: (url) => hostIsProvider('deepseek', url.hostname),
  auth: () => ({ kind: 'bearer' }),
  requiredHeaders: () => [],
  apiBase: base,
  knownBases: () => ['https://api.deepseek.com', 'https://api.deepseek.com/v1'],
  modelsRequest: (url) => modelsAt(base(url)),
  streamRequest: (url, model) => chatStream(base(url), model ?? 'deepseek-chat'),
  completionRequest: (url, model) => chatCompletion(base(url), model ?? 'deepseek-chat'),
  cheapModels: ['deepseek-chat'],
  meaning: deepseekMeaning,
  basePaths: ['', '/v1'],
};
