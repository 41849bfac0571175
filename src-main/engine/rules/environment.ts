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
  return out;
};
