import type { StageId } from '../../common/stages.js';
import type { StageRules } from '../probe.js';

/** One rule file per stage, turning probe results into findings. */
export const RULES: Partial<Record<StageId, StageRules>> = {};
