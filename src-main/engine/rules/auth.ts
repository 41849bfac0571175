import { CODES } from '../../common/codes.js';
import { PROBE_IDS } from '../probe-data.js';
import type { FindingDraft, RunView, StageRules } from '../probe.js';
import { printableEvidence } from '../http/printable.js';

/**
 * Every finding of the auth stage (the OAuth token request, the local credential checks, and what the server said about the credential), with server-quoted text made safe to
 * print.
 */
export const authRules: StageRules = (view) => rawAuthRules(view).map((d) => ({ code: d.code, evidence: printableEvidence(d.evidence) }));

const rawAuthRules = (view: RunView): FindingDraft[] => {
  const out: FindingDraft[] = [];
  const o = view.result(PROBE_IDS.oauth);
  if (o?.status === 'ok' && o.data && !o.data.token) {
    const x = o.data;
    out.push({
      code: 'OAUTH_TOKEN_REQUEST_FAILED',
      evidence: { tokenUrl: x.tokenUrl, status: x.status, error: x.error, errorDescription: x.errorDescription, ...(x.networkError ? { networkError: x.networkError } : {}) },
    });
  }
  const h = view.result(PROBE_IDS.http)?.data;
  if (h?.verdict && CODES[h.verdict.code].stage === 'auth') out.push(h.verdict);
  else if (h?.plan.problem && !h.verdict) out.push({ code: h.plan.problem.code, evidence: h.plan.problem.evidence });
  return out;
};
