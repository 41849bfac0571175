import type { DiagnosisRequest } from '../../common/request.js';
import { planCredential, type PlannedAuth } from '../auth/plan.js';
import { tlsTrustedFor } from '../auth/tls-trusted.js';
import { PROBE_IDS } from '../probe-data.js';
import type { ProbeContext } from '../probe.js';
import type { ProviderProfile } from '../providers/types.js';
import type { Redactor } from '../redact.js';
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

/** What placing a credential on one call needs, without a probe context (the watch's light probe has none). */
export interface PlanInputs {
  request: DiagnosisRequest;
  provider: ProviderProfile;
  url: URL;
  credential: Secret | null;
  oauthToken: Secret | null;
  redactor: Redactor;
  tlsTrusted: boolean;
  now: number;
  /** The user's headers to send (default: all of the request's). */
  userHeaders?: readonly Header[];
  body?: string;
  accept?: string;
}

/**
 * Where the credential goes (auth/plan), the provider's required headers unless the user set
 * them, and our base headers: the one sequence every call the engine sends is built from.
 */
export function planHeaders(i: PlanInputs): { planned: PlannedAuth; headers: Header[] } {
  const planned = planCredential({ request: i.request, url: i.url, provider: i.provider, credential: i.credential, oauthToken: i.oauthToken, redactor: i.redactor, tlsTrusted: i.tlsTrusted, now: i.now });
  const { plan } = planned;
  // A withheld credential the user wrote as a header is left out too.
  const user = (i.userHeaders ?? i.request.headers).filter((h) => !(plan.withheld && plan.source === 'header' && h.name.toLowerCase() === plan.headerName));
  const required = i.provider.requiredHeaders(i.url).filter((h) => !user.some((u) => u.name.toLowerCase() === h.name));
  return { planned, headers: baseHeaders([...user], [...required, ...planned.headers], i.body, i.accept) };
}

/**
 * The planned call as an exchange input: planHeaders with this run's credential, OAuth token and
 * TLS verdict, then the run's proxy, CA, pins and budgets. The one sequence the http, server and
 * stream probes used to write out each.
 */
export async function planCall(ctx: ProbeContext, provider: ProviderProfile, call: CallPlan): Promise<{ planned: PlannedAuth; input: ExchangeInput }> {
  const { planned, headers } = planHeaders({
    request: ctx.request,
    provider,
    url: call.url,
    credential: call.credential === undefined ? ctx.credential : call.credential,
    oauthToken: oauthTokenOf(ctx),
    redactor: ctx.redactor,
    tlsTrusted: call.tlsTrusted ?? tlsTrustedFor(ctx, call.url),
    now: ctx.platform.now(),
    ...(call.userHeaders ? { userHeaders: call.userHeaders } : {}),
    ...(call.body !== undefined ? { body: call.body } : {}),
    ...(call.accept !== undefined ? { accept: call.accept } : {}),
  });
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
