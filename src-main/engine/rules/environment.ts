import type { FindingDraft, StageRules } from '../probe.js';
import { PROBE_IDS } from '../probe-data.js';

/**
 * ENV_CLOCK_SKEW is not decided here: the environment stage finishes before any server has been
 * asked the time. The http stage's rules emit it (evidence: skewSeconds, serverDate, localDate)
 * when the server's Date header differs by more than 60 s; the runner files it under environment.
 */
export const environmentRules: StageRules = (view) => {
  const r = view.result(PROBE_IDS.environment);
  if (!r || r.status === 'skipped' || !r.data) return [];
  const d = r.data;
  const out: FindingDraft[] = [];
  if (d.usable.length === 0 && !d.targetIsLoopback) out.push({ code: 'ENV_NO_NETWORK', evidence: { interfaces: d.usable, os: d.os, host: view.target.hostname } });
  const off = d.verifyDisabled ?? [];
  if (off.length > 0) out.push({ code: 'ENV_TLS_VERIFY_DISABLED', evidence: { source: off[0]!, sources: off, doctorVerifies: true } });
  // One finding for all suspect variables: the first named in the title, every one in the detail.
  const issues = d.envIssues ?? [];
  if (issues.length > 0) {
    const first = issues[0]!;
    out.push({ code: 'ENV_CONFIG_SUSPECT', evidence: { variable: first.variable, problem: first.problem, suggestion: first.suggestion ?? null, issues: issues.map((i) => ({ ...i })) } });
  }
  return out;
};
