import type { StageId } from '../../src-main/common/stages.js';
import type { MessageKey } from '../lib/i18n/en.js';

export type StepId = 'target' | 'network' | 'dns' | 'connection' | 'tls' | 'auth' | 'server' | 'report';

/**
 * The wizard's steps and the engine stages each shows, in the engine's order (steps.ts adds the
 * components; this file stays plain data so unit tests can check it).
 */
export const STEP_DEFS: readonly { id: StepId; label: MessageKey; stages: readonly StageId[] }[] = [
  { id: 'target', label: 'step.target', stages: [] },
  { id: 'network', label: 'step.network', stages: ['environment', 'proxy'] },
  { id: 'dns', label: 'step.dns', stages: ['dns'] },
  // TCP connects to the address DNS found, so the connection is its own step after DNS.
  { id: 'connection', label: 'step.connection', stages: ['tcp'] },
  { id: 'tls', label: 'step.tls', stages: ['tls'] },
  { id: 'auth', label: 'step.auth', stages: ['http', 'auth'] },
  { id: 'server', label: 'step.server', stages: ['server'] },
  { id: 'report', label: 'step.report', stages: [] },
];
