import { PROBE_IDS } from '../probe-data.js';
import type { FindingDraft, RunView } from '../probe.js';
import { COMPLETION_PROBE_ID } from '../probes/completion.js';
import { lowRateBudget } from '../server/rate-budget.js';

/**
 * The `--completion` call's finding: "the model list works but chat fails" shows as the
 * completion's own code (AUTH_FORBIDDEN, MODEL_NOT_FOUND, a 200 with an error body…), with
 * `call: "completion"` in its evidence. The completion runs in the server stage, after the auth
 * and http rules, so this rule emits it whatever its code's stage (the report files it by code).
 * Skipped when the user's call already said the same.
 */
export function completionFinding(view: RunView): FindingDraft[] {
  const c = view.result(COMPLETION_PROBE_ID);
  const v = c?.status === 'ok' ? c.data?.verdict : null;
  if (!v) return [];
  const main = view.result(PROBE_IDS.http)?.data?.verdict;
  return main?.code === v.code ? [] : [v];
}

/**
 * SERVER_RATE_LIMIT_LOW: the call worked, but its rate-limit headers show the budget at ≤ 5 % or 0
 * (the user's call, else the `--completion` call).
 */
export function rateBudgetFindings(view: RunView): FindingDraft[] {
  const h = view.result(PROBE_IDS.http)?.data;
  if (h?.answer && !h.verdict && h.answer.status < 300) {
    const low = lowRateBudget(h.answer.headers);
    if (low) return [{ code: 'SERVER_RATE_LIMIT_LOW', evidence: { url: h.answer.url, ...low } }];
  }
  const c = view.result(COMPLETION_PROBE_ID);
  if (c?.status === 'ok' && c.data?.lowBudget) return [{ code: 'SERVER_RATE_LIMIT_LOW', evidence: { url: c.data.url, call: 'completion', ...c.data.lowBudget } }];
  return [];
}
