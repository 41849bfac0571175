import type { StageId } from '../../src-main/common/stages.js';
import type { LiveStageStatus, StageView } from '../lib/stores/run.svelte.js';

export type StepStatus = 'idle' | LiveStageStatus;

/** A step's status from its stages': the worst one wins; all skipped means not reached. */
export function stepStatus(stages: readonly StageId[], views: Partial<Record<StageId, StageView>>): StepStatus {
  const s = stages.map((id) => views[id]?.status);
  if (s.length === 0 || s.every((x) => x === undefined)) return 'idle';
  if (s.includes('running')) return 'running';
  if (s.includes('fail')) return 'fail';
  if (s.includes('warn')) return 'warn';
  if (s.every((x) => x === 'skipped')) return 'skipped';
  if (s.includes(undefined)) return 'running';
  return 'pass';
}
