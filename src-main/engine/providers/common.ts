import { filteredMeaning, modelMeaning, overloadMeaning, quotaMeaning, relayMeaning, said, tooLargeMeaning, urlMeaning } from './signals.js';
import type { ErrorMeaning, ProbeRequest, ProviderError } from './types.js';

/** `https://host/prefix/v1` for a URL whose path has a version segment (`/v1`, `/v4`, `/api/paas/v4`), else null. */
export function versionBase(url: URL): string | null {
  const parts = url.pathname.split('/');
  const i = parts.findIndex((p) => /^v\d+(beta|alpha)?\d*$/.test(p));
  if (i < 0) return null;
  return `${url.origin}${parts.slice(0, i + 1).join('/')}`;
}

/** GET {base}/models: the cheapest authenticated call of every OpenAI-shaped API. */
export function modelsAt(base: string | null): ProbeRequest | null {
  return base ? { method: 'GET', url: new URL(`${base}/models`) } : null;
}

/** The smallest streamed chat completion: one token. */
export function chatStream(base: string | null, model: string | null): ProbeRequest | null {
  if (!base) return null;
  const body = { model: model ?? 'gpt-4o-mini', messages: [{ role: 'user', content: 'ping' }], max_tokens: 1, stream: true };
  return { method: 'POST', url: new URL(`${base}/chat/completions`), body: JSON.stringify(body) };
}

/** The smallest real chat completion: one token, not streamed (`--completion`). */
export function chatCompletion(base: string | null, model: string | null, fallback = 'gpt-4o-mini'): ProbeRequest | null {
  if (!base) return null;
  const body = { model: model ?? fallback, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 };
  return { method: 'POST', url: new URL(`${base}/chat/completions`), body: JSON.stringify(body) };
}

/** The smallest real Anthropic Messages call: one token (`--completion`). */
export function messagesCompletion(base: string, model: string | null, fallback: string): ProbeRequest {
  const body = { model: model ?? fallback, max_tokens: 1, messages: [{ role: 'user', content: 'ping' }] };
  return { method: 'POST', url: new URL(`${base}/v1/messages`), body: JSON.stringify(body) };
}

/** The smallest streamed Anthropic Messages call (also Zhipu's Anthropic-compatible path). */
export function messagesStream(base: string, model: string | null, fallback: string): ProbeRequest {
  const body = { model: model ?? fallback, max_tokens: 1, stream: true, messages: [{ role: 'user', content: 'ping' }] };
  return { method: 'POST', url: new URL(`${base}/v1/messages`), body: JSON.stringify(body) };
}

const has = said;

/** Signals that beat the status code whatever the provider: a relay without upstream, an oversize prompt, a filter, money. */
export function sharedMeaning(err: ProviderError | null): ErrorMeaning | null {
  return relayMeaning(err) ?? tooLargeMeaning(err) ?? filteredMeaning(err) ?? quotaMeaning(err);
}

/** What OpenAI's error vocabulary means; most OpenAI-compatible services reuse it. */
export function openaiMeaning(status: number, err: ProviderError | null): ErrorMeaning | null {
  if (!err) return null;
  const shared = sharedMeaning(err);
  if (shared) return shared;
  // Overload before the 429 rule: Moonshot sends engine_overloaded_error as 429, and waiting for a rate-limit window is the wrong advice.
  if (has(err, /engine_overloaded_error/i) || (status !== 429 && overloadMeaning(err)) || (status === 429 && has(err, /overloaded|high demand|服务器繁忙/i))) return { code: 'SERVER_OVERLOADED', reason: 'the service says it is overloaded (not your rate limit)', reasonZh: '服务表示自身过载（不是你的限流）' };
  if (status === 429 || has(err, /rate_limit_exceeded|rate limit reached|rate_limit_reached_error/i)) return { code: 'SERVER_RATE_LIMITED', reason: 'rate limit (rate_limit_exceeded)', reasonZh: '速率限制（rate_limit_exceeded）' };
  if (has(err, /didn't provide an API key|did not provide an API key|missing (api )?key|no api key/i)) return { code: 'AUTH_MISSING', reason: 'the server saw no API key', reasonZh: '服务器没有收到 API 密钥' };
  if (has(err, /expired/i) && (status === 401 || has(err, /token|key/i))) return { code: 'AUTH_TOKEN_EXPIRED', reason: 'the server says the token expired', reasonZh: '服务器表示令牌已过期' };
  if (has(err, /invalid_api_key|incorrect api key|invalid api key|invalid_authentication|InvalidApiKey|Authentication Fails/i)) return { code: 'AUTH_REJECTED', reason: 'invalid API key', reasonZh: 'API 密钥无效' };
  if (has(err, /unsupported_country_region_territory|not supported in your (country|region)/i)) return { code: 'AUTH_FORBIDDEN', reason: 'region not supported', reasonZh: '不支持所在地区' };
  const model = modelMeaning(err);
  if (model) return model;
  return urlMeaning(err);
}

/** What Anthropic's error types mean (also spoken by Anthropic-compatible endpoints). */
export function anthropicMeaning(status: number, err: ProviderError | null): ErrorMeaning | null {
  if (!err) return null;
  // The credit-balance error comes as a 400 invalid_request_error: https://github.com/anthropics/claude-code/issues/66314
  if (has(err, /credit balance is too low|reached your specified api usage limits|spend limit|billing/i)) {
    return { code: 'SERVER_QUOTA_EXHAUSTED', reason: 'credit balance or spend limit reached', reasonZh: '余额不足或已达到消费上限' };
  }
  const shared = relayMeaning(err) ?? tooLargeMeaning(err);
  if (shared) return shared;
  switch (err.type) {
    case 'authentication_error':
      if (has(err, /x-api-key header is required|no api key|missing/i)) return { code: 'AUTH_MISSING', reason: 'the server saw no x-api-key header', reasonZh: '服务器没有收到 x-api-key 请求头' };
      if (has(err, /expired/i)) return { code: 'AUTH_TOKEN_EXPIRED', reason: 'the server says the token expired', reasonZh: '服务器表示令牌已过期' };
      return { code: 'AUTH_REJECTED', reason: 'authentication_error', reasonZh: '认证错误（authentication_error）' };
    case 'permission_error':
      return { code: 'AUTH_FORBIDDEN', reason: 'permission_error', reasonZh: '权限错误（permission_error）' };
    case 'not_found_error':
      // "model: claude-9" names the model; any other not_found_error is a path.
      return has(err, /^model:|model/i) ? { code: 'MODEL_NOT_FOUND', reason: 'not_found_error on the model', reasonZh: '模型不存在（not_found_error）' } : { code: 'HTTP_NOT_FOUND', reason: 'not_found_error', reasonZh: '路径不存在（not_found_error）' };
    case 'request_too_large':
      return { code: 'HTTP_PAYLOAD_TOO_LARGE', reason: 'request_too_large', reasonZh: '请求过大（request_too_large）' };
    case 'rate_limit_error':
      return { code: 'SERVER_RATE_LIMITED', reason: 'rate_limit_error', reasonZh: '速率限制（rate_limit_error）' };
    case 'overloaded_error':
      // 529 overloaded_error: https://github.com/anthropics/claude-code/issues/3572
      return { code: 'SERVER_OVERLOADED', reason: 'overloaded_error', reasonZh: '服务过载（overloaded_error）' };
    case 'api_error':
      return { code: 'SERVER_ERROR', reason: 'api_error', reasonZh: '服务内部错误（api_error）' };
    case 'invalid_request_error':
      return status === 400 || status === 422 ? { code: 'HTTP_BAD_REQUEST', reason: 'invalid_request_error', reasonZh: '请求无效（invalid_request_error）' } : null;
    default:
      return null;
  }
}
