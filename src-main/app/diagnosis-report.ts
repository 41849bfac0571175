import type { Report, Timings } from '../common/report.js';
import type { StageId } from '../common/stages.js';
import { byStageThenSeverity, phaseTotalMs, summarise, summariseCancelled, withNotChecked } from '../engine/summary.js';

/**
 * A re-run of some stages replaces exactly those stages in the earlier report: their results and
 * findings. Later stages keep what they measured before; verdict and root cause are decided again.
 */
export function mergeRerun(before: Report, fresh: Report, rerun: ReadonlySet<StageId>): Report {
  const findings = [...before.findings.filter((f) => !rerun.has(f.stage)), ...fresh.findings.filter((f) => rerun.has(f.stage))].sort(byStageThenSeverity);
  const stages = before.stages.map((s) => (rerun.has(s.id) ? (fresh.stages.find((x) => x.id === s.id) ?? s) : s));
  const timings: Timings = { ...before.timings };
  for (const k of ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'downloadMs'] as const) if (fresh.timings[k] !== null) timings[k] = fresh.timings[k];
  timings.totalMs = phaseTotalMs(timings);
  // The certificate section belongs to the TLS stage: a re-run of TLS (a CA file chosen) replaces it.
  const { tls: beforeTls, ...rest } = before;
  const tls = rerun.has('tls') ? fresh.tls : beforeTls;
  return {
    ...rest,
    ...(tls ? { tls } : {}),
    lang: fresh.lang,
    startedAt: fresh.startedAt,
    durationMs: fresh.durationMs,
    stages,
    findings,
    timings,
    exchanges: fresh.exchanges.length > 0 ? fresh.exchanges : before.exchanges,
    ...(fresh.advice !== undefined ? { advice: fresh.advice } : {}),
    summary: fresh.summary.verdict === 'cancelled' ? summariseCancelled(findings, fresh.lang) : withNotChecked(summarise(findings, fresh.lang), stages, fresh.lang),
  };
}
