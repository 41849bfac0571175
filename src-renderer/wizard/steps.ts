import type { StageId } from '../../src-main/common/stages.js';

export type StepId = 'target' | 'network' | 'dns' | 'tls' | 'auth' | 'server' | 'report';

export interface StepDef {
  id: StepId;
  label: string;
  /** Engine stages this step shows. */
  stages: readonly StageId[];
}

/** The wizard is this array: one entry a step, each rendered by one component. */
export const STEPS: readonly StepDef[] = [
  { id: 'target', label: 'Target', stages: [] },
  { id: 'network', label: 'Network', stages: ['environment', 'proxy', 'tcp'] },
  { id: 'dns', label: 'DNS', stages: ['dns'] },
  { id: 'tls', label: 'TLS', stages: ['tls'] },
  { id: 'auth', label: 'Auth', stages: ['http', 'auth'] },
  { id: 'server', label: 'Server', stages: ['server'] },
  { id: 'report', label: 'Report', stages: [] },
];
