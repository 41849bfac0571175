import type { DiagnosisRequest } from '../common/request.js';
import type { SampleEvent } from '../common/progress.js';
import type { Evidence, HttpExchange, Timings } from '../common/report.js';
import type { FindingCode, Severity } from '../common/codes.js';
import type { StageId } from '../common/stages.js';
import type { PlatformAdapters } from './platform.js';
import type { Redactor } from './redact.js';
import type { Secret } from './secret.js';
import type { ProbeText } from '../report/text/probe-texts.js';
import type { ProbeDataById, ProbeId } from './probe-results.js';

/**
 * What a probe hands back. It never throws: a failure is an outcome too. Its summary and reason
 * are sentences as data (report/text/probe-texts.ts words them in the language being shown).
 */
export type ProbeOutcome<T = unknown> =
  | { status: 'ok'; data: T; summary?: ProbeText; timing?: Partial<Timings> }
  /**
   * `failed` blocks the probes that depend on this one; they are reported as skipped with `reason`.
   * Its data is what the probe measured before failing, if anything (a timed-out probe has none).
   */
  | { status: 'failed'; data?: T; reason: ProbeText; summary?: ProbeText; timing?: Partial<Timings> };

/**
 * `skipped` with `notApplicable` means the probe has nothing to check for this target (TLS on
 * an http:// URL): its dependants still run. Any other skip blocks them.
 */
export type ProbeResult<T = unknown> = (ProbeOutcome<T> | { status: 'skipped'; reason: ProbeText; notApplicable?: boolean; data?: undefined }) & {
  durationMs: number;
};

export interface ProbeContext {
  request: DiagnosisRequest;
  target: URL;
  /** Aborted when the probe's budget runs out or the whole run is cancelled. */
  signal: AbortSignal;
  budgetMs: number;
  /** Result of another probe that already finished (always available for `dependsOn`), typed by its id. */
  result: ResultOf;
  platform: PlatformAdapters;
  /** The run's credential, resolved once (null when none was given). */
  credential: Secret | null;
  redactor: Redactor;
  /** Keeps an HTTP exchange for the report and the HAR (the runner redacts it). */
  recordExchange(exchange: HttpExchange): void;
  /** Live progress of a probe that sends several requests ("sample 2 of 3"); the runner tags it with the probe and stage. */
  sampleProgress?(p: Pick<SampleEvent, 'n' | 'of' | 'state' | 'status' | 'code'>): void;
}

export interface Probe<T = unknown> {
  id: string;
  stage: StageId;
  dependsOn: readonly string[];
  /** Budget for this probe; defaults to the request's per-phase timeout. Name the reason for any other. */
  budgetMs?(request: DiagnosisRequest): number;
  /** A reason when this probe has nothing to check for the target (reported as skipped, not blocking). */
  notApplicable?(request: DiagnosisRequest, target: URL): ProbeText | null;
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
  result: ResultOf;
}

/** A probe's result by id: a known id gives its data type (probe-results.ts); another id (a test's probe) gives unknown data. */
export interface ResultOf {
  <K extends ProbeId>(probeId: K): ProbeResult<ProbeDataById[K]> | undefined;
  (probeId: string): ProbeResult | undefined;
}

/** One rule file per stage: pure, table-tested. */
export type StageRules = (view: RunView) => FindingDraft[];
