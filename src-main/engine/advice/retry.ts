import type { FindingCode } from '../../common/codes.js';
import type { Lang } from '../../common/report.js';

export interface RetryAdvice {
  /** Statuses and failures worth retrying: they pass by themselves. */
  retryOn: string[];
  /** Never retry these: the same request fails the same way, and retrying only burns quota or locks accounts. */
  neverRetry: string[];
  maxAttempts: number;
  backoff: { initialMs: number; factor: number; maxMs: number; jitter: 'full' };
  honourRetryAfter: true;
  /** What the findings of this run mean for retrying. */
  note: string | null;
}

const NO_RETRY: Partial<Record<FindingCode, { en: string; zh: string }>> = {
  SERVER_QUOTA_EXHAUSTED: { en: 'This run hit an exhausted quota/balance: it is answered with 429 too, but retrying will not help — treat it as permanent (check the body: insufficient_quota, Zhipu 1113).', zh: '本次遇到的是额度/余额耗尽：它同样返回 429，但重试没有用——应作为永久错误处理（查看响应体：insufficient_quota、智谱 1113）。' },
  AUTH_REJECTED: { en: 'This run got 401: fix the credential; retrying a refused key can get it locked.', zh: '本次返回 401：请修正凭据；反复用被拒绝的密钥重试可能导致账户被锁定。' },
  AUTH_MISSING: { en: 'This run got 401 without a credential: send one; do not retry.', zh: '本次因未携带凭据返回 401：请提供凭据，不要重试。' },
  AUTH_FORBIDDEN: { en: 'This run got 403: a permission problem; retrying will not change it.', zh: '本次返回 403：属于权限问题，重试不会改变结果。' },
  MODEL_NOT_FOUND: { en: 'The model does not exist or this key may not use it: fix the model name; retrying will not help.', zh: '模型不存在或该密钥无权使用：请修正模型名称；重试没有用。' },
  REQUEST_TOO_LARGE_FOR_MODEL: { en: 'The request is too large for the model (even a 429 "Request too large … tokens per min" is permanent for this request): shrink it; do not retry.', zh: '请求对该模型来说过大（即使是 429 “Request too large … tokens per min” 对这个请求也是永久性的）：请缩小请求，不要重试。' },
  CONTENT_FILTERED: { en: "The provider's content filter refused this content: the same content fails the same way; do not retry it.", zh: '服务商的内容审核拒绝了这些内容：相同内容会以同样方式失败，不要重试。' },
};
const RETRY_NOTE: Partial<Record<FindingCode, { en: string; zh: string }>> = {
  SERVER_RATE_LIMITED: { en: 'This run was rate limited: wait for Retry-After (or retry-after-ms) before the next attempt.', zh: '本次触发了限流：下一次尝试前请等待 Retry-After（或 retry-after-ms）给出的时间。' },
  SERVER_FLAKY: { en: 'Some samples failed and some succeeded: retries with backoff will hide most of these failures from your users.', zh: '部分采样失败、部分成功：使用退避重试可以让用户基本感受不到这些失败。' },
  SERVER_OVERLOADED: { en: 'The service was overloaded: back off generously (start at several seconds).', zh: '服务处于过载状态：请充分退避（从数秒开始）。' },
  RELAY_UPSTREAM_UNAVAILABLE: { en: 'The relay had no working upstream: back off generously, or switch to another model the relay serves.', zh: '中转服务没有可用的上游：请充分退避，或换用该中转支持的其他模型。' },
  SERVER_RATE_LIMIT_LOW: { en: 'The rate-limit budget is nearly spent: expect 429s until it resets, and honour Retry-After.', zh: '限流额度即将用尽：在重置前预计会收到 429，请遵守 Retry-After。' },
};

/** Retry only what is retryable, with exponential backoff and full jitter, honouring Retry-After. */
export function adviseRetry(codes: readonly FindingCode[], lang: Lang): RetryAdvice {
  const pick = (t: { en: string; zh: string }) => (lang === 'zh-CN' ? t.zh : t.en);
  const stop = codes.map((c) => NO_RETRY[c]).find(Boolean);
  const go = codes.map((c) => RETRY_NOTE[c]).find(Boolean);
  return {
    retryOn: ['429 (rate limit, not quota)', '500', '502', '503', '504', '529', 'connection reset', 'connect/read timeout'],
    neverRetry: ['400', '401', '403', '404', '405', '413', '422', '429 with insufficient_quota / Zhipu 1113 / billing errors', '429 "Request too large … tokens per min"'],
    maxAttempts: 4,
    backoff: { initialMs: codes.includes('SERVER_OVERLOADED') || codes.includes('RELAY_UPSTREAM_UNAVAILABLE') ? 2000 : 500, factor: 2, maxMs: 30_000, jitter: 'full' },
    honourRetryAfter: true,
    note: stop ? pick(stop) : go ? pick(go) : null,
  };
}
