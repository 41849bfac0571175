import { z } from 'zod';
import type { DiagnosisRequest } from '../common/request.js';
import { validateDiagnosisRequest } from '../common/request-schema.js';
import { STAGES, type StageId } from '../common/stages.js';

/**
 * Validation of what the renderer sends besides a request. IPC input is untrusted by rule: a
 * compromised page must not reach arbitrary hosts' files or smuggle header injection, and a bug
 * must get a clear message instead of an engine crash. The request itself is checked by the one
 * schema every face shares (common/request-schema.ts), so the wizard and the CLI refuse the same
 * request with the same sentence, in the request's own language.
 */
export function parseDiagnosisRequest(input: unknown): { ok: true; value: DiagnosisRequest } | { ok: false; message: string } {
  const r = validateDiagnosisRequest(input);
  return r.ok ? r : { ok: false, message: r.error.message };
}

export const stageSchema = z.enum(STAGES as unknown as [StageId, ...StageId[]]);
export const runIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'not a run id');
