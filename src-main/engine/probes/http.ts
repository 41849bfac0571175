import { CODES } from '../../common/codes.js';
import type { ProbeText } from '../../report/text/probe-texts.js';
import { CREDENTIAL_HEADERS } from '../auth/plan.js';
import { proxyResolver, summarize } from '../http/call.js';
import { oauthTokenOf, planCall } from '../http/planned-call.js';
import { exchange } from '../http/exchange.js';
import { judgeAnswer } from '../http/answer-finding.js';
import { followRedirects } from '../http/redirects.js';
import { tlsTrustedFor } from '../auth/tls-trusted.js';
import type { HttpProbeData } from '../http/types.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe } from '../probe.js';
import { profileFor } from '../providers/index.js';
import { FOLLOW_UP_BUDGET, followUp } from '../providers/follow-up.js';
import { redirectChangedMethod } from '../rules/redirect-method.js';

/**
 * Connect, headers and body each get the per-phase timeout; redirect hops share what is left.
 * Three phases plus a second of slack bound one exchange; the budget allows for that.
 */
export const httpBudget = (timeoutMs: number) => timeoutMs * 3 + 1000 + FOLLOW_UP_BUDGET(timeoutMs);

/** The user's call, as they would make it: their URL, method, headers and body, with the credential placed. */
export const httpProbe: Probe<HttpProbeData> = {
  id: PROBE_IDS.http,
  stage: 'http',
  dependsOn: [PROBE_IDS.tls, PROBE_IDS.oauth],
  budgetMs: (r) => httpBudget(r.timeoutMs),
  async run(ctx) {
    const provider = profileFor(ctx.request, ctx.target);
    const oauthFailed = !!ctx.request.oauth && !oauthTokenOf(ctx);
    // The TLS probe's verdict on the certificate; when it did not run, our own connector verifies (and refuses) anyway.
    const tlsTrusted = tlsTrustedFor(ctx, ctx.target);
    const body = ctx.request.body;
    const { planned, input: first } = await planCall(ctx, provider, { method: ctx.request.method, url: ctx.target, ...(body !== undefined ? { body } : {}), tlsTrusted, credential: oauthFailed ? null : ctx.credential });
    const { plan } = planned;
    const trail = await followRedirects(
      first,
      async (input) => {
        const out = await exchange(input);
        ctx.recordExchange(out.record);
        return out;
      },
      [...CREDENTIAL_HEADERS, ...(plan.headerName ? [plan.headerName] : [])],
      proxyResolver(ctx),
    );
    const f = trail.final;
    const answer = f.error ? null : summarize(f, body !== undefined ? Buffer.byteLength(body) : 0);
    const data: HttpProbeData = {
      provider: provider.id,
      plan,
      hops: trail.hops.map((h) => ({ url: h.url, method: h.method, status: h.status, location: h.headers.location ?? null, totalMs: h.totalMs })),
      answer,
      error: f.error ? { ...f.error, url: f.url, timeoutMs: ctx.request.timeoutMs, receivedBytes: f.body?.wireBytes ?? 0, status: f.status } : null,
      loop: trail.loop,
      downgrade: trail.downgrade,
      refused: trail.refused,
      oauthFailed,
      timing: { dnsMs: f.times.dnsMs, connectMs: f.times.connectMs, tlsMs: f.times.tlsMs, ttfbMs: f.ttfbMs, downloadMs: f.downloadMs },
      verdict: null,
    };
    // A redirect to another origin drops the credential (like curl and browsers): judge the answer as one that came without it.
    const dropped = plan.source !== 'none' && !plan.withheld && new URL(f.url).origin !== planned.url.origin;
    const judged = dropped ? { ...plan, withheld: true, withheldReason: `not sent to ${new URL(f.url).origin} after a redirect to another origin` } : plan;
    data.verdict = answer ? await followUp(ctx, provider, judgeAnswer(answer, judged, provider, oauthFailed, body)) : null;
    if (data.error) return { status: 'failed', data, reason: { code: 'http.error', values: { error: data.error.code ?? data.error.errno ?? 'error', message: data.error.message } }, timing: data.timing };
    if (trail.loop) return { status: 'failed', data, reason: trail.loop.reason === 'limit' ? { code: 'http.redirectLimit', values: { limit: trail.loop.chain.length - 1 } } : { code: 'http.redirectLoop' }, timing: data.timing };
    if (trail.refused) return { status: 'failed', data, reason: { code: 'http.redirectRefused', values: { scheme: trail.refused.scheme } }, timing: data.timing };
    const changed = redirectChangedMethod(data);
    if (changed) return { status: 'failed', data, reason: { code: 'http.redirectChangedMethod', values: { status: String(changed.evidence.redirectStatus), from: ctx.request.method, to: String(changed.evidence.becameMethod) } }, timing: data.timing };
    const summary: ProbeText = { code: 'http.answered', values: { status: answer!.status, statusText: answer!.statusText, redirects: trail.hops.length > 1 ? trail.hops.length - 1 : null, ms: f.totalMs } };
    // An http-stage problem (404, HTML page, …) means auth and server cannot be judged from this answer.
    if (data.verdict && CODES[data.verdict.code].stage === 'http') return { status: 'failed', data, reason: { code: 'http.verdict', values: { code: data.verdict.code, status: answer!.status } }, summary, timing: data.timing };
    return { status: 'ok', data, summary, timing: data.timing };
  },
};
