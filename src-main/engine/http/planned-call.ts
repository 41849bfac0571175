import { planCredential, type PlannedAuth } from '../auth/plan.js';
import { tlsTrustedFor } from '../auth/tls-trusted.js';
import { PROBE_IDS } from '../probe-data.js';
import type { ProbeContext } from '../probe.js';
import type { ProviderProfile } from '../providers/types.js';
import type { Secret } from '../secret.js';
import { baseHeaders, exchangeInput } from './call.js';
import { exchange, type ExchangeInput, type ExchangeOutcome } from './exchange.js';

type Header = { name: string; value: string };

/** One call a probe wants to make; the credential, the provider's headers and the run's connection settings are added. */
export interface CallPlan {
  method: string;
  url: URL;
  body?: string;
  /** The user's headers to send (default: all of them). */
  userHeaders?: readonly Header[];
  accept?: string;
  /** False when the TLS probe saw the certificate fail: no secret goes over that (default: the TLS probe's verdict for this URL). */
  tlsTrusted?: boolean;
  /** The credential to place (default: the run's; null when it must not be sent). */
  credential?: Secret | null;
  /** Connection settings that differ from the run's (a longer body budget, a stream callback, a signal). */
  over?: Partial<ExchangeInput>;
}

/** The OAuth access token the oauth probe obtained, if any. */
export function oauthTokenOf(ctx: ProbeContext): Secret | null {
  const oauth = ctx.result(PROBE_IDS.oauth);
  return oauth?.status === 'ok' ? (oauth.data?.token ?? null) : null;
}

/**
 * The planned call as an exchange input: where the credential goes (auth/plan), the provider's
 * required headers unless the user set them, our base headers, and the run's proxy, CA, pins and
 * budgets. The one sequence the http, server and stream probes used to write out each.
 */
export async function planCall(ctx: ProbeContext, provider: ProviderProfile, call: CallPlan): Promise<{ planned: PlannedAuth; input: ExchangeInput }> {
  const planned = planCredential({
    request: ctx.request,
    url: call.url,
    provider,
    credential: call.credential === undefined ? ctx.credential : call.credential,
    oauthToken: oauthTokenOf(ctx),
    redactor: ctx.redactor,
    tlsTrusted: call.tlsTrusted ?? tlsTrustedFor(ctx, call.url),
    now: ctx.platform.now(),
  });
  const { plan } = planned;
  // A withheld credential the user wrote as a header is left out too.
  const user = (call.userHeaders ?? ctx.request.headers).filter((h) => !(plan.withheld && plan.source === 'header' && h.name.toLowerCase() === plan.headerName));
  const required = provider.requiredHeaders(call.url).filter((h) => !user.some((u) => u.name.toLowerCase() === h.name));
  const headers = baseHeaders([...user], [...required, ...planned.headers], call.body, call.accept);
  const input = await exchangeInput(ctx, { method: call.method, url: planned.url, headers, ...(call.body !== undefined ? { body: call.body } : {}), ...call.over });
  return { planned, input };
}

/** Plans the call, sends it and keeps the exchange for the report and the HAR. */
export async function sendPlanned(ctx: ProbeContext, provider: ProviderProfile, call: CallPlan): Promise<{ planned: PlannedAuth; out: ExchangeOutcome }> {
  const { planned, input } = await planCall(ctx, provider, call);
  const out = await exchange(input);
  ctx.recordExchange(out.record);
  return { planned, out };
}
