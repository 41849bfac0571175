/** Stages in dependency order (diagnosis contract, section 1). Order matters: rootCause picks the earliest. */
export const STAGES = ['environment', 'proxy', 'dns', 'tcp', 'tls', 'http', 'auth', 'server'] as const;
export type StageId = (typeof STAGES)[number];

export const stageIndex = (s: StageId): number => STAGES.indexOf(s);
