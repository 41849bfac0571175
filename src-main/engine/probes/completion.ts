import type { Evidence } from '../../common/report.js';
import { judgeAnswer } from '../http/answer-finding.js';
import { PROBE_IDS } from '../probe-data.js';
import type { FindingDraft, Probe } from '../probe.js';
import { profileFor } from '../providers/index.js';
import { cheapestOf, modelIds } from '../providers/models.js';
import { FOLLOW_UP_PHASE_MS, sendToProvider } from '../providers/send.js';
import { lowRateBudget } from '../server/rate-budget.js';
import type { ProbeText } from '../../report/text/probe-texts.js';

export const COMPLETION_PROBE_ID = 'completion';

export interface CompletionProbeData {
  url: string;
  model: string | null;
  /** Where the model came from: the key's own model list, or the provider's cheapest default. */
  modelFrom: 'model-list' | 'provider-default' | 'none';
  status: number | null;
  /** The finding the completion's answer implies (any stage), or null when it worked. */
  verdict: FindingDraft | null;
  /** The rate-limit budget the answer reports as nearly spent. */
  lowBudget: Evidence | null;
  ttfbMs: number | null;
}

/** Names that mark a provider's cheap tier, for a model list with none of the provider's known cheap models. */
const CHEAP_HINT = /(mini|nano|flash|haiku|turbo|lite|small|8k|air)/i;

/** Two bounded requests at most: the model list (when the user's call did not already read it) and the completion. */
const completionBudget = (r: { timeoutMs: number }) => 2 * (3 * Math.min(r.timeoutMs, FOLLOW_UP_PHASE_MS) + 500) + 1000;

/**
 * `--completion`: the smallest real call the provider accepts — one token of the cheapest model the
 * key can use — so "the model list works but chat fails" is caught. Costs a few tokens; same origin
 * and same credential rules as the user's call (never over a certificate that failed verification).
 */
export const completionProbe: Probe<CompletionProbeData> = {
  id: COMPLETION_PROBE_ID,
  stage: 'server',
  dependsOn: [PROBE_IDS.http, PROBE_IDS.auth],
  budgetMs: completionBudget,
  notApplicable: (r) => (r.completion ? null : { code: 'completion.notApplicable' }),
  async run(ctx) {
    const provider = profileFor(ctx.request, ctx.target);
    const http = ctx.result(PROBE_IDS.http)?.data;
    // The user's own call already was a completion that worked: a second one would only cost tokens.
    if (ctx.request.method === 'POST' && /"(messages|prompt)"\s*:/.test(ctx.request.body ?? '') && http?.answer && http.answer.status < 300 && !http.verdict) {
      const data: CompletionProbeData = { url: http.answer.url, model: null, modelFrom: 'none', status: http.answer.status, verdict: null, lowBudget: null, ttfbMs: http.answer.ttfbMs };
      return { status: 'ok', data, summary: { code: 'completion.notNeeded' } };
    }
    let ids = http?.answer && http.answer.status < 300 ? modelIds(http.answer.bodyText) : [];
    if (ids.length === 0) {
      const list = provider.modelsRequest(ctx.target);
      const got = list ? await sendToProvider(ctx, provider, list) : null;
      if (got?.answer && got.answer.status < 300) ids = modelIds(got.answer.bodyText);
    }
    const listed = cheapestOf(ids, provider.cheapModels) ?? ids.find((x) => CHEAP_HINT.test(x)) ?? ids[0] ?? null;
    const model = listed ?? provider.cheapModels[0] ?? null;
    const req = provider.completionRequest(ctx.target, model);
    const empty: CompletionProbeData = { url: ctx.target.href, model, modelFrom: listed ? 'model-list' : model ? 'provider-default' : 'none', status: null, verdict: null, lowBudget: null, ttfbMs: null };
    if (!req) return { status: 'failed', data: empty, reason: { code: 'completion.noEndpoint' } };
    const sent = await sendToProvider(ctx, provider, req);
    if (!sent) return { status: 'failed', data: empty, reason: { code: 'completion.otherOrigin' } };
    const data: CompletionProbeData = { ...empty, url: req.url.href, status: sent.outcome.status, ttfbMs: sent.outcome.ttfbMs };
    if (!sent.answer) {
      const code = sent.outcome.error?.code ?? 'HTTP_EMPTY_REPLY';
      return { status: 'failed', data, reason: { code: 'completion.failed', values: { code, error: sent.outcome.error?.message ?? null } } };
    }
    const v = judgeAnswer(sent.answer, sent.plan, provider, false, req.body);
    // The key's own list offered this model and the completion refused it: a permission or plan problem, not a typo.
    const refusedListed: Evidence = v?.code === 'MODEL_NOT_FOUND' && listed !== null ? { listedButRefused: true } : {};
    data.verdict = v ? { code: v.code, evidence: { ...v.evidence, call: 'completion', ...(model && v.evidence.model === undefined ? { model } : {}), ...refusedListed } } : null;
    data.lowBudget = v ? null : lowRateBudget(sent.answer.headers);
    const summary: ProbeText = { code: 'completion.summary', values: { model, status: sent.answer.status, code: v?.code ?? null } };
    return { status: 'ok', data, summary };
  },
};
