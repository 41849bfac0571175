import type { Finding, Lang, Report, StageStatus } from '../../../src-main/common/report.js';
import type { DiagnosisRequest } from '../../../src-main/common/request.js';
import type { ProgressEvent } from '../../../src-main/common/progress.js';
import type { StageId } from '../../../src-main/common/stages.js';
import type { DoctorClient } from '../../../src-main/common/ipc-contract.js';
import type { OpenedBundle } from '../../../src-main/common/bundle.js';
import type { TextRef } from '../../../src-main/common/text-ref.js';
import { localizeReport } from '../texts.js';

export type ProbeStatus = 'pending' | 'running' | 'ok' | 'failed' | 'skipped';
export interface ProbeView {
  id: string;
  stage: StageId;
  status: ProbeStatus;
  durationMs: number | null;
  /** What the probe measured, as data: shown with report/text in the screen's language. */
  summary: TextRef | null;
  /** While running: when it started (this clock) and its budget, for "3.1 s of 10 s". */
  startedAt?: number;
  budgetMs?: number;
  /** While a probe that sends several requests runs: the one it is at ("sample 2 of 5"). */
  sample?: { n: number; of: number; state: 'started' | 'finished' };
}
export type LiveStageStatus = 'running' | StageStatus;
export interface StageView {
  status: LiveStageStatus;
  durationMs: number | null;
  /** Why the stage was skipped: data when the report has it, else the report's words. */
  reason: TextRef | string | null;
}
export type Phase = 'idle' | 'starting' | 'running' | 'done';

/**
 * One diagnosis as the wizard sees it: filled in live from `progress` events, replaced by the
 * report when the run ends. Events of other runs (an older run, a cancelled one) are ignored.
 */
export class DiagnosisRun {
  phase: Phase = $state('idle');
  runId: string | null = $state(null);
  // Raw (not deeply proxied): these are immutable data that go back over IPC, which cannot clone a proxy.
  request: DiagnosisRequest | null = $state.raw(null);
  probes: ProbeView[] = $state([]);
  stages: Partial<Record<StageId, StageView>> = $state({});
  findings: Finding[] = $state.raw([]);
  report: Report | null = $state.raw(null);
  error: string | null = $state(null);
  cancelling = $state(false);
  cancelled = $state(false);
  /** Set when the report was read from a bundle rather than made here: there is no run to re-run. */
  bundle: { source: string | null; createdAt: string | null; warnings: string[] } | null = $state.raw(null);
  /** Stages a running re-run has restarted; their old rows are cleared on first sight. */
  #cleared: StageId[] = [];
  #rerunning = false;
  #unsubscribe: (() => void) | null = null;
  #plan: { id: string; stage: StageId }[] | null = null;

  constructor(
    private readonly api: () => DoctorClient,
    private readonly langOf: () => Lang,
  ) {}

  #listen(): void {
    this.#unsubscribe ??= this.api().on('progress', ({ runId, event }) => {
      if (runId === this.runId) this.apply(event);
    });
  }

  async start(request: DiagnosisRequest): Promise<boolean> {
    this.error = null;
    this.phase = 'starting';
    try {
      this.#listen();
      // Every probe is shown waiting from the start, so rows change in place instead of appearing.
      if (!this.#plan) {
        const plan = await this.api().listProbes();
        this.#plan = plan.ok ? plan.value : [];
      }
      const r = await this.api().startDiagnosis(request);
      if (!r.ok) {
        this.error = r.error.message;
        this.phase = this.report ? 'done' : 'idle';
        return false;
      }
      this.request = request;
      this.runId = r.value.runId;
      this.probes = this.#plan.map((p) => ({ ...p, status: 'pending' as const, durationMs: null, summary: null }));
      this.stages = {};
      this.findings = [];
      this.report = null;
      this.bundle = null;
      this.cancelled = false;
      this.cancelling = false;
      this.#rerunning = false;
      this.phase = 'running';
      return true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      this.phase = 'idle';
      return false;
    }
  }

  async rerun(stages: StageId[]): Promise<boolean> {
    if (!this.runId || this.phase !== 'done') return false;
    this.error = null;
    const r = await this.api().rerunStages(this.runId, stages);
    if (!r.ok) {
      this.error = r.error.message;
      return false;
    }
    this.runId = r.value.runId;
    this.#cleared = [];
    this.#rerunning = true;
    this.cancelled = false;
    this.phase = 'running';
    return true;
  }

  async cancel(): Promise<void> {
    if (!this.runId || this.phase !== 'running') return;
    this.cancelling = true;
    const r = await this.api().cancelDiagnosis(this.runId);
    if (!r.ok) this.error = r.error.message;
    else if (r.value.cancelled) this.cancelled = true;
  }

  /**
   * Puts the report's texts into `lang`, here in the renderer: every word is rendered from data by
   * report/text, so a language switch needs neither main nor a new run.
   */
  localize(lang: Lang): void {
    const report = this.report;
    if (!report || report.lang === lang) return;
    this.report = localizeReport(report, lang);
    this.findings = this.report.findings;
  }

  apply(event: ProgressEvent): void {
    switch (event.type) {
      case 'stage-started':
        if (this.#rerunning && !this.#cleared.includes(event.stage)) {
          this.#cleared.push(event.stage);
          this.probes = this.probes.map((p) => (p.stage === event.stage ? { ...p, status: 'pending' as const, durationMs: null, summary: null } : p));
          this.findings = this.findings.filter((f) => f.stage !== event.stage);
        }
        this.stages[event.stage] = { status: 'running', durationMs: null, reason: null };
        break;
      case 'probe-started':
        this.#upsert({ id: event.probe, stage: event.stage, status: 'running', durationMs: null, summary: null, startedAt: Date.now(), ...(event.budgetMs ? { budgetMs: event.budgetMs } : {}) });
        break;
      case 'sample': {
        const i = this.probes.findIndex((x) => x.id === event.probe);
        if (i >= 0 && this.probes[i]!.status === 'running') this.probes[i] = { ...this.probes[i]!, sample: { n: event.n, of: event.of, state: event.state } };
        break;
      }
      case 'probe-finished':
        this.#upsert({ id: event.probe, stage: event.stage, status: event.status, durationMs: event.durationMs, summary: event.summary ?? null });
        break;
      case 'finding':
        this.findings = [...this.findings, event.finding];
        break;
      case 'stage-finished':
        this.stages[event.stage] = { status: event.status, durationMs: event.durationMs, reason: this.stages[event.stage]?.reason ?? null };
        break;
      case 'done':
        this.report = event.report;
        this.findings = [...event.report.findings];
        for (const s of event.report.stages) this.stages[s.id] = { status: s.status, durationMs: s.durationMs, reason: s.reasonRef ?? s.reason ?? null };
        this.phase = 'done';
        this.cancelling = false;
        this.#rerunning = false;
        this.localize(this.langOf());
        break;
    }
  }

  #upsert(p: ProbeView): void {
    const i = this.probes.findIndex((x) => x.id === p.id);
    if (i >= 0) this.probes[i] = p;
    else this.probes.push(p);
  }

  /** Shows a report made elsewhere (a bundle from the CLI or another machine). */
  showBundle(opened: OpenedBundle): void {
    this.#showFinished(opened.report, { source: opened.source, createdAt: opened.manifest?.createdAt ?? opened.report.startedAt, warnings: opened.warnings });
  }

  /** Shows a report kept in the history (no run behind it to cancel or re-run a step of). */
  showStored(report: Report): void {
    this.#showFinished(report, null);
  }

  /** A finished report with no live run behind it: forget the run's state, then show the report. */
  #showFinished(report: Report, bundle: typeof this.bundle): void {
    this.runId = null;
    this.request = null;
    this.probes = [];
    this.stages = {};
    this.cancelled = false;
    this.error = null;
    this.bundle = bundle;
    this.apply({ type: 'done', report });
  }

  /** Stops listening to progress (the window is going away). */
  dispose(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  stage(id: StageId): StageView | undefined {
    return this.stages[id];
  }
}
