import { CODES } from '../../common/codes.js';
import type { CredentialPlan } from '../auth/plan.js';
import type { HttpProbeData } from '../http/types.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe } from '../probe.js';
import { say } from '../say.js';

export interface AuthProbeData {
  plan: CredentialPlan;
  status: number | null;
  /** The auth-stage code the answer implies, if any. */
  code: string | null;
}

/**
 * Judges the credential from the http probe's answer (no request of its own: the user's call
 * already carried it). Fails when the credential is missing, malformed or refused, so the
 * server stage is skipped rather than sampled with a key that cannot work.
 */
export const authProbe: Probe<AuthProbeData> = {
  id: PROBE_IDS.auth,
  stage: 'auth',
  dependsOn: [PROBE_IDS.http],
  async run(ctx) {
    const http = ctx.result<HttpProbeData>(PROBE_IDS.http);
    const d = http?.data;
    if (!d) return { status: 'failed', data: { plan: emptyPlan, status: null, code: null }, reason: 'no answer to judge' };
    const v = d.verdict;
    const code = v && CODES[v.code].stage === 'auth' ? v.code : null;
    const data: AuthProbeData = { plan: d.plan, status: d.answer?.status ?? null, code };
    const who = d.plan.source === 'none' ? 'no credential' : `${d.plan.fingerprint ?? 'credential'} as ${d.plan.sentAs}${d.plan.withheld ? ' (withheld)' : ''}`;
    if (d.oauthFailed) return { status: 'failed', data, reason: 'OAuth token request failed' };
    if (code) return { status: 'failed', data, reason: `${code}: ${who}` };
    return { status: 'ok', data, summary: d.plan.source === 'none' ? say(ctx.request.lang, 'no credential needed for this call', '此调用无需凭据') : say(ctx.request.lang, `accepted: ${who}`, `已接受：${who}`) };
  },
};

const emptyPlan: CredentialPlan = { source: 'none', sentAs: null, headerName: null, scheme: null, fingerprint: null, problem: null, withheld: false, withheldReason: null, placement: null };
