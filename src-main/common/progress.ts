import type { Finding, Report } from './report.js';
import type { StageId } from './stages.js';
import type { TextRef } from './text-ref.js';

/** Live progress of a run, streamed to the CLI's stderr and to the wizard. */
export type ProgressEvent =
  | { type: 'stage-started'; stage: StageId }
  | { type: 'probe-started'; probe: string; stage: StageId; budgetMs?: number }
  | { type: 'probe-finished'; probe: string; stage: StageId; status: 'ok' | 'failed' | 'skipped'; durationMs: number; summary?: TextRef }
  | { type: 'finding'; finding: Finding }
  | { type: 'stage-finished'; stage: StageId; status: 'pass' | 'warn' | 'fail' | 'skipped'; durationMs: number }
  | { type: 'done'; report: Report };
