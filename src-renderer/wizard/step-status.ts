import { STAGES, type StageId } from '../../src-main/common/stages.js';
import type { TextRef } from '../../src-main/common/text-ref.js';
import { isBlockedReason, isCancelledReason, isNotCheckedReason, isNotYetCheckedReason } from '../lib/texts.js';
import type { StageView } from '../lib/stores/run.svelte.js';

/**
 * What a stage (or a step) shows. The four kinds of "did not pass" are kept apart, because a user
 * reads them differently: an earlier failure blocked it (not reached), there was nothing to check
 * (TLS on http://: not applicable), this build has no check for it (not checked), the user stopped it
 * (cancelled). None of them is a ✓.
 */
export type StepStatus = 'idle' | 'running' | 'pass' | 'warn' | 'fail' | 'skipped' | 'not-applicable' | 'not-checked' | 'cancelled';

type Reason = TextRef | string | null | undefined;

/** "not checked: …" (as data, or the words of an older report): a probe of the stage could not run. */
const isNotChecked = (r: Reason): boolean => isNotCheckedReason(r);

/** Cancelled, or blocked by a prerequisite that was cancelled ("http failed: cancelled"). */
function cancelled(r: Reason): boolean {
  if (isCancelledReason(r)) return true;
  if (typeof r === 'string') return /: cancelled\b/.test(r);
  const inner = r?.code === 'run.depFailed' ? r.values?.reason : undefined;
  return typeof inner === 'object' && inner !== null && !Array.isArray(inner) && isCancelledReason(inner as TextRef);
}

/** One stage's display state, from its status and the runner's skip reason (read as data through report/text). */
export function stageState(stage: StageId, views: Partial<Record<StageId, StageView>>): StepStatus {
  const v = views[stage];
  if (!v) return 'idle';
  const reason = v.reason;
  // A stage that passed with a probe that could not run is not a ✓: part of it was not checked.
  if (v.status === 'pass' && isNotChecked(reason)) return 'not-checked';
  if (v.status !== 'skipped') return v.status;
  if (cancelled(reason)) return 'cancelled';
  if (isNotYetCheckedReason(reason) || isNotChecked(reason)) return 'not-checked';
  // "tcp failed: …" is the runner's blocked-by-prerequisite reason; an earlier failed stage says the same.
  if (isBlockedReason(reason)) return 'skipped';
  if (STAGES.slice(0, STAGES.indexOf(stage)).some((s) => views[s]?.status === 'fail')) return 'skipped';
  return 'not-applicable';
}

/**
 * A step's status from its stages'. ✓ only when every stage passed (a not-applicable stage beside
 * passed ones does not spoil it: there was nothing there to fail); otherwise the most telling state.
 */
export function stepStatus(stages: readonly StageId[], views: Partial<Record<StageId, StageView>>): StepStatus {
  const s = stages.map((id) => stageState(id, views));
  if (s.length === 0 || s.every((x) => x === 'idle')) return 'idle';
  for (const k of ['running', 'fail', 'warn', 'cancelled', 'skipped', 'not-checked'] as const) if (s.includes(k)) return k;
  if (s.includes('idle')) return 'running';
  if (s.every((x) => x === 'not-applicable')) return 'not-applicable';
  return 'pass';
}
