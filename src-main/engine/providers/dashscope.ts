import { hostIsProvider } from '../../common/providers.js';
import { chatCompletion, chatStream, modelsAt, openaiMeaning } from './common.js';
import type { ErrorMeaning, ProviderError, ProviderProfile } from './types.js';

/**
 * Qwen / DashScope (Alibaba Cloud Model Studio). Two layouts: OpenAI-compatible under
 * /compatible-mode/v1 and the native API under /api/v1. China keys work only on
 * dashscope.aliyuncs.com, international keys only on dashscope-intl.aliyuncs.com
 * (https://github.com/NousResearch/hermes-agent/pull/18952). Error codes:
 * https://help.aliyun.com/en/model-studio/error-code-start — InvalidApiKey (401), Arrearage /
 * AccessDenied (403), ModelNotFound (404), Throttling.RateQuota / Throttling.AllocationQuota (429),
 * DataInspectionFailed (400). Native shape: {"code":"InvalidApiKey","message":…,"request_id":…}
 * (https://github.com/dinoanderson/qwen_cli_coder/issues/1).
 */
function dashscopeMeaning(status: number, err: ProviderError | null): ErrorMeaning | null {
  const text = `${err?.code ?? ''} ${err?.type ?? ''}`;
  if (/Throttling\.AllocationQuota|insufficient_quota/i.test(text)) return { code: 'SERVER_QUOTA_EXHAUSTED', reason: 'DashScope: the free or allocated quota is used up', reasonZh: 'DashScope：免费额度或分配的额度已用完' };
  if (/^\s*Throttling/i.test(text)) return { code: 'SERVER_RATE_LIMITED', reason: `DashScope ${err?.code ?? 'Throttling'}: rate limit`, reasonZh: `DashScope ${err?.code ?? 'Throttling'}：速率限制` };
  if (/AccessDenied\.Unpurchased/i.test(text)) return { code: 'MODEL_NOT_FOUND', reason: 'DashScope: the model is not activated for this account', reasonZh: 'DashScope：该账户未开通此模型' };
  if (/^\s*AccessDenied/i.test(text)) return { code: 'AUTH_FORBIDDEN', reason: 'DashScope AccessDenied', reasonZh: 'DashScope 拒绝访问（AccessDenied）' };
  return openaiMeaning(status, err);
}

const base = (url: URL) => `${url.origin}${url.pathname.startsWith('/api/v1') ? '/api/v1' : '/compatible-mode/v1'}`;

export const dashscope: ProviderProfile = {
  id: 'dashscope',
  name: 'Qwen / DashScope',
  matches: (url) => hostIsProvider('dashscope', url.hostname),
  auth: () => ({ kind: 'bearer' }),
  requiredHeaders: () => [],
  apiBase: base,
  knownBases: (url) => [`${url.origin}/compatible-mode/v1`, `${url.origin}/api/v1`],
  modelsRequest: (url) => modelsAt(`${url.origin}/compatible-mode/v1`),
  streamRequest: (url, model) => chatStream(`${url.origin}/compatible-mode/v1`, model ?? 'qwen-turbo'),
  completionRequest: (url, model) => chatCompletion(`${url.origin}/compatible-mode/v1`, model ?? 'qwen-turbo'),
  cheapModels: ['qwen-turbo', 'qwen-flash', 'qwen-plus'],
  meaning: dashscopeMeaning,
  basePaths: ['/compatible-mode/v1', '/api/v1'],
  siblings: (url) => (/-intl\./i.test(url.hostname) ? [{ origin: 'https://dashscope.aliyuncs.com', label: 'DashScope China (Beijing region)' }] : [{ origin: 'https://dashscope-intl.aliyuncs.com', label: 'DashScope international (Singapore region)' }]),
};
