import type { AdviceBasis, RetryNoteCode } from '../../common/advice.js';
import type { Lang } from '../../common/report.js';
import { plural } from '../explain/types.js';

/**
 * The prose of the client advice: why these timeouts, what this run's findings mean for retrying,
 * and the retry list's items. The advice itself is data (engine/advice); these sentences are
 * rendered from it wherever it is shown, in either language.
 */
export const RETRY_NOTES: Record<RetryNoteCode, Record<Lang, string>> = {
  SERVER_QUOTA_EXHAUSTED: { en: 'This run hit an exhausted quota/balance: it is answered with 429 too, but retrying will not help — treat it as permanent (check the body: insufficient_quota, Zhipu 1113).', 'zh-CN': '本次遇到的是额度/余额耗尽：它同样返回 429，但重试没有用——应作为永久错误处理（查看响应体：insufficient_quota、智谱 1113）。' },
  AUTH_REJECTED: { en: 'This run got 401: fix the credential; retrying a refused key can get it locked.', 'zh-CN': '本次返回 401：请修正凭据；反复用被拒绝的密钥重试可能导致账户被锁定。' },
  AUTH_MISSING: { en: 'This run got 401 without a credential: send one; do not retry.', 'zh-CN': '本次因未携带凭据返回 401：请提供凭据，不要重试。' },
  AUTH_FORBIDDEN: { en: 'This run got 403: a permission problem; retrying will not change it.', 'zh-CN': '本次返回 403：属于权限问题，重试不会改变结果。' },
  MODEL_NOT_FOUND: { en: 'The model does not exist or this key may not use it: fix the model name; retrying will not help.', 'zh-CN': '模型不存在或该密钥无权使用：请修正模型名称；重试没有用。' },
  REQUEST_TOO_LARGE_FOR_MODEL: { en: 'The request is too large for the model (even a 429 "Request too large … tokens per min" is permanent for this request): shrink it; do not retry.', 'zh-CN': '请求对该模型来说过大（即使是 429 "Request too large … tokens per min" 对这个请求也是永久性的）：请缩小请求，不要重试。' },
  CONTENT_FILTERED: { en: "The provider's content filter refused this content: the same content fails the same way; do not retry it.", 'zh-CN': '服务商的内容审核拒绝了这些内容：相同内容会以同样方式失败，不要重试。' },
  SERVER_RATE_LIMITED: { en: 'This run was rate limited: wait for Retry-After (or retry-after-ms) before the next attempt.', 'zh-CN': '本次触发了限流：下一次尝试前请等待 Retry-After（或 retry-after-ms）给出的时间。' },
  SERVER_FLAKY: { en: 'Some samples failed and some succeeded: retries with backoff will hide most of these failures from your users.', 'zh-CN': '部分采样失败、部分成功：使用退避重试可以让用户基本感受不到这些失败。' },
  SERVER_OVERLOADED: { en: 'The service was overloaded: back off generously (start at several seconds).', 'zh-CN': '服务处于过载状态：请充分退避（从数秒开始）。' },
  RELAY_UPSTREAM_UNAVAILABLE: { en: 'The relay had no working upstream: back off generously, or switch to another model the relay serves.', 'zh-CN': '中转服务没有可用的上游：请充分退避，或换用该中转支持的其他模型。' },
  SERVER_RATE_LIMIT_LOW: { en: 'The rate-limit budget is nearly spent: expect 429s until it resets, and honour Retry-After.', 'zh-CN': '限流额度即将用尽：在重置前预计会收到 429，请遵守 Retry-After。' },
};

/** Items of the retry lists that are more than a status code. */
export const RETRY_ITEMS: Record<string, Record<Lang, string>> = {
  '429': { en: '429 (rate limit, not quota)', 'zh-CN': '429（限流，而非额度耗尽）' },
  'connection-reset': { en: 'connection reset', 'zh-CN': '连接被重置' },
  timeout: { en: 'connect/read timeout', 'zh-CN': '连接/读取超时' },
  '429-quota': { en: '429 with insufficient_quota / Zhipu 1113 / billing errors', 'zh-CN': '带 insufficient_quota / 智谱 1113 / 计费错误的 429' },
  '429-too-large': { en: '429 "Request too large … tokens per min"', 'zh-CN': '429 "Request too large … tokens per min"（请求过大）' },
};

export const retryItem = (item: string, lang: Lang): string => RETRY_ITEMS[item]?.[lang] ?? item;

export function retryNote(code: RetryNoteCode | null | undefined, lang: Lang): string | null {
  return code ? (RETRY_NOTES[code]?.[lang] ?? null) : null;
}

/** Why the advised timeouts are what they are, from what the run measured. */
export function timeoutReason(b: AdviceBasis, lang: Lang): string {
  if (lang === 'zh-CN') {
    const conn = b.connectPhaseMs !== null ? `建立连接（DNS+TCP+TLS）实测 ${b.connectPhaseMs} 毫秒，连接超时取其 4 倍（不低于 2 秒）` : '未测得连接耗时，使用默认连接超时';
    const read = b.p90TtfbMs !== null ? `${b.samples} 次请求的首字节时间 p90 为 ${b.p90TtfbMs} 毫秒，读取超时取其 3 倍，但不低于 30 秒（生成较长回答的补全请求比模型列表慢得多）` : '未测得首字节时间，读取超时使用 30 秒';
    return `${conn}；${read}。`;
  }
  const conn = b.connectPhaseMs !== null ? `connecting (DNS+TCP+TLS) took ${b.connectPhaseMs} ms here; the connect timeout is 4× that, at least 2 s` : 'no connect time was measured; default connect timeout';
  const read =
    b.p90TtfbMs !== null
      ? `p90 time to first byte over ${plural(b.samples, 'request')} was ${b.p90TtfbMs} ms; the read timeout is 3× that but at least 30 s (completions that generate long answers take far longer than a model list)`
      : 'no time to first byte was measured; 30 s read timeout';
  return `${conn}; ${read}.`;
}
