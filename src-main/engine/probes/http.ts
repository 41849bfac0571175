import { CODES } from '../../common/codes.js';
import { planCredential, CREDENTIAL_HEADERS } from '../auth/plan.js';
import { baseHeaders, exchangeInput, proxyResolver, summarize } from '../http/call.js';
import { exchange } from '../http/exchange.js';
import { judgeAnswer } from '../http/judge.js';
import { followRedirects } from '../http/redirects.js';
import { tlsTrustedFor } from '../auth/tls-trusted.js';
import type { HttpProbeData } from '../http/types.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe } from '../probe.js';
import { profileFor } from '../providers/index.js';
import type { OAuthData } from '../auth/oauth.js';
import { say } from '../say.js';
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
    const oauth = ctx.result<OAuthData>(PROBE_IDS.oauth);
    const oauthToken = oauth?.status === 'ok' ? (oauth.data?.token ?? null) : null;
    const oauthFailed = !!ctx.request.oauth && !oauthToken;
    // The TLS probe's verdict on the certificate; when it did not run, our own connector verifies (and refuses) anyway.
    const tlsTrusted = tlsTrustedFor(ctx, ctx.target);
    const planned = planCredential({
      request: ctx.request,
      url: ctx.target,
      provider,
      credential: oauthFailed ? null : ctx.credential,
      oauthToken,
      redactor: ctx.redactor,
      tlsTrusted,
      now: ctx.platform.now(),
    });
    const { plan } = planned;
    // A withheld credential the user wrote as a header is left out too.
    const userHeaders = ctx.request.headers.filter((h) => !(plan.withheld && plan.source === 'header' && h.name.toLowerCase() === plan.headerName));
    const body = ctx.request.body;
    const headers = baseHeaders(userHeaders, [...provider.requiredHeaders(ctx.target).filter((h) => !userHeaders.some((u) => u.name.toLowerCase() === h.name)), ...planned.headers], body);
    const first = await exchangeInput(ctx, { method: ctx.request.method, url: planned.url, headers, ...(body !== undefined ? { body } : {}) });
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
    const hopNote = trail.hops.length > 1 ? ` after ${trail.hops.length - 1} redirect(s)` : '';
    if (data.error) return { status: 'failed', data, reason: `${data.error.code ?? data.error.errno ?? 'error'}: ${data.error.message}`, timing: data.timing };
    if (trail.loop) return { status: 'failed', data, reason: `redirect ${trail.loop.reason}`, timing: data.timing };
    if (trail.refused) return { status: 'failed', data, reason: `redirect to a ${trail.refused.scheme} URL not followed`, timing: data.timing };
    const changed = redirectChangedMethod(data);
    if (changed) return { status: 'failed', data, reason: `a ${String(changed.evidence.redirectStatus)} redirect turned the ${ctx.request.method} into a ${String(changed.evidence.becameMethod)}`, timing: data.timing };
    const summary = say(ctx.request.lang, `${answer!.status} ${answer!.statusText}${hopNote} in ${f.totalMs} ms`, `${answer!.status} ${answer!.statusText}${hopNote}，用时 ${f.totalMs} 毫秒`);
    // An http-stage problem (404, HTML page, …) means auth and server cannot be judged from this answer.
    if (data.verdict && CODES[data.verdict.code].stage === 'http') return { status: 'failed', data, reason: `${data.verdict.code} (${answer!.status})`, summary, timing: data.timing };
    return { status: 'ok', data, summary, timing: data.timing };
  },
};
