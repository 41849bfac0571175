import type { ErrorMeaning, ProviderError } from './types.js';

/**
 * Error wording shared by many providers and the relays in front of them. Each pattern names
 * where it was seen (docs/providers.md has the table). Pure: text in, meaning out.
 */

export const said = (err: ProviderError | null, re: RegExp): boolean => !!err && [err.type, err.code, err.message].some((x) => x !== null && re.test(x));

/**
 * A relay (one-api / new-api, LiteLLM proxy, OpenRouter) saying it has no working upstream.
 * - one-api/new-api 429 "当前分组上游负载已饱和" https://github.com/popjane/free_chatgpt_api/issues/7
 * - one-api 503 "当前分组 default 下对于模型 … 无可用渠道" https://github.com/songquanpeng/one-api/issues/2340
 * - LiteLLM "No deployments available for selected model" https://github.com/BerriAI/litellm/issues/5177 (429 since https://github.com/BerriAI/litellm/pull/2493)
 * - OpenRouter 404 "No endpoints found for <model>." https://github.com/chatboxai/chatbox/issues/2743
 * - OpenRouter "Provider returned error" with metadata.raw https://github.com/anomalyco/opencode/issues/24462
 */
const RELAYS: readonly { relay: string; re: RegExp }[] = [
  { relay: 'one-api / new-api', re: /上游负载已饱和|无可用渠道|no available channels?( for model)?|upstream load is saturated/i },
  { relay: 'LiteLLM proxy', re: /No deployments available for selected model|No healthy deployments? available/i },
  { relay: 'OpenRouter', re: /No endpoints found (for|that|matching)|No endpoints available matching|Provider returned error/i },
];

export function relayMeaning(err: ProviderError | null): (ErrorMeaning & { relay: string }) | null {
  if (!err) return null;
  for (const r of RELAYS) if (said(err, r.re)) return { code: 'RELAY_UPSTREAM_UNAVAILABLE', reason: `${r.relay}: no working upstream for this call`, reasonZh: `${r.relay}：这次调用没有可用的上游`, relay: r.relay };
  return null;
}

/**
 * The prompt is over the model's context or a per-request token limit (never a wait-and-retry).
 * - OpenAI `context_length_exceeded` https://github.com/chathub-dev/chathub/issues/126
 * - DeepSeek "This model's maximum context length is 131072 tokens" https://github.com/evalstate/fast-agent/issues/621
 * - OpenAI TPM "Request too large for gpt-4o … on tokens per min (TPM)" https://github.com/vanderschaarlab/climb/issues/1
 * - Kimi "Input token length too long" / "exceeded model token limit" https://platform.kimi.ai/docs/api/errors
 * - Anthropic "prompt is too long: 215000 tokens > 200000 maximum" https://docs.claude.com/en/api/errors
 * - DashScope "Range of input length should be [1, 30720]" https://help.aliyun.com/en/model-studio/error-code-start
 */
const TOO_LARGE = /context_length_exceeded|maximum context length|Request too large for .* tokens per min|Input token length too long|exceeded model token limit|prompt is too long|Range of input length should be|string_above_max_length/i;

export function tooLargeMeaning(err: ProviderError | null): ErrorMeaning | null {
  if (!said(err, TOO_LARGE)) return null;
  const tpm = said(err, /tokens per min/i);
  return { code: 'REQUEST_TOO_LARGE_FOR_MODEL', ...(tpm
      ? { reason: 'one request needs more tokens than the per-minute (TPM) limit allows: waiting will not help', reasonZh: '单个请求所需的 token 超过了每分钟（TPM）限额：等待没有用' }
      : { reason: "the prompt is over the model's context length", reasonZh: '提示词超过了模型的上下文长度' }) };
}

/**
 * The provider's content filter refused the input or output.
 * - Azure `content_filter` / ResponsibleAIPolicyViolation (test/fixtures/providers/azure-openai.json)
 * - Kimi 400 `content_filter` "considered high risk" https://platform.kimi.ai/docs/api/errors
 * - DashScope `DataInspectionFailed` / `data_inspection_failed` https://github.com/camel-ai/owl/issues/432, https://github.com/QwenLM/qwen-code/issues/2905
 * - OpenAI `content_policy_violation` / "rejected as a result of our safety system"
 */
const FILTERED = /content_filter|ResponsibleAIPolicyViolation|content management policy|DataInspectionFailed|data_inspection_failed|inappropriate content|considered high risk|content_policy_violation|safety system/i;

export function filteredMeaning(err: ProviderError | null): ErrorMeaning | null {
  return said(err, FILTERED) ? { code: 'CONTENT_FILTERED', reason: "the provider's content filter refused the request", reasonZh: '服务商的内容审核拒绝了该请求' } : null;
}

/**
 * An explicit capacity problem on the provider's side: overload, not the caller's rate limit.
 * - Moonshot 429 `engine_overloaded_error` https://forum.moonshot.ai/t/the-engine-is-currently-overloaded/569
 * - OpenAI 503 "The engine is currently overloaded" https://developers.openai.com/docs/guides/error-codes
 * - DeepSeek 503 "Server Overloaded" / 服务器繁忙 https://api-docs.deepseek.com/quick_start/error_codes
 * - Azure 429 "experiencing high demand" https://github.com/pollinations/pollinations/issues/6260
 */
const OVERLOADED = /overloaded|服务器繁忙|系统繁忙|too busy|high demand|访问量过大/i;

export function overloadMeaning(err: ProviderError | null): ErrorMeaning | null {
  return said(err, OVERLOADED) ? { code: 'SERVER_OVERLOADED', reason: 'the provider says it is overloaded (not your rate limit)', reasonZh: '服务商表示自身过载（不是你的限流）' } : null;
}

/**
 * Money, not speed: balance, credit or quota used up.
 * - OpenAI `insufficient_quota` https://github.com/ChatGPTNextWeb/NextChat/issues/3123
 * - DeepSeek 402 "Insufficient Balance" https://github.com/Aider-AI/aider/issues/4851
 * - Moonshot 403 `exceeded_current_quota_error` https://github.com/MoonshotAI/Kimi-K2/issues/5 and 429 "suspended due to insufficient balance" https://github.com/continuedev/continue/issues/11443
 * - DashScope `Arrearage` https://help.aliyun.com/zh/model-studio/error-code, `Throttling.AllocationQuota` "Free allocated quota exceeded"
 * - OpenRouter 402 "Insufficient credits" https://openrouter.ai/docs/api-reference/errors
 */
const QUOTA = /insufficient_quota|billing_hard_limit|billing_not_active|exceeded your current quota|check your plan and billing|insufficient balance|exceeded_current_quota_error|exceeded current quota|Arrearage|account is in good standing|AllocationQuota|allocated quota exceeded|insufficient credits|余额不足|欠费/i;

export function quotaMeaning(err: ProviderError | null): ErrorMeaning | null {
  return said(err, QUOTA) ? { code: 'SERVER_QUOTA_EXHAUSTED', reason: 'balance, credit or quota used up', reasonZh: '余额、额度或配额已用完' } : null;
}

/**
 * The model does not exist or this key may not use it.
 * - OpenAI `model_not_found` "The model `x` does not exist or you do not have access to it." https://github.com/skorokithakis/sysaidmin/issues/6
 * - DashScope `ModelNotFound` / `model_not_found` https://help.aliyun.com/en/model-studio/error-code-start
 * - Moonshot "Not found the model x or Permission denied" https://platform.kimi.ai/docs/api/errors
 * - DeepSeek "Model Not Exist" https://api-docs.deepseek.com/quick_start/error_codes
 */
const NO_MODEL = /model_not_found|ModelNotFound|does not exist or you do not have access|Model Not Exist|Not found the model|The model .{1,80} does not exist|model .{1,80} not found|invalid model|unknown model|模型不存在/i;

export function modelMeaning(err: ProviderError | null): ErrorMeaning | null {
  return said(err, NO_MODEL) ? { code: 'MODEL_NOT_FOUND', reason: 'the model does not exist or this key may not use it', reasonZh: '模型不存在，或该密钥无权使用它' } : null;
}

/**
 * The server itself says the URL is not one of its endpoints.
 * - OpenAI `unknown_url` "Unknown request URL: POST /chat/completions" https://github.com/stitionai/devika/issues/456
 * - OpenAI "Invalid URL (POST /chat/completions)" https://github.com/microsoft/TaskWeaver/issues/11
 */
const BAD_URL = /unknown_url|Unknown request URL|Invalid URL \((GET|POST|PUT|DELETE|PATCH|HEAD) /i;

export function urlMeaning(err: ProviderError | null): ErrorMeaning | null {
  return said(err, BAD_URL) ? { code: 'HTTP_WRONG_BASE_URL', reason: 'the server says this URL is not one of its endpoints', reasonZh: '服务器表示这个 URL 不是它的接口' } : null;
}

/** The model a message names ("The model `gpt-x` does not exist", "No endpoints found for x.", "Passed model=x"), or null. */
export function modelNamedIn(message: string | null): string | null {
  if (!message) return null;
  const m =
    /model [`'"]([^`'"]{1,100})[`'"]/i.exec(message) ??
    /No endpoints found for ([^\s.]+(?:\.[^\s.]+)*)\.?(\s|$)/i.exec(message) ??
    /Passed model=([^\s.,]+)/i.exec(message) ??
    /Not found the model ([^\s]+)/i.exec(message) ??
    /^model: (\S+)$/i.exec(message.trim()) ??
    /对于模型 *([^\s]+) *无可用渠道/.exec(message);
  return m?.[1] ?? null;
}
