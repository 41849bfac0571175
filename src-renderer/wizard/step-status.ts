import type { StageId } from '../../src-main/common/stages.js';
import type { StageView } from '../lib/stores/run.svelte.js';
import { STAGES } from '../lib/stages.js';

/**
 * What a stage (or a step) shows. The four kinds of "did not pass" are kept apart, because a user
 * reads them differently: an earlier failure blocked it (not reached), there was nothing to check
 * (TLS on http://: not applicable), this build has no check for it (not checked), the user stopped it
 * (cancelled). None of them is a ✓.
 */
export type StepStatus = 'idle' | 'running' | 'pass' | 'warn' | 'fail' | 'skipped' | 'not-applicable' | 'not-checked' | 'cancelled';

/** The runner's reason for a stage no probe covers in this build. */
const NOT_CHECKED = 'not yet checked';

/** One stage's display state, from its status and the runner's skip reason. */
export function stageState(stage: StageId, views: Partial<Record<StageId, StageView>>): StepStatus {
  const v = views[stage];
  if (!v) return 'idle';
  const reason = v.reason ?? '';
  // A stage that passed with a probe that could not run is not a ✓: part of it was not checked.
  if (v.status === 'pass' && reason.startsWith('not checked: ')) return 'not-checked';
  if (v.status !== 'skipped') return v.status;
  if (/^cancelled\b/.test(reason) || /: cancelled\b/.test(reason)) return 'cancelled';
  if (reason === NOT_CHECKED || reason.startsWith('not checked: ')) return 'not-checked';
  // "tcp failed: …" is the runner's blocked-by-prerequisite reason; an earlier failed stage says the same.
  if (/ failed: /.test(reason) || reason === 'not run') return 'skipped';
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
