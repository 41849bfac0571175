import { filteredMeaning, relayMeaning, tooLargeMeaning } from './signals.js';
import type { ErrorMeaning, ProviderError, ProviderProfile } from './types.js';
import { hostIsProvider } from '../../common/providers.js';

/** A GA api-version every Azure OpenAI resource accepts; used only when the URL has none. */
const API_VERSION = '2024-10-21';

const apiVersion = (url: URL) => url.searchParams.get('api-version') ?? API_VERSION;
const deployment = (url: URL) => /\/openai\/deployments\/([^/]+)/.exec(url.pathname)?.[1] ?? null;

function azureMeaning(status: number, err: ProviderError | null): ErrorMeaning | null {
  if (!err) return null;
  const text = `${err.code ?? ''} ${err.type ?? ''} ${err.message ?? ''}`;
  // DeploymentNotFound: https://github.com/chatboxai/chatbox/issues/646
  if (/DeploymentNotFound/i.test(text)) return { code: 'MODEL_NOT_FOUND', reason: 'the deployment name does not exist on this resource', reasonZh: '该资源上没有这个部署名称' };
  // An api-version the service does not know: https://learn.microsoft.com/en-us/azure/ai-services/openai/api-version-deprecation
  if (/api-version|API version not supported/i.test(text) && status !== 429) return { code: 'HTTP_BAD_REQUEST', reason: 'the api-version query parameter is missing or not supported', reasonZh: '缺少 api-version 查询参数，或其版本不受支持' };
  const shared = relayMeaning(err) ?? tooLargeMeaning(err) ?? filteredMeaning(err);
  if (shared) return shared;
  // "experiencing high demand": capacity, not the caller's limit (https://github.com/pollinations/pollinations/issues/6260)
  if (/high demand/i.test(text)) return { code: 'SERVER_OVERLOADED', reason: 'the region has no capacity right now', reasonZh: '该地域目前没有可用容量' };
  if (/invalid subscription key|wrong API endpoint|Access denied due to invalid/i.test(text)) return { code: 'AUTH_REJECTED', reason: 'invalid key or wrong regional endpoint', reasonZh: '密钥无效，或地域终结点不对' };
  if (/quota|insufficient_quota/i.test(text) && !/rate limit/i.test(text)) return { code: 'SERVER_QUOTA_EXHAUSTED', reason: 'quota exhausted', reasonZh: '额度已用完' };
  if (status === 429 || /rate limit|RateLimit/i.test(text)) return { code: 'SERVER_RATE_LIMITED', reason: 'rate limit of the pricing tier', reasonZh: '定价层级的速率限制' };
  if (/Virtual Network|firewall|PermissionDenied|AuthenticationTypeDisabled/i.test(text)) return { code: 'AUTH_FORBIDDEN', reason: 'network rule or permission of the resource', reasonZh: '资源的网络规则或权限限制' };
  if (/expired/i.test(text) && status === 401) return { code: 'AUTH_TOKEN_EXPIRED', reason: 'the token expired', reasonZh: '令牌已过期' };
  return null;
}

export const azureOpenai: ProviderProfile = {
  id: 'azure-openai',
  name: 'Azure OpenAI',
  matches: (url) => hostIsProvider('azure-openai', url.hostname),
  auth: () => ({ kind: 'header', name: 'api-key' }),
  requiredHeaders: () => [],
  apiBase: (url) => `${url.origin}/openai`,
  knownBases: (url) => [`${url.origin}/openai/deployments/<deployment>/chat/completions?api-version=${apiVersion(url)}`, `${url.origin}/openai/v1`],
  modelsRequest: (url) => ({ method: 'GET', url: new URL(`${url.origin}/openai/models?api-version=${apiVersion(url)}`) }),
  streamRequest: (url) => {
    const d = deployment(url);
    if (!d) return null;
    const body = { messages: [{ role: 'user', content: 'ping' }], max_tokens: 1, stream: true };
    return { method: 'POST', url: new URL(`${url.origin}/openai/deployments/${d}/chat/completions?api-version=${apiVersion(url)}`), body: JSON.stringify(body) };
  },
  cheapModels: [],
  meaning: azureMeaning,
  completionRequest: (url) => {
    const d = deployment(url);
    if (!d) return null;
    return { method: 'POST', url: new URL(`${url.origin}/openai/deployments/${d}/chat/completions?api-version=${apiVersion(url)}`), body: JSON.stringify({ messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 }) };
  },
  basePaths: [],
};
