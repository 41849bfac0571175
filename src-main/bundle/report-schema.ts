import { z } from 'zod';
import { BUNDLE_SCHEMA, type BundleManifest } from '../common/bundle.js';
import { LANGS, REPORT_SCHEMA, type Lang, type Report } from '../common/report.js';
import { STAGES } from '../common/stages.js';
import type { CertStoreId } from '../common/tls-view.js';

/**
 * Reports and manifests read from a bundle made anywhere — another version, another machine, or
 * a hostile hand. Bounded everywhere; newer tools may add codes and fields (the contract allows
 * it), so codes are checked for shape, not membership, and unknown fields are dropped.
 */
const str = (max = 10_000) => z.string().max(max);
const num = z.number().finite();
const nameValue = z.object({ name: str(1_000), value: str(100_000) });
const code = z.string().regex(/^[A-Z][A-Z0-9_]{1,63}$/, 'not a finding code');
const json: z.ZodType<unknown> = z.lazy(() => z.union([z.string().max(100_000), z.number(), z.boolean(), z.null(), z.array(json).max(1_000), z.record(z.string().max(200), json)]));

/** A sentence as data (common/text-ref.ts): a stage's reason, a matrix row's label and reason. */
const textRef = z.object({ code: str(100), values: z.record(z.string().max(100), json).optional() });

const exchange = z.object({
  startedAt: str(64),
  request: z.object({
    method: str(32),
    url: str(16_384),
    httpVersion: str(16),
    headers: z.array(nameValue).max(500),
    bodySize: num,
    body: z.object({ mimeType: str(200), text: str(2_000_000) }).optional(),
  }),
  response: z
    .object({
      status: z.number().int().min(0).max(999),
      statusText: str(1_000),
      httpVersion: str(16),
      headers: z.array(nameValue).max(500),
      bodySize: num,
      body: z.object({ mimeType: str(200), text: str(2_000_000), truncated: z.boolean().optional() }).optional(),
      redirectURL: str(16_384).optional(),
    })
    .nullable(),
  error: str(2_000).optional(),
  serverIPAddress: str(64).optional(),
  stage: z.enum(STAGES).optional().catch(undefined),
  probe: str(64).optional(),
  timings: z.object({ blocked: num, dns: num, connect: num, ssl: num, send: num, wait: num, receive: num }),
  totalMs: num,
});

const cert = z.object({
  subject: str(2_000),
  issuer: str(2_000),
  validFrom: str(64),
  validTo: str(64),
  names: z.array(str(1_000)).max(1_000),
  selfSigned: z.boolean(),
  fingerprint256: str(200),
  keyType: str(32).optional(),
  keyBits: z.number().int().min(0).max(100_000).optional(),
  curve: str(64).optional(),
  serialNumber: str(200).optional(),
  ca: z.boolean().optional(),
  inTrustStore: z.boolean().optional(),
});
const storeId = z.union([z.enum(['node-bundled', 'node-extra', 'os', 'certifi', 'ca-file']), z.string().regex(/^file:/).max(4_096)]) as z.ZodType<CertStoreId>;
/** A certificate section from a newer or older tool that does not fit is dropped, not the bundle. */
const tlsCertificates = z.object({
  host: str(1_000),
  checkedAt: str(64),
  protocol: str(32).nullable(),
  cipher: str(200).nullable(),
  alpn: str(64).nullable(),
  caFile: str(4_096).nullable(),
  chain: z.array(cert).max(12),
  stores: z.array(z.object({ store: storeId, source: str(4_096).nullable(), trusts: z.boolean().nullable(), reason: str(2_000).nullable() })).max(32),
});

export const reportSchema = z.object({
  schema: z.literal(REPORT_SCHEMA),
  tool: z.object({ name: z.literal('api-doctor'), version: str(64) }),
  target: z.object({ url: str(16_384), method: str(32), provider: str(32) }),
  lang: z.enum(LANGS as [Lang, ...Lang[]]).catch('en'),
  startedAt: str(64),
  durationMs: num,
  summary: z.object({ verdict: z.enum(['healthy', 'degraded', 'failing', 'cancelled']), rootCause: code.nullable(), headline: str(2_000), caFileOnly: z.object({ client: str(64) }).optional() }),
  stages: z.array(z.object({ id: str(32), status: z.enum(['pass', 'warn', 'fail', 'skipped']), durationMs: num, reason: str(2_000).optional(), reasonRef: z.object({ code: str(100), values: z.record(z.string().max(100), json).optional() }).optional() })).max(50),
  findings: z
    .array(
      z.object({
        code,
        stage: str(32),
        severity: z.enum(['error', 'warn', 'info']),
        title: str(1_000),
        detail: str(20_000),
        evidence: z.record(z.string().max(200), json),
        fixes: z.array(str(5_000)).max(50),
      }),
    )
    .max(500),
  timings: z.object({ dnsMs: num.nullable(), connectMs: num.nullable(), tlsMs: num.nullable(), ttfbMs: num.nullable(), downloadMs: num.nullable(), totalMs: num }),
  exchanges: z.array(exchange).max(1_000).default([]),
  advice: json.optional(),
  clients: z
    .array(z.object({ id: str(64), label: str(200), outcome: z.enum(['ok', 'fail', 'at-risk', 'unknown']), code: code.nullable(), reason: str(2_000), labelRef: textRef.optional(), reasonRef: textRef.optional() }))
    .max(50)
    .optional(),
  tls: tlsCertificates.optional().catch(undefined),
});

export const manifestSchema = z.object({
  schema: z.literal(BUNDLE_SCHEMA),
  tool: z.object({ name: z.literal('api-doctor'), version: str(64) }),
  createdAt: str(64),
  lang: z.enum(LANGS as [Lang, ...Lang[]]).catch('en'),
  files: z.array(z.object({ name: str(255), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).max(64),
});

function issue(e: z.ZodError): string {
  const i = e.issues[0];
  return i ? `${i.path.join('.') || 'top level'}: ${i.message}` : 'invalid';
}

export function parseReportJson(value: unknown): { ok: true; value: Report } | { ok: false; message: string } {
  const schema = value && typeof value === 'object' ? (value as { schema?: unknown }).schema : undefined;
  if (typeof schema === 'string' && schema !== REPORT_SCHEMA) {
    return { ok: false, message: `report.json has schema "${schema.slice(0, 60)}", which this version of API Doctor does not know (it reads ${REPORT_SCHEMA}); update API Doctor` };
  }
  if (schema === undefined) return { ok: false, message: 'report.json is not an API Doctor report (no "schema" field)' };
  const r = reportSchema.safeParse(value);
  return r.success ? { ok: true, value: r.data as unknown as Report } : { ok: false, message: `report.json is not a valid API Doctor report (${issue(r.error)})` };
}

export function parseManifestJson(value: unknown): { ok: true; value: BundleManifest } | { ok: false; message: string } {
  const schema = value && typeof value === 'object' ? (value as { schema?: unknown }).schema : undefined;
  if (typeof schema === 'string' && schema !== BUNDLE_SCHEMA) return { ok: false, message: `manifest.json has schema "${schema.slice(0, 60)}", which this version does not know (it reads ${BUNDLE_SCHEMA}); update API Doctor` };
  const r = manifestSchema.safeParse(value);
  return r.success ? { ok: true, value: r.data as BundleManifest } : { ok: false, message: `manifest.json is not valid (${issue(r.error)})` };
}
