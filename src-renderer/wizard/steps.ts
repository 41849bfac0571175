import type { Component } from 'svelte';
import type { StageId } from '../../src-main/common/stages.js';
import type { MessageKey } from '../lib/i18n/en.js';
import TargetStep from './steps/target-step.svelte';
import StageStep from './steps/stage-step.svelte';
import ReportStep from './steps/report-step.svelte';

export type StepId = 'target' | 'network' | 'dns' | 'tls' | 'auth' | 'server' | 'report';

export interface StepDef {
  id: StepId;
  label: MessageKey;
  /** Engine stages this step shows, in the order they run. */
  stages: readonly StageId[];
  component: Component<{ step: StepDef }>;
}

/** The wizard is this array: one entry a step, each rendered by one component. */
export const STEPS: readonly StepDef[] = [
  { id: 'target', label: 'step.target', stages: [], component: TargetStep },
  { id: 'network', label: 'step.network', stages: ['environment', 'proxy', 'tcp'], component: StageStep },
  { id: 'dns', label: 'step.dns', stages: ['dns'], component: StageStep },
  { id: 'tls', label: 'step.tls', stages: ['tls'], component: StageStep },
  { id: 'auth', label: 'step.auth', stages: ['http', 'auth'], component: StageStep },
  { id: 'server', label: 'step.server', stages: ['server'], component: StageStep },
  { id: 'report', label: 'step.report', stages: [], component: ReportStep },
];

export const stepOfStage = (stage: StageId): StepDef => STEPS.find((s) => s.stages.includes(stage)) ?? STEPS[0]!;
