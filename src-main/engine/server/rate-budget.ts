import type { Evidence } from '../../common/report.js';

/** At or below this share of the limit left, the next calls are about to be limited. */
export const LOW_BUDGET_SHARE = 0.05;

/**
 * The rate-limit budget a successful answer reports as nearly spent: the lowest remaining share
 * over the header families providers send — OpenAI `x-ratelimit-{limit,remaining,reset}-{requests,tokens}`
 * (https://platform.openai.com/docs/guides/rate-limits), Anthropic `anthropic-ratelimit-*-{limit,remaining,reset}`
 * (https://docs.claude.com/en/api/rate-limits), Moonshot's plain `x-ratelimit-{limit,remaining,reset}`
 * (https://platform.kimi.ai/docs/api/errors) and the IETF draft `ratelimit-{limit,remaining,reset}`.
 * Null when no budget is at or below 5 % (or 0). Pure.
 */
export function lowRateBudget(headers: Record<string, string>): Evidence | null {
  let worst: Evidence | null = null;
  let worstShare = Infinity;
  for (const [name, value] of Object.entries(headers)) {
    if (!/^(x-ratelimit-|anthropic-ratelimit-|ratelimit-)/.test(name) || !/remaining/.test(name)) continue;
    const remaining = Number(value.trim());
    if (!Number.isFinite(remaining) || remaining < 0) continue;
    const limitName = name.replace('remaining', 'limit');
    const resetName = name.replace('remaining', 'reset');
    const limit = Number((headers[limitName] ?? '').trim());
    const hasLimit = Number.isFinite(limit) && limit > 0 && headers[limitName] !== undefined;
    const share = hasLimit ? remaining / limit : remaining === 0 ? 0 : Infinity;
    if (share > LOW_BUDGET_SHARE || share >= worstShare) continue;
    worstShare = share;
    worst = {
      header: name,
      remaining,
      ...(hasLimit ? { limit, limitHeader: limitName, percentLeft: Math.round(share * 1000) / 10 } : {}),
      ...(headers[resetName] ? { reset: headers[resetName].slice(0, 60), resetHeader: resetName } : {}),
    };
  }
  return worst;
}
