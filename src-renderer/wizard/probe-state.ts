import type { TextRef } from '../../src-main/common/text-ref.js';
import { isBlockedReason, isCancelledReason } from '../lib/texts.js';
import type { ProbeStatus, ProbeView } from '../lib/stores/run.svelte.js';
import type { StepStatus } from './step-status.js';

/**
 * Summaries of probes that ran and found nothing of theirs to check for this target: no proxy is
 * configured (or NO_PROXY bypasses it), the host is an IP literal, or the proxy resolves the name
 * and opens the connection. The probe says so; it did not pass anything.
 */
const NOTHING_TO_CHECK = new Set(['proxy.direct', 'proxy.bypassed', 'dns.literal', 'dns.viaProxy', 'tcp.viaProxy']);

/** The mark of one probe row, kept apart the way steps keep them apart. */
export type ProbeMark = Exclude<ProbeStatus, 'ok' | 'failed' | 'skipped'> | Exclude<StepStatus, 'idle' | 'running'>;

/** A blocked probe whose blocker was cancelled ("http failed: cancelled") reads as cancelled, not as not reached. */
function blockedByCancel(r: TextRef): boolean {
  const inner = r.code === 'run.depFailed' ? r.values?.reason : undefined;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) && isCancelledReason(inner as TextRef);
}

/**
 * What a probe row shows. The engine's three outcomes are split by their reason into the marks a
 * user reads differently: ✓ passed, not applicable (TLS on http://, no proxy, not streaming),
 * not reached (an earlier probe failed), not checked (it could not run, e.g. no streaming endpoint
 * known; the stage still passed), cancelled — and a probe that ran to the end wears its stage's
 * ✗ or ! when what it measured is the problem ("errors 100 %"), never a ✓ beside a failure.
 */
export function probeMark(p: ProbeView, stageStatus: StepStatus): ProbeMark {
  const r = p.summary;
  if (p.status === 'pending' || p.status === 'running') return p.status;
  if (p.status === 'skipped') {
    if (!r) return 'skipped';
    if (isCancelledReason(r) || blockedByCancel(r)) return 'cancelled';
    if (r.code.endsWith('.notApplicable')) return 'not-applicable';
    return isBlockedReason(r) ? 'skipped' : 'not-checked';
  }
  if (p.status === 'failed') {
    if (r && isCancelledReason(r)) return 'cancelled';
    // A probe that could not run in a stage that still passed: the stage says "not checked: …".
    return stageStatus === 'fail' || stageStatus === 'warn' || stageStatus === 'running' ? 'fail' : 'not-checked';
  }
  if (r && NOTHING_TO_CHECK.has(r.code)) return 'not-applicable';
  return stageStatus === 'fail' || stageStatus === 'warn' ? stageStatus : 'pass';
}
