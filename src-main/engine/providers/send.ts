import type { OAuthData } from '../auth/oauth.js';
import { planCredential, type CredentialPlan } from '../auth/plan.js';
import { baseHeaders, exchangeInput, summarize } from '../http/call.js';
import { exchange, type ExchangeOutcome } from '../http/exchange.js';
import type { AnswerSummary } from '../http/types.js';
import { PROBE_IDS, type TlsData } from '../probe-data.js';
import type { ProbeContext } from '../probe.js';
import type { ProbeRequest, ProviderProfile } from './types.js';

/** A provider follow-up call (model list, corrected base, one-token completion) never waits longer than this per phase. */
export const FOLLOW_UP_PHASE_MS = 5_000;

/** True unless the TLS probe saw the target's certificate fail verification: then no secret is sent (contract, section 4). */
export function tlsTrustedFor(ctx: Pick<ProbeContext, 'target' | 'result'>): boolean {
  const tls = ctx.result<TlsData>(PROBE_IDS.tls);
  return ctx.target.protocol !== 'https:' || tls?.status !== 'ok' || tls.data?.authorized !== false;
}

export interface Sent {
  outcome: ExchangeOutcome;
  answer: AnswerSummary | null;
  plan: CredentialPlan;
}

/**
 * Sends one extra request of the provider's own layout with the run's credential, placed and
 * checked exactly as for the user's call. Same origin as the target only: the key never goes to
 * a host the user did not name. Null when the request would leave the origin.
 */
export async function sendToProvider(ctx: ProbeContext, provider: ProviderProfile, req: ProbeRequest, phaseMs = Math.min(ctx.request.timeoutMs, FOLLOW_UP_PHASE_MS)): Promise<Sent | null> {
  if (req.url.origin !== ctx.target.origin) return null;
  const oauth = ctx.result<OAuthData>(PROBE_IDS.oauth);
  const oauthToken = oauth?.status === 'ok' ? (oauth.data?.token ?? null) : null;
  const planned = planCredential({ request: ctx.request, url: req.url, provider, credential: ctx.credential, oauthToken, redactor: ctx.redactor, tlsTrusted: tlsTrustedFor(ctx), now: ctx.platform.now() });
  const userHeaders = ctx.request.headers.filter((h) => !(planned.plan.withheld && planned.plan.source === 'header' && h.name.toLowerCase() === planned.plan.headerName) && h.name.toLowerCase() !== 'content-length');
  const required = provider.requiredHeaders(req.url).filter((h) => !userHeaders.some((u) => u.name.toLowerCase() === h.name));
  const headers = baseHeaders(userHeaders.filter((h) => req.body !== undefined || h.name.toLowerCase() !== 'content-type'), [...required, ...planned.headers], req.body);
  const input = await exchangeInput(ctx, { method: req.method, url: planned.url, headers, timeoutMs: phaseMs, ...(req.body !== undefined ? { body: req.body } : {}) });
  const outcome = await exchange(input);
  ctx.recordExchange(outcome.record);
  return { outcome, answer: summarize(outcome, req.body ? Buffer.byteLength(req.body) : 0), plan: planned.plan };
}
