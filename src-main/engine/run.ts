import { CODES } from '../common/codes.js';
import type { ProgressEvent } from '../common/progress.js';
import { REPORT_SCHEMA, type Finding, type HttpExchange, type Report, type StageResult, type Timings } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';
import { STAGES, stageIndex, type StageId } from '../common/stages.js';
import { APP_VERSION } from '../common/version.js';
import { explain } from '../report/explain/index.js';
import { nodePlatform, type PlatformAdapters } from './platform.js';
import type { FindingDraft, Probe, ProbeContext, ProbeOutcome, ProbeResult, RunView, StageRules } from './probe.js';
import { adviseFrom } from './advice/index.js';
import { PROBES } from './probes/index.js';
import { Redactor } from './redact.js';
import { learnRequestSecrets } from './redact-request.js';
import { RULES } from './rules/index.js';
import type { Secret } from './secret.js';
import { resolveProvider } from './target.js';
import { byStageThenSeverity, phaseTotalMs, summarise, summariseCancelled, withNotChecked } from './summary.js';
import { startMatrixInputs } from './clients/matrix.js';
import { withClientMatrix } from './clients/attach.js';
import { PATHS_PROBE_ID } from './probes/paths.js';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
  platform?: Partial<PlatformAdapters>;
  /** The credential, already resolved by the caller (keychain, env); null for none. */
  credential?: Secret | null;
  /** Extra secrets to scrub from everything the run emits (e.g. an OAuth client secret). */
  secrets?: string[];
  /** For tests: other probes and rules. */
  probes?: readonly Probe[];
  rules?: Partial<Record<StageId, StageRules>>;
  /** The python3 the client matrix asks about certifi and its modules (default: python3 on PATH). */
  python?: string;
  /** false leaves the client matrix out (its second path and trust stores): the bench's baseline. */
  clientMatrix?: boolean;
}

/**
 * A probe that ignores its AbortSignal must not hang the run: once its budget is spent, the
 * runner waits this long for it to wind down, then reports it as timed out and moves on.
 */
const ABORT_GRACE_MS = 250;

/**
 * Runs a diagnosis: probes in dependency order (independent ones concurrently), then each
 * stage's rules, and returns the immutable report. Never throws; a cancelled run still returns
 * a report (the unfinished probes skipped as cancelled).
 */
export async function runDiagnosis(request: DiagnosisRequest, opts: RunOptions = {}): Promise<Report> {
  const startedAtMs = Date.now();
  const startedAt = new Date(startedAtMs).toISOString();
  const withMatrix = opts.clientMatrix !== false;
  const probes = opts.probes ?? (withMatrix ? PROBES : PROBES.filter((p) => p.id !== PATHS_PROBE_ID));
  const rules = opts.rules ?? RULES;
  const platform = nodePlatform(opts.platform);
  const redactor = new Redactor();
  const credential = opts.credential ?? null;
  if (credential) redactor.add(credential.reveal());
  for (const s of opts.secrets ?? []) redactor.add(s);
  learnRequestSecrets(redactor, request, platform.env);
  const emit = (e: ProgressEvent) => {
    try {
      opts.onProgress?.(redactor.scrubDeep(e));
    } catch {
      // A listener's bug must not break the run.
    }
  };

  // When the run was cancelled: a probe still running then is reported as cancelled, not judged
  // (an aborted socket looks like a timeout, and that would be a confident wrong verdict).
  let cancelledAtMs: number | null = opts.signal?.aborted ? startedAtMs : null;
  const onCancel = () => (cancelledAtMs ??= Date.now());
  opts.signal?.addEventListener('abort', onCancel, { once: true });
  const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

  const target = new URL(request.url);
  // Trust stores and python3's certifi are read while the probes run: the matrix then costs no wall time.
  const matrixInputs = withMatrix ? startMatrixInputs(platform, opts.python) : null;
  const results = new Map<string, ProbeResult>();
  const exchanges: HttpExchange[] = [];
  const drafts: FindingDraft[] = [];
  const view: RunView = { request, target, result: <T>(id: string) => results.get(id) as ProbeResult<T> | undefined };

  const byStage = new Map<StageId, Probe[]>();
  for (const p of probes) byStage.set(p.stage, [...(byStage.get(p.stage) ?? []), p]);
  const stageStart = new Map<StageId, number>();
  const stageEnd = new Map<StageId, number>();
  const ids = new Set(probes.map((p) => p.id));

  const findingOf = (d: FindingDraft): Finding => {
    const meta = CODES[d.code];
    const text = explain(d.code, d.evidence, request.lang);
    return { code: d.code, stage: meta.stage, severity: d.severity ?? meta.severity, ...text, evidence: d.evidence };
  };

  const finishStageIfDone = (stage: StageId) => {
    const list = byStage.get(stage) ?? [];
    if (stageEnd.has(stage) || !list.every((p) => results.has(p.id))) return;
    stageEnd.set(stage, Date.now());
    const stageRules = rules[stage];
    let found: FindingDraft[] = [];
    // A stage whose probes were all skipped checked nothing: its rules have nothing to judge.
    const allSkipped = list.length > 0 && list.every((p) => results.get(p.id)?.status === 'skipped');
    if (stageRules && !allSkipped) {
      try {
        found = stageRules(view);
      } catch (e) {
        found = [];
        emit({ type: 'probe-finished', probe: `rules:${stage}`, stage, status: 'failed', durationMs: 0, summary: `rule error: ${String(e)}` });
      }
    }
    drafts.push(...found);
    for (const d of found) emit({ type: 'finding', finding: findingOf(d) });
    const status = stageStatus(stage, list, results, drafts);
    emit({ type: 'stage-finished', stage, status: status.status, durationMs: stageEnd.get(stage)! - (stageStart.get(stage) ?? stageEnd.get(stage)!) });
  };

  const runOne = async (probe: Probe): Promise<void> => {
    const satisfied = (r: ProbeResult | undefined) => r?.status === 'ok' || (r?.status === 'skipped' && r.notApplicable === true);
    const blocked = probe.dependsOn.map((d) => [d, results.get(d)] as const).find(([d, r]) => ids.has(d) && !satisfied(r));
    const na = probe.notApplicable?.(request, target) ?? null;
    if (!stageStart.has(probe.stage)) {
      stageStart.set(probe.stage, Date.now());
      emit({ type: 'stage-started', stage: probe.stage });
    }
    if (opts.signal?.aborted) {
      results.set(probe.id, { status: 'skipped', reason: `cancelled after ${secs((cancelledAtMs ?? Date.now()) - startedAtMs)}, before it started`, durationMs: 0 });
    } else if (blocked) {
      // A failed prerequisite wins over "not applicable": otherwise a not-applicable probe (tls on
      // http://) would let its dependants run after dns or tcp failed.
      const [dep, r] = blocked;
      const why = r && r.status !== 'ok' ? r.reason : 'not run';
      results.set(probe.id, { status: 'skipped', reason: r?.status === 'skipped' ? why : `${dep} failed: ${why}`, durationMs: 0 });
    } else if (na !== null) {
      results.set(probe.id, { status: 'skipped', reason: na, notApplicable: true, durationMs: 0 });
    } else {
      // The budget goes along so the wizard can say "3.1 s of 10 s" while it waits.
      emit({ type: 'probe-started', probe: probe.id, stage: probe.stage, budgetMs: probe.budgetMs?.(request) ?? request.timeoutMs });
      const t0 = performance.now();
      const outcome = await runWithBudget(probe, request, target, opts.signal, (budget, signal) => {
        const ctx: ProbeContext = {
          request,
          target,
          signal,
          budgetMs: budget,
          result: view.result,
          platform,
          credential,
          redactor,
          // Tagged with the stage and probe that made it, so the wizard shows it where it belongs (503 samples under Server).
          recordExchange: (x) => exchanges.push({ ...x, stage: probe.stage, probe: probe.id }),
        };
        return probe.run(ctx);
      });
      const durationMs = Math.round((performance.now() - t0) * 10) / 10;
      if (opts.signal?.aborted) {
        // Cut short by the cancel: what it saw is not a measurement of the target.
        const budget = probe.budgetMs?.(request) ?? request.timeoutMs;
        // "after" counts from the start of the run (what the user waited), "of" is this probe's budget.
        results.set(probe.id, { status: 'skipped', reason: `cancelled after ${secs((cancelledAtMs ?? Date.now()) - startedAtMs)} of ${secs(budget)}`, durationMs });
      } else results.set(probe.id, { ...outcome, durationMs });
    }
    const r = results.get(probe.id)!;
    emit({ type: 'probe-finished', probe: probe.id, stage: probe.stage, status: r.status, durationMs: r.durationMs, ...(r.status !== 'skipped' && r.summary ? { summary: r.summary } : r.status === 'skipped' ? { summary: r.reason } : {}) });
    finishStageIfDone(probe.stage);
  };

  // Start each probe as soon as everything it depends on has finished.
  const started = new Map<string, Promise<void>>();
  const start = (p: Probe): Promise<void> => {
    let pr = started.get(p.id);
    if (!pr) {
      const deps = p.dependsOn.filter((d) => ids.has(d)).map((d) => start(probes.find((q) => q.id === d)!));
      pr = Promise.all(deps).then(() => runOne(p));
      started.set(p.id, pr);
    }
    return pr;
  };
  assertAcyclic(probes);
  await Promise.all(probes.map(start));
  opts.signal?.removeEventListener('abort', onCancel);

  // A cancelled run stops here: no waiting for python3 or the stores.
  const matrix = matrixInputs && cancelledAtMs === null ? await withClientMatrix(view, drafts.map(findingOf), matrixInputs, platform, request.lang) : { rows: null, extra: [] };
  drafts.push(...matrix.extra);
  const findings = drafts
    .map(findingOf)
    .sort(byStageThenSeverity);
  const stages: StageResult[] = STAGES.map((id) => {
    const list = byStage.get(id) ?? [];
    const s = stageStatus(id, list, results, drafts);
    const durationMs = stageStart.has(id) && stageEnd.has(id) ? stageEnd.get(id)! - stageStart.get(id)! : 0;
    return { id, status: s.status, durationMs, ...(s.reason ? { reason: s.reason } : {}) };
  });

  const report: Report = {
    schema: REPORT_SCHEMA,
    tool: { name: 'api-doctor', version: APP_VERSION },
    target: { url: request.url, method: request.method, provider: resolveProvider(request, target) },
    lang: request.lang,
    startedAt,
    durationMs: Date.now() - startedAtMs,
    summary: cancelledAtMs !== null ? summariseCancelled(findings, request.lang) : withNotChecked(summarise(findings, request.lang), stages, request.lang),
    stages,
    findings,
    timings: mergeTimings(probes, results),
    exchanges,
    ...(matrix.rows ? { clients: matrix.rows } : {}),
  };
  // Client advice reads every probe's result and the findings, so it comes after all of them.
  try {
    const advice = adviseFrom(view, findings.map((f) => f.code));
    if (advice !== undefined) report.advice = advice;
  } catch {
    // Advice is a bonus: its failure must not cost the report.
  }
  const safe = deepFreeze(redactor.scrubDeep(report));
  emit({ type: 'done', report: safe });
  return safe;
}

async function runWithBudget<T>(
  probe: Probe<T>,
  request: DiagnosisRequest,
  target: URL,
  runSignal: AbortSignal | undefined,
  go: (budget: number, signal: AbortSignal) => Promise<ProbeOutcome<T>>,
): Promise<ProbeOutcome<T>> {
  void target;
  const budget = probe.budgetMs?.(request) ?? request.timeoutMs;
  const ctrl = new AbortController();
  const onRunAbort = () => ctrl.abort(runSignal?.reason ?? new Error('cancelled'));
  runSignal?.addEventListener('abort', onRunAbort, { once: true });
  const budgetTimer = setTimeout(() => ctrl.abort(new Error(`budget of ${budget} ms spent`)), budget);
  let graceTimer: NodeJS.Timeout | undefined;
  const hardStop = new Promise<ProbeOutcome<T>>((resolve) => {
    ctrl.signal.addEventListener('abort', () => {
      graceTimer = setTimeout(() => {
        const cancelled = runSignal?.aborted ?? false;
        resolve({ status: 'failed', data: undefined as T, reason: cancelled ? 'cancelled' : `no result within ${budget} ms` });
      }, ABORT_GRACE_MS);
    });
  });
  try {
    return await Promise.race([
      go(budget, ctrl.signal).catch((e: unknown): ProbeOutcome<T> => ({
        status: 'failed',
        data: undefined as T,
        reason: runSignal?.aborted ? 'cancelled' : `probe error: ${e instanceof Error ? e.message : String(e)}`,
      })),
      hardStop,
    ]);
  } finally {
    clearTimeout(budgetTimer);
    clearTimeout(graceTimer);
    runSignal?.removeEventListener('abort', onRunAbort);
  }
}

/**
 * A stage's status. The invariant (every face shows it): a stage is `fail` only with an error
 * finding; a probe that could not run (failed without a finding, or skipped) is "not checked:
 * <reason>", in the stage's reason, never a silent ✗ or a silent ✓.
 */
export function stageStatus(stage: StageId, list: Probe[], results: Map<string, ProbeResult>, drafts: FindingDraft[]): { status: StageResult['status']; reason?: string } {
  const severities = drafts.filter((d) => CODES[d.code].stage === stage).map((d) => d.severity ?? CODES[d.code].severity);
  if (list.length === 0) {
    if (severities.includes('error')) return { status: 'fail' };
    if (severities.includes('warn')) return { status: 'warn' };
    return { status: 'skipped', reason: 'not yet checked' };
  }
  const rs = list.map((p) => [p, results.get(p.id)] as const);
  if (rs.every(([, r]) => r?.status === 'skipped')) {
    // The reason that matters: a real one (cancelled, a failed prerequisite) over "not applicable".
    const r = rs.find(([, x]) => x?.status === 'skipped' && !x.notApplicable)?.[1] ?? rs[0]![1];
    return { status: 'skipped', reason: r && r.status === 'skipped' ? r.reason : 'not run' };
  }
  // Probes that were asked to run and could not, with their reason.
  const notChecked = rs
    .filter(([, r]) => r?.status === 'failed' || (r?.status === 'skipped' && !r.notApplicable))
    .map(([p, r]) => `${p.id}: ${r && r.status !== 'ok' ? r.reason : 'not run'}`);
  const note = notChecked.length > 0 ? { reason: `not checked: ${notChecked.join('; ')}` } : {};
  // An error finding explains the failed probes of its stage: no "not checked" beside it.
  if (severities.includes('error')) return { status: 'fail' };
  if (severities.includes('warn')) return { status: 'warn', ...note };
  if (!rs.some(([, r]) => r?.status === 'ok')) return { status: 'skipped', ...(notChecked.length > 0 ? note : { reason: 'not run' }) };
  return { status: 'pass', ...note };
}

function mergeTimings(probes: readonly Probe[], results: Map<string, ProbeResult>): Timings {
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

function assertAcyclic(probes: readonly Probe[]): void {
  const byId = new Map(probes.map((p) => [p.id, p]));
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, path: string[]) => {
    if (state.get(id) === 2) return;
    if (state.get(id) === 1) throw new Error(`probe dependency cycle: ${[...path, id].join(' → ')}`);
    state.set(id, 1);
    for (const d of byId.get(id)?.dependsOn ?? []) if (byId.has(d)) visit(d, [...path, id]);
    state.set(id, 2);
  };
  for (const p of probes) visit(p.id, []);
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}
