import type { DiagnosisRequest } from '../common/request.js';
import type { Evidence, HttpExchange, Timings } from '../common/report.js';
import type { FindingCode, Severity } from '../common/codes.js';
import type { StageId } from '../common/stages.js';
import type { PlatformAdapters } from './platform.js';
import type { Redactor } from './redact.js';
import type { Secret } from './secret.js';

/** What a probe hands back. It never throws: a failure is an outcome too. */
export type ProbeOutcome<T = unknown> =
  | { status: 'ok'; data: T; summary?: string; timing?: Partial<Timings> }
  /** `failed` blocks the probes that depend on this one; they are reported as skipped with `reason`. */
  | { status: 'failed'; data: T; reason: string; summary?: string; timing?: Partial<Timings> };

/**
 * `skipped` with `notApplicable` means the probe has nothing to check for this target (TLS on
 * an http:// URL): its dependants still run. Any other skip blocks them.
 */
export type ProbeResult<T = unknown> = (ProbeOutcome<T> | { status: 'skipped'; reason: string; notApplicable?: boolean; data?: undefined }) & {
  durationMs: number;
};

export interface ProbeContext {
  request: DiagnosisRequest;
  target: URL;
  /** Aborted when the probe's budget runs out or the whole run is cancelled. */
  signal: AbortSignal;
  budgetMs: number;
  /** Result of another probe that already finished (always available for `dependsOn`). */
  result<T = unknown>(probeId: string): ProbeResult<T> | undefined;
  platform: PlatformAdapters;
  /** The run's credential, resolved once (null when none was given). */
  credential: Secret | null;
  redactor: Redactor;
  /** Keeps an HTTP exchange for the report and the HAR (the runner redacts it). */
  recordExchange(exchange: HttpExchange): void;
}

export interface Probe<T = unknown> {
  id: string;
  stage: StageId;
  dependsOn: readonly string[];
  /** Budget for this probe; defaults to the request's per-phase timeout. Name the reason for any other. */
  budgetMs?(request: DiagnosisRequest): number;
  /** A reason when this probe has nothing to check for the target (reported as skipped, not blocking). */
  notApplicable?(request: DiagnosisRequest, target: URL): string | null;
  run(ctx: ProbeContext): Promise<ProbeOutcome<T>>;
}

/** A finding before it is put into words: code and evidence. report/explain adds title, detail and fixes. */
export interface FindingDraft {
  code: FindingCode;
  evidence: Evidence;
  /** Only for codes whose contract row names two severities (CLIENT_PROXY_IGNORED); else the code's own. */
  severity?: Severity;
}

/** What rules read: the request and every probe's result. */
export interface RunView {
  request: DiagnosisRequest;
  target: URL;
  result<T = unknown>(probeId: string): ProbeResult<T> | undefined;
}

/** One rule file per stage: pure, table-tested. */
export type StageRules = (view: RunView) => FindingDraft[];
