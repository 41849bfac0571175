import { z } from 'zod';
import { isFindingCode } from '../common/codes.js';
import { LANGS, REPORT_SCHEMA, type Lang, type Report } from '../common/report.js';
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

/** The first problem of a zod error, in words a person can act on, naming the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The input is not valid';
  const field = issue.path.join('.');
  return field && issue.code !== 'custom' ? `${field}: ${issue.message}` : issue.message;
}

export const stageSchema = z.enum(STAGES as unknown as [StageId, ...StageId[]]);
export const langSchema = z.enum(LANGS as [Lang, ...Lang[]]);
export const runIdSchema = z.string().regex(/^[0-9a-f-]{36}$/, 'not a run id');

/**
 * Just enough of a report to re-render its text: the renderer hands back a report main made, so
 * this checks shape and codes, and keeps everything else as it was.
 */
const findingSchema = z
  .object({
    code: z.string().refine(isFindingCode, 'unknown finding code'),
    stage: stageSchema,
    severity: z.enum(['error', 'warn', 'info']),
    evidence: z.record(z.string(), z.unknown()),
  })
  .loose();
export const reportSchema = z
  .object({
    schema: z.literal(REPORT_SCHEMA),
    summary: z.object({ verdict: z.enum(['healthy', 'degraded', 'failing']), rootCause: z.string().nullable(), headline: z.string() }).loose(),
    findings: z.array(findingSchema).max(500),
    stages: z.array(z.object({ id: stageSchema }).loose()),
  })
  .loose();

export function parseReport(input: unknown): { ok: true; value: Report } | { ok: false; message: string } {
  const r = reportSchema.safeParse(input);
  if (!r.success) return { ok: false, message: `This is not an API Doctor report (${describeIssue(r.error)})` };
  return { ok: true, value: r.data as unknown as Report };
}
