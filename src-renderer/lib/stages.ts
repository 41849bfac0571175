import type { StageId } from '../../src-main/common/stages.js';

/** The contract's stage order (common/stages.ts holds it as runtime data, which the renderer may not import). */
export const STAGES: readonly StageId[] = ['environment', 'proxy', 'dns', 'tcp', 'tls', 'http', 'auth', 'server'];
