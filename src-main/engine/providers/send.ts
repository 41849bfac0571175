import type { CredentialPlan } from '../auth/plan.js';
import { summarize } from '../http/call.js';
import type { ExchangeOutcome } from '../http/exchange.js';
import { sendPlanned } from '../http/planned-call.js';
import type { AnswerSummary } from '../http/types.js';
import type { ProbeContext } from '../probe.js';
import type { ProbeRequest, ProviderProfile } from './types.js';

/** A provider follow-up call (model list, corrected base, one-token completion) never waits longer than this per phase. */
export const FOLLOW_UP_PHASE_MS = 5_000;


export interface Sent {
  outcome: ExchangeOutcome;
  answer: AnswerSummary | null;
  plan: CredentialPlan;
}

/**
 * Sends one extra request of the provider's own layout with the run's credential, placed and
 * checked exactly as for the user's call (engine/http/planned-call.ts, the one sequence every
 * probe uses). Same origin as the target only: the key never goes to a host the user did not
 * name. Null when the request would leave the origin.
 */
export async function sendToProvider(ctx: ProbeContext, provider: ProviderProfile, req: ProbeRequest, phaseMs = Math.min(ctx.request.timeoutMs, FOLLOW_UP_PHASE_MS)): Promise<Sent | null> {
  if (req.url.origin !== ctx.target.origin) return null;
  // Our own Content-Length is computed; the user's Content-Type only goes with a body.
  const userHeaders = ctx.request.headers.filter((h) => h.name.toLowerCase() !== 'content-length' && (req.body !== undefined || h.name.toLowerCase() !== 'content-type'));
  const { planned, out } = await sendPlanned(ctx, provider, { method: req.method, url: req.url, ...(req.body !== undefined ? { body: req.body } : {}), userHeaders, over: { timeoutMs: phaseMs } });
  return { outcome: out, answer: summarize(out, req.body ? Buffer.byteLength(req.body) : 0), plan: planned.plan };
}
