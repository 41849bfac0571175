import type { ProgressEvent } from '../common/progress.js';
import type { HttpExchange, Report } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';
import type { StageId } from '../common/stages.js';
import type { ProbeText } from '../report/text/probe-texts.js';
import { elapsedMs } from './elapsed.js';
import { nodePlatform, type PlatformAdapters } from './platform.js';
import type { FindingDraft, Probe, ProbeContext, ProbeResult, RunView, StageRules } from './probe.js';
import { PROBES } from './probes/index.js';
import { Redactor } from './redact.js';
import { learnRequestSecrets } from './redact-request.js';
import { RULES } from './rules/index.js';
import { buildReport, findingOf, stageStatus } from './run-report.js';
import { assertAcyclic, runWithBudget } from './run-schedule.js';
import type { Secret } from './secret.js';
import { startMatrixInputs } from './clients/matrix.js';
import { withClientMatrix } from './clients/attach.js';
import { tlsCertificates } from './tls-certificates.js';
import { PATHS_PROBE_ID } from './probes/paths.js';
import { PROBE_IDS } from './probe-data.js';

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

/** Seconds to one decimal, the way a cancel reason states them. */
const secs = (ms: number): string => (ms / 1000).toFixed(1);

/**
 * Runs a diagnosis: probes in dependency order (independent ones concurrently), each within its
 * budget (run-schedule.ts), then each stage's rules as soon as its probes are done; the report is
 * built from what was measured (run-report.ts). Never throws; a cancelled run still returns a
 * report (the unfinished probes skipped as cancelled).
 */
export async function runDiagnosis(request: DiagnosisRequest, opts: RunOptions = {}): Promise<Report> {
  const startedAtMs = Date.now();
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
  const cancelledAfter = () => secs((cancelledAtMs ?? Date.now()) - startedAtMs);

  // Trust stores and python3's certifi are read while the probes run: the matrix then costs no wall time.
  const matrixInputs = withMatrix ? startMatrixInputs(platform, opts.python) : null;

  const target = new URL(request.url);
  const results = new Map<string, ProbeResult>();
  const exchanges: HttpExchange[] = [];
  const drafts: FindingDraft[] = [];
  const view: RunView = { request, target, result: ((id: string) => results.get(id)) as RunView['result'] };

  const byStage = new Map<StageId, Probe[]>();
  for (const p of probes) byStage.set(p.stage, [...(byStage.get(p.stage) ?? []), p]);
  const stageStart = new Map<StageId, number>();
  const stageEnd = new Map<StageId, number>();
  const ids = new Set(probes.map((p) => p.id));

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
        emit({ type: 'probe-finished', probe: `rules:${stage}`, stage, status: 'failed', durationMs: 0, summary: { code: 'run.ruleError', values: { error: String(e) } } });
      }
    }
    drafts.push(...found);
    for (const d of found) emit({ type: 'finding', finding: findingOf(d, request) });
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
      results.set(probe.id, { status: 'skipped', reason: { code: 'run.cancelledBefore', values: { after: cancelledAfter() } }, durationMs: 0 });
    } else if (blocked) {
      // A failed prerequisite wins over "not applicable": otherwise a not-applicable probe (tls on
      // http://) would let its dependants run after dns or tcp failed.
      const [dep, r] = blocked;
      const why: ProbeText = r && r.status !== 'ok' ? r.reason : { code: 'run.notRun' };
      results.set(probe.id, { status: 'skipped', reason: r?.status === 'skipped' ? why : { code: 'run.depFailed', values: { probe: dep, reason: why } }, durationMs: 0 });
    } else if (na !== null) {
      results.set(probe.id, { status: 'skipped', reason: na, notApplicable: true, durationMs: 0 });
    } else {
      // The budget goes along so the wizard can say "3.1 s of 10 s" while it waits.
      emit({ type: 'probe-started', probe: probe.id, stage: probe.stage, budgetMs: probe.budgetMs?.(request) ?? request.timeoutMs });
      const t0 = performance.now();
      const outcome = await runWithBudget(probe, request, opts.signal, (budget, signal) => {
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
          sampleProgress: (p) => emit({ type: 'sample', probe: probe.id, stage: probe.stage, ...p }),
        };
        return probe.run(ctx);
      });
      const durationMs = elapsedMs(t0);
      if (opts.signal?.aborted) {
        // Cut short by the cancel: what it saw is not a measurement of the target.
        // "after" counts from the start of the run (what the user waited), "of" is this probe's budget.
        const budget = probe.budgetMs?.(request) ?? request.timeoutMs;
        results.set(probe.id, { status: 'skipped', reason: { code: 'run.cancelledDuring', values: { after: cancelledAfter(), budget: secs(budget) } }, durationMs });
      } else results.set(probe.id, { ...outcome, durationMs });
    }
    const r = results.get(probe.id)!;
    // The chain is known: the matrix starts python3 now if a Python row will need it (lazy-python.ts).
    if (probe.id === PROBE_IDS.tls && r.data) matrixInputs?.sawChain((r.data as { chainPem?: string[] }).chainPem ?? []);
    const summary = r.status === 'skipped' ? r.reason : r.summary;
    emit({ type: 'probe-finished', probe: probe.id, stage: probe.stage, status: r.status, durationMs: r.durationMs, ...(summary ? { summary } : {}) });
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
  const clients = matrixInputs && cancelledAtMs === null ? await withClientMatrix(view, drafts.map((d) => findingOf(d, request)), matrixInputs, platform, request.lang) : null;

  const stageDurationMs = (id: StageId) => (stageStart.has(id) && stageEnd.has(id) ? stageEnd.get(id)! - stageStart.get(id)! : 0);
  const tls = await tlsCertificates(view, matrixInputs && cancelledAtMs === null ? await matrixInputs.stores.catch(() => null) : null);
  const report = buildReport({ view, probes, results, drafts, exchanges, startedAtMs, cancelledAtMs, stageDurationMs, redactor, clients, tls });
  emit({ type: 'done', report });
  return report;
}
