import net from 'node:net';
import { z } from 'zod';
import { isFindingCode } from '../common/codes.js';
import { LANGS, REPORT_SCHEMA, type Lang, type Report } from '../common/report.js';
import type { DiagnosisRequest } from '../common/request.js';
import { STAGES, type StageId } from '../common/stages.js';

/**
 * Validation of everything the renderer sends for a diagnosis. The renderer is our own page, but
 * IPC input is untrusted by rule: a compromised page must not reach arbitrary hosts' files or
 * smuggle header injection, and a bug must get a clear message instead of an engine crash.
 */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

const targetUrl = z.string().superRefine((raw, ctx) => {
  const text = raw.trim();
  if (text === '') return void ctx.addIssue({ code: 'custom', message: 'Enter the address of the API, starting with https://' });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return void ctx.addIssue({ code: 'custom', message: `"${text}" is not a web address: give the full URL, starting with https://` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: `"${url.protocol}" addresses are not supported: use http:// or https://` });
  else if (!url.hostname) ctx.addIssue({ code: 'custom', message: `"${text}" has no host name` });
});

/** `ip`, `ip:port` or `[v6]:port`: a resolver is named by address, never by name (that would need DNS). */
const dnsServer = z.string().refine((raw) => {
  const m = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(raw) ?? /^([^:]+)(?::(\d{1,5}))?$/.exec(raw);
  const host = m?.[1] ?? raw;
  const port = m?.[2] === undefined ? 53 : Number(m[2]);
  return net.isIP(host) !== 0 && port >= 1 && port <= 65535;
}, 'A DNS server is an IP address, optionally with :port (IPv6 as [addr]:port)');

const header = z.object({
  name: z.string().regex(TOKEN, 'A header name may only contain letters, digits and -'),
  value: z.string().max(8192).refine((v) => !/[\r\n\0]/.test(v), 'A header value may not contain a line break'),
});

const credential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('keychain'), name: z.string().min(1).max(200) }),
  z.object({ kind: z.literal('env'), variable: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'An environment variable name has letters, digits and _ only') }),
]);

const auth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bearer') }),
  z.object({ kind: z.literal('basic') }),
  z.object({ kind: z.literal('header'), name: z.string().regex(TOKEN) }),
  z.object({ kind: z.literal('query'), param: z.string().min(1).max(100) }),
]);

export const diagnosisRequestSchema = z.object({
  url: targetUrl,
  method: z.string().transform((m) => m.toUpperCase()).pipe(z.enum(METHODS, { message: `The method must be one of ${METHODS.join(', ')}` })),
  headers: z.array(header).max(50),
  body: z.string().max(1_000_000, 'The body may be at most 1 MB').optional(),
  provider: z.enum(['auto', 'openai', 'zhipu', 'anthropic', 'azure-openai', 'generic']),
  credential,
  auth: auth.optional(),
  oauth: z.object({ tokenUrl: targetUrl, clientId: z.string().min(1).max(500) }).optional(),
  dnsServers: z.array(dnsServer).max(8),
  referenceDns: z.array(dnsServer).max(8),
  resolve: z.array(z.object({ host: z.string().min(1).max(253), port: z.number().int().min(1).max(65535), address: z.string().refine((a) => net.isIP(a) !== 0, 'not an IP address') })).max(16),
  proxy: z
    .string()
    .refine((p) => {
      try {
        return ['http:', 'https:', 'socks5:', 'socks:'].includes(new URL(p).protocol);
      } catch {
        return false;
      }
    }, 'The proxy must be a URL such as http://proxy.example:8080')
    .nullable()
    .optional(),
  caFile: z.string().optional(),
  timeoutMs: z.number().int().min(100, 'The timeout must be at least 100 ms').max(120_000, 'The timeout may be at most 120 s'),
  samples: z.number().int().min(1, 'Take at least 1 sample').max(20, 'Take at most 20 samples'),
  slowMs: z.number().int().min(1).max(120_000),
  stream: z.boolean(),
  lang: z.enum(LANGS as [Lang, ...Lang[]]),
});

/** The first problem of a zod error, in words a person can act on, naming the field. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request is not valid';
  const field = issue.path.join('.');
  return field && issue.code !== 'custom' ? `${field}: ${issue.message}` : issue.message;
}

export function parseDiagnosisRequest(input: unknown): { ok: true; value: DiagnosisRequest } | { ok: false; message: string } {
  const r = diagnosisRequestSchema.safeParse(input);
  if (!r.success) return { ok: false, message: describeIssue(r.error) };
  return { ok: true, value: { ...r.data, url: r.data.url.trim() } as DiagnosisRequest };
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
