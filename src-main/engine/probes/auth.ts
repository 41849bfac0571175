import { CODES } from '../../common/codes.js';
import type { ProbeText } from '../../report/text/probe-texts.js';
import type { CredentialPlan } from '../auth/plan.js';
import { PROBE_IDS } from '../probe-data.js';
import type { Probe } from '../probe.js';

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
    const http = ctx.result(PROBE_IDS.http);
    const d = http?.data;
    if (!d) return { status: 'failed', data: { plan: emptyPlan, status: null, code: null }, reason: { code: 'auth.noAnswer' } };
    const v = d.verdict;
    const code = v && CODES[v.code].stage === 'auth' ? v.code : null;
    const data: AuthProbeData = { plan: d.plan, status: d.answer?.status ?? null, code };
    const who: ProbeText = d.plan.source === 'none' ? { code: 'auth.noCredential' } : { code: 'auth.credential', values: { fingerprint: d.plan.fingerprint ?? null, sentAs: d.plan.sentAs, withheld: d.plan.withheld ?? false } };
    if (d.oauthFailed) return { status: 'failed', data, reason: { code: 'auth.oauthFailed' } };
    if (code) return { status: 'failed', data, reason: { code: 'auth.refused', values: { code, who } } };
    return { status: 'ok', data, summary: d.plan.source === 'none' ? { code: 'auth.notNeeded' } : { code: 'auth.accepted', values: { who } } };
  },
};

const emptyPlan: CredentialPlan = { source: 'none', sentAs: null, headerName: null, scheme: null, fingerprint: null, problem: null, withheld: false, withheldReason: null, placement: null };
