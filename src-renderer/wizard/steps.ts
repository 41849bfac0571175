import type { Component } from 'svelte';
import type { StageId } from '../../src-main/common/stages.js';
import type { MessageKey } from '../lib/i18n/en.js';
import { STEP_DEFS, type StepId } from './step-defs.js';
import TargetStep from './steps/target-step.svelte';
import StageStep from './steps/stage-step.svelte';
import ReportStep from './steps/report-step.svelte';

export type { StepId };

export interface StepDef {
  id: StepId;
  label: MessageKey;
  /** Engine stages this step shows, in the order they run. */
  stages: readonly StageId[];
  component: Component<{ step: StepDef }>;
}

/** The wizard is this array: one entry a step, each rendered by one component. */
export const STEPS: readonly StepDef[] = STEP_DEFS.map((d) => ({ ...d, component: d.id === 'target' ? TargetStep : d.id === 'report' ? ReportStep : StageStep }));

export const stepOfStage = (stage: StageId): StepDef => STEPS.find((s) => s.stages.includes(stage)) ?? STEPS[0]!;
