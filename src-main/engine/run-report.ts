import type { ClientRow } from '../common/clients.js';
import { CODES } from '../common/codes.js';
import { REPORT_SCHEMA, type Finding, type HttpExchange, type Report, type StageResult, type Timings } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';
import type { TlsCertificates } from '../common/tls-view.js';
import { STAGES, stageIndex, type StageId } from '../common/stages.js';
import { APP_VERSION } from '../common/version.js';
import { explain, sayText } from '../report/text/index.js';
import type { ProbeText } from '../report/text/probe-texts.js';
import { adviseFrom } from './advice/index.js';
import type { FindingDraft, Probe, ProbeResult, RunView } from './probe.js';
import type { Redactor } from './redact.js';
import { byStageThenSeverity, phaseTotalMs, summarise, summariseCancelled, withCaFileOnly, withNotChecked } from './summary.js';
import { resolveProvider } from './target.js';
import { PROBE_IDS } from './probe-data.js';
import type { TlsProbeData } from './probes/tls.js';

// Building the report from what a run measured (run.ts schedules the probes and keeps the budgets).

/** A finding draft put into words in the run's language (report/text). */
export function findingOf(d: FindingDraft, request: DiagnosisRequest): Finding {
  const meta = CODES[d.code];
  return { code: d.code, stage: meta.stage, severity: d.severity ?? meta.severity, ...explain(d.code, d.evidence, request.lang), evidence: d.evidence };
}

/**
 * A stage's status. The invariant (every face shows it): a stage is `fail` only with an error
 * finding; a probe that could not run (failed without a finding, or skipped) is "not checked:
 * <reason>", in the stage's reason, never a silent ✗ or a silent ✓.
 */
export function stageStatus(stage: StageId, list: readonly Probe[], results: ReadonlyMap<string, ProbeResult>, drafts: readonly FindingDraft[]): { status: StageResult['status']; reason?: ProbeText } {
  const severities = drafts.filter((d) => CODES[d.code].stage === stage).map((d) => d.severity ?? CODES[d.code].severity);
  if (list.length === 0) {
    if (severities.includes('error')) return { status: 'fail' };
    if (severities.includes('warn')) return { status: 'warn' };
    return { status: 'skipped', reason: { code: 'run.notYetChecked' } };
  }
  const rs = list.map((p) => [p, results.get(p.id)] as const);
  if (rs.every(([, r]) => r?.status === 'skipped')) {
    // The reason that matters: a real one (cancelled, a failed prerequisite) over "not applicable".
    const r = rs.find(([, x]) => x?.status === 'skipped' && !x.notApplicable)?.[1] ?? rs[0]![1];
    return { status: 'skipped', reason: r && r.status === 'skipped' ? r.reason : { code: 'run.notRun' } };
  }
  // Probes that were asked to run and could not, with their reason.
  const items: ProbeText[] = rs
    .filter(([, r]) => r?.status === 'failed' || (r?.status === 'skipped' && !r.notApplicable))
    .map(([p, r]) => ({ code: 'run.notCheckedItem', values: { probe: p.id, reason: r && r.status !== 'ok' ? r.reason : { code: 'run.notRun' } } }));
  const note = items.length > 0 ? { reason: { code: 'run.notChecked', values: { items } } as ProbeText } : {};
  // An error finding explains the failed probes of its stage: no "not checked" beside it.
  if (severities.includes('error')) return { status: 'fail' };
  if (severities.includes('warn')) return { status: 'warn', ...note };
  if (!rs.some(([, r]) => r?.status === 'ok')) return { status: 'skipped', ...(items.length > 0 ? note : { reason: { code: 'run.notRun' } }) };
  return { status: 'pass', ...note };
}

/** Each phase's time from the earliest stage that measured it. */
function mergeTimings(probes: readonly Probe[], results: ReadonlyMap<string, ProbeResult>): Timings {
  const t: Timings = { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, downloadMs: null, totalMs: 0 };
  const ordered = [...probes].sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage));
  for (const p of ordered) {
    const r = results.get(p.id);
    if (!r || r.status === 'skipped' || !r.timing) continue;
    for (const k of ['dnsMs', 'connectMs', 'tlsMs', 'ttfbMs', 'downloadMs'] as const) {
      const v = r.timing[k];
      if (t[k] === null && typeof v === 'number') t[k] = v;
    }
  }
  t.totalMs = phaseTotalMs(t);
  return t;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

/** What the runner hands over once every probe has finished. */
export interface RunRecord {
  view: RunView;
  probes: readonly Probe[];
  results: ReadonlyMap<string, ProbeResult>;
  drafts: readonly FindingDraft[];
  exchanges: HttpExchange[];
  startedAtMs: number;
  /** When the run was cancelled, or null. */
  cancelledAtMs: number | null;
  stageDurationMs: (id: StageId) => number;
  redactor: Redactor;
  /** The client matrix's rows, or null when it was left out (or the run cancelled). */
  clients: ClientRow[] | null;
  /** The certificate section (tls-certificates.ts), when the TLS probe saw a chain. */
  tls?: TlsCertificates | undefined;
}

/**
 * The immutable report (contract section 3): findings in report order, every stage with its
 * status and reason (words in the run's language, and the same as data), verdict and headline,
 * timings, exchanges and the client advice; scrubbed by the run's redactor and frozen.
 */
export function buildReport(run: RunRecord): Report {
  const { request, target } = run.view;
  const findings = run.drafts.map((d) => findingOf(d, request)).sort(byStageThenSeverity);
  const stages: StageResult[] = STAGES.map((id) => {
    const s = stageStatus(id, run.probes.filter((p) => p.stage === id), run.results, run.drafts);
    // The reason as words in the run's language (the report's public field) and as data (to re-render).
    return { id, status: s.status, durationMs: run.stageDurationMs(id), ...(s.reason ? { reason: sayText(s.reason, request.lang), reasonRef: s.reason } : {}) };
  });
  const report: Report = {
    schema: REPORT_SCHEMA,
    tool: { name: 'api-doctor', version: APP_VERSION },
    target: { url: request.url, method: request.method, provider: resolveProvider(request, target) },
    lang: request.lang,
    startedAt: new Date(run.startedAtMs).toISOString(),
    durationMs: Date.now() - run.startedAtMs,
    summary: run.cancelledAtMs !== null ? summariseCancelled(findings, request.lang) : withCaFileOnly(withNotChecked(summarise(findings, request.lang), stages, request.lang), caFileOnlyFor(run.results), run.clients ?? undefined, request.lang),
    stages,
    findings,
    timings: mergeTimings(run.probes, run.results),
    exchanges: run.exchanges,
    ...(run.clients ? { clients: run.clients } : {}),
    ...(run.tls ? { tls: run.tls } : {}),
  };
  // Client advice reads every probe's result and the findings, so it comes after all of them.
  try {
    const advice = adviseFrom(run.view, findings.map((f) => f.code));
    if (advice !== undefined) report.advice = advice;
  } catch {
    // Advice is a bonus: its failure must not cost the report.
  }
  return deepFreeze(run.redactor.scrubDeep(report));
}

/** The client the TLS probe judged for, when only --ca-file made it trust the chain. */
function caFileOnlyFor(results: ReadonlyMap<string, ProbeResult>): string | null {
  const tls = results.get(PROBE_IDS.tls) as ProbeResult<TlsProbeData> | undefined;
  return tls?.data?.caFileOnly === true && tls.data.judged ? tls.data.judged.client : null;
}
