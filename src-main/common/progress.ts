import type { Finding, Report } from './report.js';
import type { StageId } from './stages.js';
import type { TextRef } from './text-ref.js';

/** Live progress of a run, streamed to the CLI's stderr and to the wizard. */
export type ProgressEvent =
  | { type: 'stage-started'; stage: StageId }
  | { type: 'probe-started'; probe: string; stage: StageId; budgetMs?: number }
  | { type: 'probe-finished'; probe: string; stage: StageId; status: 'ok' | 'failed' | 'skipped'; durationMs: number; summary?: TextRef }
  | SampleEvent
  | { type: 'finding'; finding: Finding }
  | { type: 'stage-finished'; stage: StageId; status: 'pass' | 'warn' | 'fail' | 'skipped'; durationMs: number }
  | { type: 'done'; report: Report };

/**
 * One request of a probe that sends several (the server probe's samples), so a long sampling run
 * reads "sample 3 of 10" instead of a silent wait. `n` counts from 1 and includes the http probe's
 * answer when that counts as the first sample; `of` is the number planned (fewer may be taken when
 * the budget runs out or the service starts limiting). `started` comes before each request,
 * `finished` after its answer, in order, never two requests at once.
 */
export interface SampleEvent {
  type: 'sample';
  probe: string;
  stage: StageId;
  n: number;
  of: number;
  state: 'started' | 'finished';
  /** On `finished`: the HTTP status (null: no answer) and the contract code of a failed sample. */
  status?: number | null;
  code?: string | null;
}
